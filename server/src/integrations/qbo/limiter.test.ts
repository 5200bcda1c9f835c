import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
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

  // Time is the subject of these two, so the clock is fake: each call's start is exact, and a
  // busy machine cannot stretch or bunch them.
  describe("on a fake clock", () => {
    beforeEach(() => vi.useFakeTimers());
    afterEach(() => vi.useRealTimers());

    it("spreads calls so no rolling second holds more than the per-second limit", async () => {
      const limiter = createLimiter({
        maxInFlight: 10,
        perSecond: 5,
        perMinute: 1000,
        marginMs: 0,
      });
      const began = Date.now();
      const starts: number[] = [];
      const all = Promise.all(
        Array.from({ length: 11 }, () =>
          limiter.run("r", async () => void starts.push(Date.now() - began)),
        ),
      );
      await vi.runAllTimersAsync();
      await all;
      expect(starts).toEqual([0, 0, 0, 0, 0, 1000, 1000, 1000, 1000, 1000, 2000]);
    });

    it("counts a slow call from when it ended, the latest Intuit can have seen it arrive", async () => {
      const limiter = createLimiter({
        maxInFlight: 10,
        perSecond: 2,
        perMinute: 1000,
        marginMs: 0,
      });
      const began = Date.now();
      const slow = () => limiter.run("r", () => sleep(300));
      const all = Promise.all([slow(), slow(), limiter.run("r", async () => Date.now() - began)]);
      await vi.runAllTimersAsync();
      // Both slow calls ended at 300 ms; the third waits a full second from then, not from 0.
      expect((await all)[2]).toBe(1300);
    });
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
