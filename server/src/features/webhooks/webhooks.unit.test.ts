import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { parseWebhookBody } from "./payload.js";
import { verifyIntuitSignature } from "./signature.js";

describe("intuit-signature", () => {
  const body = Buffer.from('{"eventNotifications":[]}');
  const good = createHmac("sha256", "tok").update(body).digest("base64");

  it("accepts base64(HMAC-SHA256(verifier token, raw body)) only", () => {
    expect(verifyIntuitSignature("tok", body, good)).toBe(true);
    expect(verifyIntuitSignature("other", body, good)).toBe(false);
    expect(verifyIntuitSignature("tok", Buffer.from(`${body.toString()} `), good)).toBe(false);
    expect(verifyIntuitSignature("tok", body, undefined)).toBe(false);
    expect(verifyIntuitSignature("tok", body, "short")).toBe(false);
    expect(verifyIntuitSignature("", body, good)).toBe(false);
  });
});

describe("webhook payloads", () => {
  it("reads the legacy eventNotifications format, batched across entities, with merges", () => {
    const events = parseWebhookBody({
      eventNotifications: [
        {
          realmId: "123",
          dataChangeEvent: {
            entities: [
              { name: "Item", id: "5", operation: "Update", lastUpdated: "2025-09-08T20:52:31Z" },
              { name: "Customer", id: "63", operation: "Merge", deletedId: "64" },
            ],
          },
        },
      ],
    });
    expect(events).toEqual([
      { realmId: "123", entity: "Item", id: "5", operation: "Update" },
      { realmId: "123", entity: "Customer", id: "63", operation: "Merge", deletedId: "64" },
    ]);
  });

  it("reads CloudEvents arrays and skips event types it does not know", () => {
    expect(
      parseWebhookBody([
        {
          specversion: "1.0",
          type: "qbo.item.updated.v1",
          intuitaccountid: "9",
          intuitentityid: "7",
        },
        {
          specversion: "1.0",
          type: "com.example.other",
          intuitaccountid: "9",
          intuitentityid: "8",
        },
      ]),
    ).toEqual([{ realmId: "9", entity: "Item", id: "7", operation: "updated" }]);
  });

  it("reads a CloudEvents merge with the merged record in data.deletedId", () => {
    expect(
      parseWebhookBody([
        {
          specversion: "1.0",
          type: "qbo.item.merged.v1",
          intuitaccountid: "9",
          intuitentityid: "7",
          data: { deletedId: "6" },
        },
      ]),
    ).toEqual([{ realmId: "9", entity: "Item", id: "7", operation: "Merge", deletedId: "6" }]);
  });

  it("rejects a body that is neither format", () => {
    expect(parseWebhookBody({ hello: "world" })).toBeUndefined();
  });
});
