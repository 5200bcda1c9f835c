/** Webhooks: eventNotifications delivered to a real receiver, signature verifiable, retried. */
import { createHmac, timingSafeEqual } from "node:crypto";
import type { AddressInfo } from "node:net";
import type { Server } from "node:http";
import express from "express";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { startSandbox, type RunningSandbox } from "./start.js";
import { admin, api, connect } from "./test-helpers.js";

const VERIFIER = "test-verifier-token";

interface Received {
  raw: string;
  signature: string;
}
interface Notification {
  eventNotifications: {
    realmId: string;
    dataChangeEvent: {
      entities: { name: string; id: string; operation: string; lastUpdated: string }[];
    };
  }[];
}

let sb: RunningSandbox;
let receiver: Server;
let receiverUrl: string;
const received: Received[] = [];
let failNext = 0;

beforeAll(async () => {
  const app = express();
  app.post("/hook", express.raw({ type: "*/*" }), (req, res) => {
    if (failNext > 0) {
      failNext--;
      res.status(500).end();
      return;
    }
    received.push({
      raw: (req.body as Buffer).toString("utf8"),
      signature: req.get("intuit-signature") ?? "",
    });
    res.status(200).end();
  });
  receiver = await new Promise<Server>((resolve) => {
    const s = app.listen(0, "127.0.0.1", () => resolve(s));
  });
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
  sb = await startSandbox({ port: 0, webhookRetryDelaysMs: [50, 100] });
});
afterAll(async () => {
  await sb.close();
  await new Promise((r) => receiver.close(r));
});

function verify(r: Received): boolean {
  const expected = createHmac("sha256", VERIFIER).update(r.raw).digest();
  const given = Buffer.from(r.signature, "base64");
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** Until `n` deliveries have arrived (the ceiling only bounds a real failure). */
async function waitFor(n: number): Promise<void> {
  await vi.waitFor(() => expect(received.length).toBeGreaterThanOrEqual(n), {
    timeout: 20_000,
    interval: 20,
  });
}

describe("webhooks", () => {
  it("delivers a signed eventNotifications batch for an invoice and the items it moved", async () => {
    const reg = await admin(sb, "PUT", "/webhook", { url: receiverUrl, verifierToken: VERIFIER });
    expect(reg.status).toBe(200);
    const token = (await connect(sb)).access_token;
    const inv = await api<{ Invoice: { Id: string } }>(sb, token, sb.demoRealmId, "invoice", {
      body: {
        CustomerRef: { value: "3" },
        Line: [
          {
            Amount: 17.99,
            DetailType: "SalesItemLineDetail",
            SalesItemLineDetail: { ItemRef: { value: "11" }, Qty: 1, UnitPrice: 17.99 },
          },
        ],
      },
    });
    expect(inv.status).toBe(200);
    await waitFor(1);
    const r = received[0] as Received;
    expect(verify(r)).toBe(true);
    expect(
      verify({ ...r, signature: createHmac("sha256", "wrong").update(r.raw).digest("base64") }),
    ).toBe(false);
    const body = JSON.parse(r.raw) as Notification;
    expect(body.eventNotifications).toHaveLength(1);
    const n = body.eventNotifications[0];
    expect(n?.realmId).toBe(sb.demoRealmId);
    const entities = n?.dataChangeEvent.entities ?? [];
    expect(entities).toContainEqual(
      expect.objectContaining({ name: "Invoice", id: inv.body.Invoice.Id, operation: "Create" }),
    );
    expect(entities).toContainEqual(
      expect.objectContaining({ name: "Item", id: "11", operation: "Update" }),
    );
    expect(entities).toContainEqual(
      expect.objectContaining({ name: "Customer", id: "3", operation: "Update" }),
    );
    expect(entities[0]?.lastUpdated).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
  });

  it("retries a failed delivery with backoff", async () => {
    const token = (await connect(sb)).access_token;
    const before = received.length;
    failNext = 2;
    const item = await api<{ Item: { Id: string } }>(sb, token, sb.demoRealmId, "item", {
      body: {
        Name: "Webhook Retry Fee",
        Type: "Service",
        IncomeAccountRef: { value: "85" },
        UnitPrice: 1,
      },
    });
    await waitFor(before + 1);
    const body = JSON.parse((received[before] as Received).raw) as Notification;
    expect(body.eventNotifications[0]?.dataChangeEvent.entities).toEqual([
      expect.objectContaining({ name: "Item", id: item.body.Item.Id, operation: "Create" }),
    ]);
    const stats = await admin(sb, "GET", "/stats");
    expect(stats.body.webhooks).toMatchObject({ delivered: 2, failed: 0 });
  });
});
