import { z } from "zod";

/** One changed entity, whatever format Intuit delivered it in. */
export interface ChangeEvent {
  realmId: string;
  /** Intuit's entity name, PascalCase ("Item"). */
  entity: string;
  id: string;
  operation: string;
  /** A merge: the record merged into `id`, which no longer exists. */
  deletedId?: string;
}

/**
 * Intuit's ids and names are short printable text. A NUL byte can't be stored in a PostgreSQL
 * text column at all (it failed the insert with a 500), so such a body is refused as malformed.
 */
const Text = z
  .string()
  .max(256)
  .refine((s) => !s.includes("\u0000"), "NUL bytes are not allowed");
const Id = z.union([Text, z.number()]).transform(String);

const LegacySchema = z.looseObject({
  eventNotifications: z.array(
    z.looseObject({
      realmId: Id,
      dataChangeEvent: z
        .looseObject({
          entities: z.array(
            z.looseObject({
              name: Text,
              id: Id,
              operation: Text.default("Update"),
              deletedId: Id.optional(),
            }),
          ),
        })
        .optional(),
    }),
  ),
});

const CloudEventSchema = z.looseObject({
  specversion: z.string(),
  type: Text,
  intuitaccountid: Id,
  intuitentityid: Id,
  data: z.looseObject({ deletedId: Id.optional() }).nullish(),
});

/** `qbo.item.updated.v1` → entity "item", verb "updated" (docs/quickbooks.md §7.3; verbs beyond created unverified). */
function fromCloudType(type: string): { entity: string; operation: string } | undefined {
  const parts = type.split(".");
  if (parts.length < 3 || parts[0] !== "qbo") return undefined;
  return { entity: parts[1] ?? "", operation: parts[2] ?? "" };
}

const canonical = (name: string) =>
  name.length === 0 ? name : name[0]!.toUpperCase() + name.slice(1).toLowerCase();

/**
 * Accepts Intuit's legacy `eventNotifications` object and the CloudEvents array. Returns
 * undefined for a body that is neither, so the endpoint can answer 400.
 */
export function parseWebhookBody(body: unknown): ChangeEvent[] | undefined {
  if (Array.isArray(body)) {
    const events: ChangeEvent[] = [];
    for (const raw of body) {
      const e = CloudEventSchema.safeParse(raw);
      const kind = e.success ? fromCloudType(e.data.type) : undefined;
      if (!e.success || !kind) continue; // an event type we don't know is not an error
      const deletedId = e.data.data?.deletedId;
      events.push({
        realmId: e.data.intuitaccountid,
        entity: canonical(kind.entity),
        id: e.data.intuitentityid,
        operation: kind.operation === "merged" ? "Merge" : kind.operation,
        ...(deletedId !== undefined ? { deletedId } : {}),
      });
    }
    return events;
  }
  const legacy = LegacySchema.safeParse(body);
  if (!legacy.success) return undefined;
  return legacy.data.eventNotifications.flatMap((n) =>
    (n.dataChangeEvent?.entities ?? []).flatMap((e) => {
      const event = { realmId: n.realmId, entity: canonical(e.name), operation: e.operation };
      // A Merge names the survivor as id and the merged record as deletedId.
      return [{ ...event, id: e.id, ...(e.deletedId ? { deletedId: e.deletedId } : {}) }];
    }),
  );
}
