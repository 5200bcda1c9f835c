import type { RequestHandler } from "express";

/**
 * Every /api answer is one shop's data, or a verdict on one request (errors, the OAuth callback
 * page): no browser, proxy or CDN cache may keep a copy for the next person at that machine.
 */
export const noStore: RequestHandler = (_req, res, next) => {
  res.setHeader("cache-control", "no-store");
  next();
};
