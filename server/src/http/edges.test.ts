import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { type Server, createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { type TestApp, createTestApp } from "../testing/test-app.js";

/** The edges of HTTP: clients that leave mid-request, files that are not there. */
describe("the app at the edges of HTTP", () => {
  let t: TestApp;
  let server: Server;
  let dist: string;
  beforeAll(async () => {
    dist = mkdtempSync(join(tmpdir(), "qbo-dist-"));
    mkdirSync(join(dist, "assets"));
    writeFileSync(join(dist, "index.html"), "<!doctype html><title>app</title>");
    writeFileSync(join(dist, "assets", "index-1a2b3c.js"), "console.log('app');");
    t = await createTestApp("pglite", {}, { webDistDir: dist });
    server = createServer(t.app);
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    await t.close();
    rmSync(dist, { recursive: true, force: true });
  });

  it("logs a client that left mid-body as an aborted request, not as a 500", async () => {
    const { port } = server.address() as AddressInfo;
    const socket = connect(port, "127.0.0.1");
    await new Promise<void>((resolve) => socket.on("connect", resolve));
    // Headers and part of the promised body, then the client hangs up (TCP keeps the order:
    // the server reads the part, starts on the body, then sees the end).
    socket.end(
      "POST /api/quickbooks/webhooks HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n" +
        'Content-Length: 1000\r\n\r\n{"eventNotifications":',
    );
    await vi.waitFor(() => expect(t.logs.join("")).toContain("client aborted the request"), {
      timeout: 20_000,
    });
    const lines = t.logs
      .join("")
      .split("\n")
      .filter(Boolean)
      .map((l) => JSON.parse(l) as { level: number; msg: string; status?: number });
    expect(lines.filter((l) => l.level >= 50)).toEqual([]);
    expect(lines.filter((l) => l.status === 500)).toEqual([]);
  });

  it("answers a missing script 404, not the SPA's HTML, and still serves SPA routes and files", async () => {
    const missing = await request(t.app).get("/assets/index-0ld0ld.js");
    expect(missing.status).toBe(404);
    expect(missing.text).not.toContain("<!doctype html>");
    expect((await request(t.app).get("/favicon.ico")).status).toBe(404);
    const present = await request(t.app).get("/assets/index-1a2b3c.js");
    expect(present.status).toBe(200);
    expect(present.text).toContain("console.log");
    const route = await request(t.app).get("/inventory/0b7e6c2a-1111-4111-8111-000000000001");
    expect(route.status).toBe(200);
    expect(route.text).toContain("<title>app</title>");
  });
});
