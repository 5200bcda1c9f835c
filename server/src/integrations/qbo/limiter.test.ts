import { describe, expect, it } from "vitest";
import { createLimiter } from "./limiter.js";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("the per-company limiter", () => {
  it("never lets more than the allowed number of calls run at once", async () => {
    const limiter = createLimiter({ maxInFlight: 3, perSecond: 100, perMinute: 1000, marginMs: 0 });
    let inFlight = 0;
    let peak = 0;
    await Promise.all(
      Array.from({ length: 12 }, () =>
        limiter.run("realm-1", async () => {
          peak = Math.max(peak, ++inFlight);
          await sleep(10);
          inFlight -= 1;
        }),
      ),
    );
    expect(peak).toBe(3);
  });

  it("spreads calls so no rolling second holds more than the per-second limit", async () => {
    const limiter = createLimiter({ maxInFlight: 10, perSecond: 5, perMinute: 1000, marginMs: 0 });
    const starts: number[] = [];
    const began = Date.now();
    await Promise.all(
      Array.from({ length: 11 }, () => limiter.run("r", async () => void starts.push(Date.now()))),
    );
    for (const s of starts)
      expect(starts.filter((x) => x >= s && x < s + 1000).length).toBeLessThanOrEqual(5);
    expect(Date.now() - began).toBeGreaterThanOrEqual(2000);
  });

  it("counts a slow call from when it ended, the latest Intuit can have seen it arrive", async () => {
    const limiter = createLimiter({ maxInFlight: 10, perSecond: 2, perMinute: 1000, marginMs: 0 });
    const began = Date.now();
    const slow = () => limiter.run("r", () => sleep(300));
    await Promise.all([slow(), slow(), limiter.run("r", async () => undefined)]);
    expect(Date.now() - began).toBeGreaterThanOrEqual(1280);
  });

  it("keeps companies independent", async () => {
    const limiter = createLimiter({ maxInFlight: 1, perSecond: 100, perMinute: 1000, marginMs: 0 });
    const order: string[] = [];
    await Promise.all([
      limiter.run("a", async () => {
        await sleep(50);
        order.push("a");
      }),
      limiter.run("b", async () => void order.push("b")),
    ]);
    expect(order).toEqual(["b", "a"]);
  });
});
