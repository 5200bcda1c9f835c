import type { Response } from "express";

/** Intuit answers exactly `application/json;charset=UTF-8` (res.send would rewrite it). */
export function sendJson(res: Response, status: number, body: unknown): void {
  if (res.headersSent || res.writableEnded || res.destroyed) return;
  const payload = Buffer.from(JSON.stringify(body), "utf8");
  res.statusCode = status;
  res.setHeader("Content-Type", "application/json;charset=UTF-8");
  res.setHeader("Content-Length", payload.length);
  res.end(payload);
}
