import type { SyncChange, SyncStatus } from "@app/shared";
import { and, desc, eq, sql } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { parts, syncChanges, syncNotices } from "../../db/schema/index.js";
import { conflict, notFound } from "../../http/errors.js";
import type { Session } from "../../http/session.js";
import { findCursor } from "./cursor.repository.js";
import { repointPart, unlinkItem, unlinkPart } from "../quickbooks-links/item-link.js";
import { SYNC_CATEGORIES, keepInSync, wasImported } from "./settings.repository.js";

const RECENT = 10;

export async function syncStatus(db: Db, shopId: string): Promise<SyncStatus> {
  const categories = await Promise.all(
    SYNC_CATEGORIES.map(async (category) => ({
      category,
      keepInSync: await keepInSync(db, shopId, category),
      imported: await wasImported(db, shopId, category),
    })),
  );
  const recent = await db
    .select()
    .from(syncChanges)
    .where(eq(syncChanges.shopId, shopId))
    .orderBy(desc(syncChanges.createdAt))
    .limit(RECENT);
  const recentChanges: SyncChange[] = recent.map((c) => ({
    id: c.id,
    at: c.createdAt.toISOString(),
    partId: c.partId,
    quickBooksItemRef: c.itemRef,
    name: c.name,
    source: c.source,
    changes: c.changes,
  }));
  const notices = await db
    .select({
      id: syncNotices.id,
      partId: syncNotices.partId,
      partDescription: parts.description,
      quickBooksItemRef: syncNotices.itemRef,
      kind: syncNotices.kind,
      mergedIntoRef: syncNotices.mergedIntoRef,
      createdAt: syncNotices.createdAt,
    })
    .from(syncNotices)
    .innerJoin(parts, eq(parts.id, syncNotices.partId))
    .where(and(eq(syncNotices.shopId, shopId), eq(syncNotices.status, "open")))
    .orderBy(desc(syncNotices.createdAt));
  const cursor = await findCursor(db, shopId);
  return {
    categories,
    lastChange: recentChanges[0] ?? null,
    recentChanges,
    lastCatchUpAt: cursor?.lastCatchUpAt?.toISOString() ?? null,
    notices: notices.map((n) => ({ ...n, createdAt: n.createdAt.toISOString() })),
  };
}

/**
 * Unlink: the part stops following the item (and leaves the drift report). Keep: just close.
 * Relink (a merge both parts were linked to): this part follows the survivor, the part that
 * followed it is unlinked.
 */
export async function decideNotice(
  db: Db,
  session: Session,
  id: string,
  decision: "unlink" | "keep" | "relink",
): Promise<void> {
  await db.transaction(async (tx) => {
    const [open] = await tx
      .select()
      .from(syncNotices)
      .where(
        and(
          eq(syncNotices.id, id),
          eq(syncNotices.shopId, session.shopId),
          eq(syncNotices.status, "open"),
        ),
      )
      .for("update");
    if (!open) throw notFound("Notice");
    if (decision === "relink" && (open.kind !== "merged" || !open.mergedIntoRef))
      throw conflict("Only a merge notice can move the link to the surviving item", {
        reason: "merge_notice_only",
      });
    const [notice] = await tx
      .update(syncNotices)
      .set({
        status: decision === "unlink" ? "unlinked" : "kept",
        resolvedAt: sql`now()`,
        resolvedBy: session.name,
      })
      .where(eq(syncNotices.id, open.id))
      .returning();
    if (!notice) throw notFound("Notice");
    if (decision === "unlink") await unlinkPart(tx, session.shopId, notice.partId, notice.itemRef);
    if (decision === "relink" && notice.mergedIntoRef) {
      await unlinkItem(tx, session.shopId, notice.mergedIntoRef);
      await repointPart(tx, session.shopId, notice.partId, notice.itemRef, notice.mergedIntoRef);
    }
  });
}
