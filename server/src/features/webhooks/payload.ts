import { z } from "zod";

/** One changed entity, whatever format Intuit delivered it in. */
export interface ChangeEvent {
  realmId: string;
  /** Intuit's entity name, PascalCase ("Item"). */
  entity: string;
  id: string;
  operation: string;
}

const Id = z.union([z.string(), z.number()]).transform(String);

const LegacySchema = z.looseObject({
  eventNotifications: z.array(
    z.looseObject({
      realmId: Id,
      dataChangeEvent: z
        .looseObject({
          entities: z.array(
            z.looseObject({
              name: z.string(),
              id: Id,
              operation: z.string().default("Update"),
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
  type: z.string(),
  intuitaccountid: Id,
  intuitentityid: Id,
});

/** `qbo.item.updated.v1` → entity "item", verb "updated" (reference 7.3; verbs beyond created unverified). */
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
      events.push({
        realmId: e.data.intuitaccountid,
        entity: canonical(kind.entity),
        id: e.data.intuitentityid,
        operation: kind.operation,
      });
    }
    return events;
  }
  const legacy = LegacySchema.safeParse(body);
  if (!legacy.success) return undefined;
  return legacy.data.eventNotifications.flatMap((n) =>
    (n.dataChangeEvent?.entities ?? []).flatMap((e) => {
      const event = { realmId: n.realmId, entity: canonical(e.name), operation: e.operation };
      // A Merge folds deletedId into id: both records changed for us.
      return e.deletedId
        ? [
            { ...event, id: e.id },
            { ...event, id: e.deletedId },
          ]
        : [{ ...event, id: e.id }];
    }),
  );
}
