import { describe, expect, it, vi } from "vitest";
import { json } from "../test/fake-server";
import { createSession, type SessionEnv } from "./session";

function fakeEnv(hash = "", now = 1_000_000) {
  const listeners: ((e: MessageEvent) => void)[] = [];
  const store = new Map<string, string>();
  const parent = {} as MessageEventSource;
  let minted = 0;
  const fetch = vi.fn((_url: RequestInfo | URL, init?: RequestInit) => {
    minted += 1;
    const body = JSON.parse(init?.body as string) as { role: string };
    return Promise.resolve(
      json({
        token: `${body.role}-${minted}`,
        expiresAt: new Date(env.now() + 15 * 60_000).toISOString(),
      }),
    );
  });
  const env: SessionEnv & { clock: number } = {
    clock: now,
    location: { hash, pathname: "/settings", search: "?x=1" },
    history: { state: null, replaceState: vi.fn() },
    storage: { getItem: (k) => store.get(k) ?? null, setItem: (k, v) => void store.set(k, v) },
    addMessageListener: (l) => void listeners.push(l),
    parent,
    fetch,
    now: () => env.clock,
  };
  const post = (data: unknown, source: MessageEventSource | null = parent) =>
    listeners.forEach((l) => l(new MessageEvent("message", { data, source })));
  return { env, store, post, parent, fetch };
}

describe("the embedded session", () => {
  it("takes the token from #session, then drops it from the URL", async () => {
    const { env } = fakeEnv("#session=jwt-1");
    const session = createSession(env);
    expect(session.mode).toBe("embedded");
    await expect(session.getToken()).resolves.toBe("jwt-1");
    expect(env.history.replaceState).toHaveBeenCalledWith(null, "", "/settings?x=1");
  });

  it("accepts a refreshed token from the parent frame only", async () => {
    const { env, post } = fakeEnv("#session=jwt-1");
    const session = createSession(env);
    post({ type: "shopmonkey:session", token: "jwt-2" });
    await expect(session.getToken()).resolves.toBe("jwt-2");
    post({ type: "shopmonkey:session", token: "evil" }, null);
    post({ type: "something-else", token: "evil" });
    await expect(session.getToken()).resolves.toBe("jwt-2");
    await expect(session.renew()).resolves.toBeNull();
  });
});

describe("the demo session", () => {
  it("mints for the stored identity and re-mints shortly before expiry", async () => {
    const { env, store, fetch } = fakeEnv();
    store.set("qbo.demoIdentity", JSON.stringify({ shop: "other-shop", role: "manager" }));
    const session = createSession(env);
    expect(session.mode).toBe("demo");
    await expect(session.getToken()).resolves.toBe("manager-1");
    await expect(session.getToken()).resolves.toBe("manager-1");
    expect(JSON.parse(fetch.mock.calls[0]?.[1]?.body as string)).toEqual({
      shop: "other-shop",
      role: "manager",
    });

    env.clock += 14.5 * 60_000; // 30 s before expiry
    await expect(session.getToken()).resolves.toBe("manager-2");
  });

  it("mints once for concurrent callers", async () => {
    const { env, fetch } = fakeEnv();
    const session = createSession(env);
    const tokens = await Promise.all([session.getToken(), session.getToken(), session.getToken()]);
    expect(new Set(tokens).size).toBe(1);
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it("persists the switched identity, never the token", async () => {
    const { env, store } = fakeEnv();
    const session = createSession(env);
    await session.switchDemoIdentity({ shop: "demo-shop", role: "technician" });
    await expect(session.getToken()).resolves.toBe("technician-1");
    expect([...store.values()].join()).not.toContain("technician-1");
    expect(createSession(env).demoIdentity()).toEqual({ shop: "demo-shop", role: "technician" });
  });

  it("asks for a Shopmonkey session when demo mode is off", async () => {
    const { env } = fakeEnv();
    env.fetch = () => Promise.resolve(json({ error: { code: "not_found", message: "off" } }, 404));
    await expect(createSession(env).getToken()).rejects.toMatchObject({ code: "unauthenticated" });
  });
});
