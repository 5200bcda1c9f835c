/** "Open in QuickBooks" offline: the sandbox's stand-ins for QuickBooks Online's item and customer pages. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSandbox, type RunningSandbox } from "./start.js";

let sb: RunningSandbox;
beforeAll(async () => {
  sb = await startSandbox({ port: 0 });
});
afterAll(async () => sb.close());

describe("the sandbox's QuickBooks pages", () => {
  it("shows an item by its Id, as the app's /app/item?itemId= link opens it", async () => {
    const res = await fetch(`${sb.url}/app/item?itemId=1`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/text\/html/);
    const html = await res.text();
    expect(html).toContain("Riverside Auto Parts (sandbox)");
    expect(html).toContain("Oil Filter");
  });

  it("shows a customer by its Id, and says so when no company has the record", async () => {
    const res = await fetch(`${sb.url}/app/customerdetail?nameId=1`);
    expect(res.status).toBe(200);
    const missing = await fetch(`${sb.url}/app/item?itemId=%3Cscript%3E`);
    expect(missing.status).toBe(404);
    const html = await missing.text();
    expect(html).toContain("&lt;script&gt;");
    expect(html).not.toContain("<script>");
  });
});
