import { describe, expect, it } from "vitest";
import { MAX_DELAY_MS, classifyStatus, decideRetry, type RetryInput } from "./retry-policy.js";

const base: RetryInput = {
  attempt: 1,
  outcome: "server_error",
  isWrite: false,
  hasRequestId: false,
  maxAttempts: 5,
  random: () => 0.5,
};

describe("the QuickBooks retry policy", () => {
  it.each([
    ["a read after a 500", { outcome: "server_error" }, true],
    ["a read after a 429", { outcome: "throttled" }, true],
    ["a read after a network error", { outcome: "network" }, true],
    ["a read after a timeout", { outcome: "timeout" }, true],
    ["a 400 validation fault", { outcome: "client_error" }, false],
    ["a write without requestid", { isWrite: true }, false],
    ["a write with requestid", { isWrite: true, hasRequestId: true }, true],
    ["the last allowed attempt", { attempt: 5 }, false],
  ] as const)("%s → retry %s", (_name, patch, expected) => {
    expect(decideRetry({ ...base, ...patch }).retry).toBe(expected);
  });

  it("backs off exponentially with jitter and a cap", () => {
    const delays = [1, 2, 3, 4].map((attempt) => {
      const d = decideRetry({ ...base, attempt, maxAttempts: 99, random: () => 1 });
      return d.retry ? d.delayMs : -1;
    });
    expect(delays).toEqual([300, 600, 1200, 2400]);
    const low = decideRetry({ ...base, attempt: 3, maxAttempts: 99, random: () => 0 });
    expect(low).toEqual({ retry: true, delayMs: 600 });
    const capped = decideRetry({
      ...base,
      outcome: "throttled",
      attempt: 12,
      maxAttempts: 99,
      random: () => 1,
    });
    expect(capped).toEqual({ retry: true, delayMs: MAX_DELAY_MS });
  });

  it.each([
    [200, "ok"],
    [401, "unauthorized"],
    [429, "throttled"],
    [503, "server_error"],
    [400, "client_error"],
    [404, "client_error"],
  ] as const)("classifies HTTP %i as %s", (status, outcome) => {
    expect(classifyStatus(status)).toBe(outcome);
  });
});
