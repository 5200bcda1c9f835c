import type { Response } from "express";

/** Intuit answers `application/json;charset=UTF-8`. */
export function sendJson(res: Response, status: number, body: unknown): void {
  if (res.headersSent || res.writableEnded || res.destroyed) return;
  res.status(status).set("Content-Type", "application/json;charset=UTF-8").send(JSON.stringify(body));
}
