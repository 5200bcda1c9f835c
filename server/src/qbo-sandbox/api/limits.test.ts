/** Intuit's throttles and the injected faults, observed over real HTTP. */
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { startSandbox, type RunningSandbox } from "../start.js";
import { admin, api, connect, firstError } from "../test-helpers.js";

let sb: RunningSandbox;
let token: string;

beforeAll(async () => {
  sb = await startSandbox({ port: 0 });
  token = (await connect(sb)).access_token;
});
afterAll(async () => sb.close());
beforeEach(async () => {
  await admin(sb, "DELETE", "/faults");
  await admin(sb, "POST", "/clock", { advanceSeconds: 61 }); // leave every rate window behind
});

const call = () => api(sb, token, sb.demoRealmId, "item/1");

describe("throttling", () => {
  it("11 simultaneous slow requests: at least one 429 with code 3001, and the stats agree", async () => {
    await admin(sb, "POST", "/faults", { realmId: sb.demoRealmId, latencyMs: 300 });
    const before = (await admin(sb, "GET", `/stats?realmId=${sb.demoRealmId}`)).body as {
      requests: number;
      throttled: number;
    };
    const results = await Promise.all(Array.from({ length: 11 }, call));
    const throttled = results.filter((r) => r.status === 429);
    expect(throttled.length).toBeGreaterThanOrEqual(1);
    expect(results.filter((r) => r.status === 200).length).toBe(10);
    expect(throttled[0]?.body).toMatchObject({ Fault: { type: "SERVICE" } });
    expect(firstError(throttled[0]?.body)).toMatchObject({
      code: "3001",
      Message: "message=ThrottleExceeded; errorCode=003001; statusCode=429",
    });
    const stats = (await admin(sb, "GET", `/stats?realmId=${sb.demoRealmId}`)).body as {
      requests: number;
      throttled: number;
      maxInFlight: number;
      byPath: Record<string, number>;
    };
    expect(stats.requests - before.requests).toBe(11);
    expect(stats.throttled - before.throttled).toBe(throttled.length);
    expect(stats.maxInFlight).toBe(10);
    expect(stats.byPath["GET /item/:id"]).toBeGreaterThanOrEqual(11);
  });

  it("10 per rolling second: the 11th sequential request within a second is refused", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) statuses.push((await call()).status);
    expect(statuses.slice(0, 10).every((s) => s === 200)).toBe(true);
    expect(statuses[10]).toBe(429);
    await admin(sb, "POST", "/clock", { advanceSeconds: 1 });
    expect((await call()).status).toBe(200);
  });

  it("500 per rolling minute, batch items counted", async () => {
    const batch = {
      BatchItemRequest: Array.from({ length: 30 }, (_, i) => ({
        bId: `q${i}`,
        Query: "select count(*) from Item",
      })),
    };
    let ok = 0;
    for (let i = 0; i < 17; i++) {
      const r = await api(sb, token, sb.demoRealmId, "batch", { body: batch });
      if (r.status === 200) ok++;
      else expect(r.status).toBe(429);
      await admin(sb, "POST", "/clock", { advanceSeconds: 1.01 });
    }
    expect(ok).toBe(16); // 16 × 30 = 480 ≤ 500 < 510
  });

  it("120 batch requests per rolling minute per realm, on top of the other limits", async () => {
    const batch = { BatchItemRequest: [{ bId: "q", Query: "select count(*) from Item" }] };
    const statuses: number[] = [];
    for (let i = 0; i < 121; i++) {
      statuses.push((await api(sb, token, sb.demoRealmId, "batch", { body: batch })).status);
      await admin(sb, "POST", "/clock", { advanceSeconds: 0.11 }); // stay under 10/s
    }
    expect(statuses.slice(0, 120).every((s) => s === 200)).toBe(true);
    expect(statuses[120]).toBe(429);
    expect((await call()).status).toBe(200); // plain calls still have room in the 500/min
    await admin(sb, "POST", "/clock", { advanceSeconds: 60 });
    expect((await api(sb, token, sb.demoRealmId, "batch", { body: batch })).status).toBe(200);
  });
});

describe("injected faults", () => {
  it("rate429 and rate500 hit deterministically (every 2nd request at 0.5)", async () => {
    await admin(sb, "POST", "/faults", { rate429: 0.5 });
    const a = [
      (await call()).status,
      (await call()).status,
      (await call()).status,
      (await call()).status,
    ];
    expect(a).toEqual([200, 429, 200, 429]);
    await admin(sb, "DELETE", "/faults");
    await admin(sb, "POST", "/faults", { realmId: sb.demoRealmId, rate500: 1 });
    const r = await call();
    expect(r.status).toBe(500);
    expect(r.body).toMatchObject({ Fault: { type: "SystemFault", Error: [{ code: "10000" }] } });
  });

  it("rateTimeout hangs past the client's timeout, and close() does not wait for it", async () => {
    const other = await startSandbox({ port: 0 });
    const t = await connect(other);
    await admin(other, "POST", "/faults", { rateTimeout: 1 });
    const res = fetch(`${other.url}/v3/company/${other.demoRealmId}/item/1`, {
      headers: { Authorization: `Bearer ${t.access_token}` },
      signal: AbortSignal.timeout(300),
    });
    // Outcomes, not a stopwatch: the client gave up, and the hung request ends "closed" (had
    // close() waited out the 35 s hang, it would have been answered 504 instead).
    await expect(res).rejects.toThrow();
    const hanging = other.state.sleeper.inProgress;
    const hung = fetch(`${other.url}/v3/company/${other.demoRealmId}/item/1`, {
      headers: { Authorization: `Bearer ${t.access_token}` },
    }).catch(() => "closed");
    await vi.waitFor(() => expect(other.state.sleeper.inProgress).toBe(hanging + 1), {
      timeout: 20_000,
    });
    await other.close();
    expect(await hung).toBe("closed");
  });

  it("expireAccessTokens scoped to a realm leaves other realms alone", async () => {
    const other = await admin(sb, "POST", "/companies", {
      seed: "fault-scope",
      items: { inventory: 2 },
      customers: 1,
      vendors: 1,
    });
    const otherToken = (await connect(sb, String(other.body.realmId))).access_token;
    await admin(sb, "POST", "/faults", { realmId: sb.demoRealmId, expireAccessTokens: true });
    expect((await call()).status).toBe(401);
    expect((await api(sb, otherToken, String(other.body.realmId), "item/1")).status).toBe(200);
    token = (await connect(sb)).access_token;
  });
});
