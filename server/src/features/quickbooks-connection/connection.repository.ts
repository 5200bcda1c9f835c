import { and, eq, gt, isNull, sql } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import {
  quickBooksConnections,
  quickBooksOAuthStates,
  quickBooksPendingSwitches,
} from "../../db/schema/index.js";
import type { StoredConnection, TokenStore } from "../../integrations/qbo/token-manager.js";
import type { TokenSet } from "../../integrations/qbo/oauth.js";
import type { Cipher } from "../../lib/crypto.js";

type Row = typeof quickBooksConnections.$inferSelect;

export const findConnection = async (db: Db, shopId: string): Promise<Row | undefined> =>
  (
    await db.select().from(quickBooksConnections).where(eq(quickBooksConnections.shopId, shopId))
  )[0];

const sealed = (cipher: Cipher, t: TokenSet) => ({
  accessTokenSealed: cipher.encrypt(t.accessToken),
  refreshTokenSealed: cipher.encrypt(t.refreshToken),
  accessTokenExpiresAt: t.accessTokenExpiresAt,
  refreshTokenExpiresAt: t.refreshTokenExpiresAt,
});

export async function saveNewConnection(
  db: Db,
  cipher: Cipher,
  c: {
    shopId: string;
    realmId: string;
    companyName: string;
    connectedBy: string;
    tokens: TokenSet;
  },
): Promise<void> {
  const values = {
    realmId: c.realmId,
    companyName: c.companyName,
    status: "connected" as const,
    connectedAt: new Date(),
    connectedBy: c.connectedBy,
    lastRefreshedAt: null,
    updatedAt: new Date(),
    ...sealed(cipher, c.tokens),
  };
  await db
    .insert(quickBooksConnections)
    .values({ shopId: c.shopId, ...values })
    .onConflictDoUpdate({ target: quickBooksConnections.shopId, set: values });
}

export async function setStatus(db: Db, shopId: string, status: Row["status"]): Promise<void> {
  await db
    .update(quickBooksConnections)
    .set({ status, updatedAt: new Date() })
    .where(eq(quickBooksConnections.shopId, shopId));
}

/**
 * The token manager's store: decrypts on read, seals on write, locks the row to refresh.
 *
 * Tokens sealed under another key (the key was changed, or a replica was started without the
 * shared one) cannot be read back: the connection then needs reconnecting, which is recorded,
 * instead of every QuickBooks call failing with a 500. Disconnect still works (nothing to revoke).
 */
export function connectionTokenStore(db: Db, cipher: Cipher): TokenStore {
  const toStored = (row: Row): StoredConnection => {
    let tokens: StoredConnection["tokens"];
    try {
      tokens = {
        accessToken: cipher.decrypt(row.accessTokenSealed),
        refreshToken: cipher.decrypt(row.refreshTokenSealed),
        accessTokenExpiresAt: row.accessTokenExpiresAt,
        refreshTokenExpiresAt: row.refreshTokenExpiresAt,
      };
    } catch {
      const unreadable = { accessToken: "", refreshToken: "" };
      return {
        realmId: row.realmId,
        status: row.status === "disconnected" ? row.status : "needs_reconnect",
        tokens: {
          ...unreadable,
          accessTokenExpiresAt: new Date(0),
          refreshTokenExpiresAt: new Date(0),
        },
      };
    }
    return { realmId: row.realmId, status: row.status, tokens };
  };
  /** Records what reading found: a connected row whose tokens can't be read needs reconnecting. */
  const noteUnreadable = async (
    tx: Db,
    row: Row | undefined,
    stored: StoredConnection | undefined,
  ) => {
    if (row?.status === "connected" && stored?.status === "needs_reconnect")
      await setStatus(tx, row.shopId, "needs_reconnect");
  };
  return {
    read: async (shopId) => {
      const row = await findConnection(db, shopId);
      const stored = row && toStored(row);
      await noteUnreadable(db, row, stored);
      return stored;
    },
    withLock: (shopId, fn) =>
      db.transaction(async (tx) => {
        const [row] = await tx
          .select()
          .from(quickBooksConnections)
          .where(eq(quickBooksConnections.shopId, shopId))
          .for("update");
        const stored = row && toStored(row);
        await noteUnreadable(tx, row, stored);
        return fn(stored, async (tokens) => {
          await tx
            .update(quickBooksConnections)
            .set({ ...sealed(cipher, tokens), lastRefreshedAt: new Date(), updatedAt: new Date() })
            .where(eq(quickBooksConnections.shopId, shopId));
        });
      }),
    markNeedsReconnect: (shopId) => setStatus(db, shopId, "needs_reconnect"),
  };
}

