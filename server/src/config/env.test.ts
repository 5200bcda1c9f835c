import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { EnvSchema, parseEnv } from "./env.js";

const example = readFileSync(new URL("../../../.env.example", import.meta.url), "utf8");

describe("configuration", () => {
  it("documents every variable the server reads in .env.example", () => {
    for (const key of Object.keys(EnvSchema.shape).filter((k) => k !== "NODE_ENV")) {
      expect(example, `${key} missing from .env.example`).toMatch(new RegExp(`^#? ?${key}=`, "m"));
    }
  });

  it("uses the documented defaults when nothing is set", () => {
    const env = parseEnv({});
    for (const line of example.split("\n").filter((l) => /^[A-Z_]+=/.test(l))) {
      const [key, value] = line.split("=") as [keyof typeof env, string];
      if (value === "") continue;
      expect(String(env[key]), key).toBe(value);
    }
  });

  it("fails fast with a readable list of bad values", () => {
    expect(() => parseEnv({ PORT: "eighty", QBO_ENVIRONMENT: "moon" })).toThrow(
      /PORT[\s\S]*QBO_ENVIRONMENT/,
    );
  });

  it("refuses to start outside demo mode without TOKEN_ENCRYPTION_KEY (never one per data directory)", () => {
    const secret = "s".repeat(32);
    expect(() => parseEnv({ SESSION_SECRET: secret })).toThrow(/TOKEN_ENCRYPTION_KEY: required/);
    const key = Buffer.alloc(32, 7).toString("base64");
    expect(
      parseEnv({ SESSION_SECRET: secret, TOKEN_ENCRYPTION_KEY: key }).TOKEN_ENCRYPTION_KEY,
    ).toBe(key);
    expect(parseEnv({}).TOKEN_ENCRYPTION_KEY).toBeUndefined(); // demo mode generates its own
  });
});
