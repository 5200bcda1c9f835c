/**
 * Webhooks in Intuit's legacy `eventNotifications` format (docs/quickbooks.md §7.2) or, once registered
 * with `format: "cloudevents"`, as a CloudEvents 1.0 array (docs/quickbooks.md §7.3; Intuit's
 * "Webhooks" page, https://developer.intuit.com/app/developer/qbo/docs/develop/webhooks), signed with
 * `intuit-signature` = base64(HMAC-SHA256(verifierToken, rawBody)). Events are batched for
 * `batchMs` (one notification per realm per delivery) and retried with backoff; delivery
 * never blocks an API response. Intuit retries at 10 s, 20 s, 30 s…; the schedule here is
 * compressed and configurable.
 */
import { createHmac, randomUUID } from "node:crypto";
import type { JsonObject } from "./json.js";

export interface WebhookEvent {
  name: string;
  id: string;
  operation: string;
  lastUpdated: string;
  /** Merge only: the record that was merged into `id` and no longer exists. */
  deletedId?: string;
}

export type WebhookFormat = "legacy" | "cloudevents";

/** `Create` → `qbo.item.created.v1` (verbs beyond `created` are unverified, docs/quickbooks.md §7.3). */
const CLOUD_VERBS: Record<string, string> = {
  Create: "created",
  Update: "updated",
  Delete: "deleted",
  Void: "voided",
  Merge: "merged",
};

export function cloudEvents(realmId: string, events: WebhookEvent[]): JsonObject[] {
  return events.map((e): JsonObject => ({
    specversion: "1.0",
    id: randomUUID(),
    source: "intuit.qbo-sandbox",
    type: `qbo.${e.name.toLowerCase()}.${CLOUD_VERBS[e.operation] ?? e.operation.toLowerCase()}.v1`,
    datacontenttype: "application/json",
    time: e.lastUpdated,
    intuitentityid: e.id,
    intuitaccountid: realmId,
    // Where a merged record's id travels in this form is unverified; we mirror `deletedId`.
    data: e.deletedId !== undefined ? { deletedId: e.deletedId } : {},
  }));
}

export interface WebhookOptions {
  batchMs: number;
  retryDelaysMs: readonly number[];
  timeoutMs: number;
}

export function signPayload(verifierToken: string, rawBody: string): string {
  return createHmac("sha256", verifierToken).update(rawBody, "utf8").digest("base64");
}

export class WebhookDispatcher {
  url: string | undefined;
  verifierToken: string;
  format: WebhookFormat = "legacy";
  delivered = 0;
  failed = 0;
  private pending = new Map<string, WebhookEvent[]>();
  private flushTimer: NodeJS.Timeout | undefined;
  private readonly retryTimers = new Set<NodeJS.Timeout>();
  private readonly inFlight = new Set<AbortController>();
  private closed = false;

  constructor(
    url: string | undefined,
    verifierToken: string,
    private readonly opts: WebhookOptions,
  ) {
    this.url = url;
    this.verifierToken = verifierToken;
  }

  enqueue(realmId: string, event: WebhookEvent): void {
    if (!this.url || this.closed) return;
    const list = this.pending.get(realmId) ?? [];
    list.push(event);
    this.pending.set(realmId, list);
    this.flushTimer ??= setTimeout(() => this.flush(), this.opts.batchMs);
  }

  /** Sends everything queued now (also used by tests through the batching timer). */
  flush(): void {
    this.flushTimer = undefined;
    const url = this.url;
    if (!url || this.pending.size === 0) return;
    const pending = [...this.pending];
    this.pending = new Map();
    const body =
      this.format === "cloudevents"
        ? JSON.stringify(pending.flatMap(([realmId, events]) => cloudEvents(realmId, events)))
        : JSON.stringify({
            eventNotifications: pending.map(([realmId, entities]) => ({
              realmId,
              dataChangeEvent: { entities: entities.map((e) => ({ ...e })) },
            })),
          });
    void this.deliver(url, body, 0);
  }

  private async deliver(url: string, body: string, attempt: number): Promise<void> {
    if (this.closed) return;
    const controller = new AbortController();
    this.inFlight.add(controller);
    const timer = setTimeout(() => controller.abort(), this.opts.timeoutMs);
    let ok: boolean;
    try {
      const res = await fetch(url, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          "intuit-signature": signPayload(this.verifierToken, body),
        },
        body,
        signal: controller.signal,
      });
      await res.arrayBuffer().catch(() => undefined);
      ok = res.status >= 200 && res.status < 300;
    } catch {
      ok = false;
    } finally {
      clearTimeout(timer);
      this.inFlight.delete(controller);
    }
    if (ok) {
      this.delivered++;
      return;
    }
    const delay = this.opts.retryDelaysMs[attempt];
    if (delay === undefined || this.closed) {
      this.failed++;
      return;
    }
    const retry = setTimeout(() => {
      this.retryTimers.delete(retry);
      void this.deliver(url, body, attempt + 1);
    }, delay);
    this.retryTimers.add(retry);
  }

  close(): void {
    this.closed = true;
    if (this.flushTimer) clearTimeout(this.flushTimer);
    for (const t of this.retryTimers) clearTimeout(t);
    for (const c of this.inFlight) c.abort();
    this.retryTimers.clear();
  }
}
