import type { RequestHandler } from "express";
import { AppError } from "./errors.js";
import { sessionOf } from "./session.js";

/**
 * Per-shop admission: at most `inFlight` requests of one shop run at once, the next `queued`
 * wait their turn in that shop's own line, and beyond that the shop is asked to come back
 * (503 + Retry-After) instead of everyone waiting. One server serves every shop (the embedded
 * default most of all): a burst from one shop must not freeze the others.
 */
export interface ShopGate {
  /** A release to call when done; `undefined` when the shop's line is full. */
  enter(shopId: string): Promise<() => void> | undefined;
}

export function createShopGate(limits: { inFlight: number; queued: number }): ShopGate {
  const shops = new Map<string, { active: number; waiting: (() => void)[] }>();
  const release = (shopId: string) => {
    const shop = shops.get(shopId);
    if (!shop) return;
    const next = shop.waiting.shift();
    // The slot passes straight to the next in line; otherwise it frees up.
    if (next) next();
    else if (--shop.active === 0) shops.delete(shopId);
  };
  const once = (shopId: string) => {
    let done = false;
    return () => {
      if (done) return;
      done = true;
      release(shopId);
    };
  };
  return {
    enter(shopId) {
      let shop = shops.get(shopId);
      if (!shop) {
        shop = { active: 0, waiting: [] };
        shops.set(shopId, shop);
      }
      if (shop.active < limits.inFlight) {
        shop.active++;
        return Promise.resolve(once(shopId));
      }
      if (shop.waiting.length >= limits.queued) return undefined;
      const line = shop.waiting;
      return new Promise((resolve) => line.push(() => resolve(once(shopId))));
    },
  };
}

export function shopFairness(gate: ShopGate, retryAfterSeconds = 1): RequestHandler {
  return (req, res, next) => {
    const entered = gate.enter(sessionOf(req).shopId);
    if (!entered) {
      res.set("retry-after", String(retryAfterSeconds));
      next(
        new AppError(
          503,
          "too_busy",
          "This shop is sending too many requests at once; try again shortly",
        ),
      );
      return;
    }
    void entered.then((release) => {
      // Whichever comes first: the answer sent, or the client gone.
      res.on("finish", release);
      res.on("close", release);
      // A request whose body was read is "destroyed" as a stream; only the response tells
      // whether the client is still there.
      if (res.writableEnded || res.destroyed) release();
      else next();
    });
  };
}