export async function insertState(
  db: Db,
  s: { stateHash: string; shopId: string; userId: string; userName: string; expiresAt: Date },
): Promise<void> {
  await db.insert(quickBooksOAuthStates).values(s);
}

/**
 * Ties a fresh state to the browser that opened the popup (the hash of its cookie), once: a
 * second start of the same link, in any browser, finds nothing to bind.
 */
export async function bindState(db: Db, stateHash: string, bindingHash: string): Promise<boolean> {
  const rows = await db
    .update(quickBooksOAuthStates)
    .set({ bindingHash })
    .where(
      and(
        eq(quickBooksOAuthStates.stateHash, stateHash),
        isNull(quickBooksOAuthStates.bindingHash),
        isNull(quickBooksOAuthStates.usedAt),
        gt(quickBooksOAuthStates.expiresAt, sql`now()`),
      ),
    )
    .returning({ stateHash: quickBooksOAuthStates.stateHash });
  return rows.length > 0;
}

/** Marks the state used and returns it, atomically: a replay finds nothing to consume. */
export async function consumeState(db: Db, stateHash: string) {
  const [row] = await db
    .update(quickBooksOAuthStates)
    .set({ usedAt: new Date() })
    .where(
      and(
        eq(quickBooksOAuthStates.stateHash, stateHash),
        isNull(quickBooksOAuthStates.usedAt),
        gt(quickBooksOAuthStates.expiresAt, sql`now()`),
      ),
    )
    .returning();
  return row;
}

export async function setCompanyName(db: Db, shopId: string, companyName: string): Promise<void> {
  await db
    .update(quickBooksConnections)
    .set({ companyName, updatedAt: new Date() })
    .where(eq(quickBooksConnections.shopId, shopId));
}

export async function deleteConnection(db: Db, shopId: string): Promise<void> {
  await db.delete(quickBooksConnections).where(eq(quickBooksConnections.shopId, shopId));
}

type PendingRow = typeof quickBooksPendingSwitches.$inferSelect;
export interface PendingSwitch {
  realmId: string;
  companyName: string;
  requestedBy: string;
  expiresAt: Date;
  tokens: TokenSet;
}

export async function savePendingSwitch(
  db: Db,
  cipher: Cipher,
  shopId: string,
  p: PendingSwitch,
): Promise<PendingSwitch | undefined> {
  const values = {
    realmId: p.realmId,
    companyName: p.companyName,
    requestedBy: p.requestedBy,
    expiresAt: p.expiresAt,
    createdAt: new Date(),
    ...sealed(cipher, p.tokens),
  };
  // The grant it replaces (an earlier, unconfirmed consent) is handed back to be revoked.
  const before = await takePendingSwitch(db, cipher, shopId);
  await db.insert(quickBooksPendingSwitches).values({ shopId, ...values });
  return before;
}

/** A grant sealed under another key reads as expired and empty: nothing to use or revoke. */
function toPending(cipher: Cipher, row: PendingRow): PendingSwitch {
  const base = {
    realmId: row.realmId,
    companyName: row.companyName,
    requestedBy: row.requestedBy,
  };
  try {
    return {
      ...base,
      expiresAt: row.expiresAt,
      tokens: {
        accessToken: cipher.decrypt(row.accessTokenSealed),
        refreshToken: cipher.decrypt(row.refreshTokenSealed),
        accessTokenExpiresAt: row.accessTokenExpiresAt,
        refreshTokenExpiresAt: row.refreshTokenExpiresAt,
      },
    };
  } catch {
    const never = new Date(0);
    return {
      ...base,
      expiresAt: never,
      tokens: {
        accessToken: "",
        refreshToken: "",
        accessTokenExpiresAt: never,
        refreshTokenExpiresAt: never,
      },
    };
  }
}

export async function findPendingSwitch(
  db: Db,
  shopId: string,
): Promise<Omit<PendingRow, "accessTokenSealed" | "refreshTokenSealed"> | undefined> {
  const [row] = await db
    .select()
    .from(quickBooksPendingSwitches)
    .where(eq(quickBooksPendingSwitches.shopId, shopId));
  if (!row) return undefined;
  const { accessTokenSealed: _a, refreshTokenSealed: _r, ...rest } = row;
  return rest;
}

/** Removes and returns the waiting switch: two confirms (or a confirm and a cancel) can't both act. */
export async function takePendingSwitch(
  db: Db,
  cipher: Cipher,
  shopId: string,
): Promise<PendingSwitch | undefined> {
  const [row] = await db
    .delete(quickBooksPendingSwitches)
    .where(eq(quickBooksPendingSwitches.shopId, shopId))
    .returning();
  return row && toPending(cipher, row);
}
