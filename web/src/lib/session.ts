import { DemoSessionSchema, RoleSchema, type Role } from "@app/shared";
import { z } from "zod/mini";
import { ApiError, toApiError } from "./api-error";

/**
 * How the SPA gets its session token.
 * - Embedded: Shopmonkey's shell puts `#session=<jwt>` in the frame URL and later posts
 *   `{ type: "shopmonkey:session", token }` to refresh it. The token lives in memory only.
 * - Demo (no fragment): this app asks the BFF, playing the host, to mint one for the identity
 *   picked in the dev switcher. Only that identity is persisted, never the token.
 */
export type SessionMode = "embedded" | "demo";

export const DemoIdentitySchema = z.object({
  // Any demo shop id the host accepts; the switcher offers the two below, and e2e journeys
  // each use a shop of their own.
  shop: z.string().check(z.regex(/^[a-z0-9-]{1,64}$/)),
  role: RoleSchema,
});
export type DemoIdentity = z.infer<typeof DemoIdentitySchema>;
export const DEMO_SHOPS = ["demo-shop", "other-shop"] as const;
export const ROLES: readonly Role[] = RoleSchema.options;

const IDENTITY_KEY = "qbo.demoIdentity";
const DEFAULT_IDENTITY: DemoIdentity = { shop: "demo-shop", role: "owner" };
/** Re-mint this long before expiry so a request never leaves with a token about to die. */
const RENEW_MARGIN_MS = 60_000;

export interface SessionEnv {
  location: Pick<Location, "hash" | "pathname" | "search">;
  history: Pick<History, "replaceState" | "state">;
  storage: Pick<Storage, "getItem" | "setItem">;
  addMessageListener: (listener: (event: MessageEvent) => void) => void;
  /** The embedding window; messages from anyone else are ignored. */
  parent: MessageEventSource | null;
  fetch: typeof fetch;
  now: () => number;
}

const ShellMessageSchema = z.object({ type: z.literal("shopmonkey:session"), token: z.string() });

export interface Session {
  readonly mode: SessionMode;
  /** A token good for at least the next minute (demo: minted or re-minted as needed). */
  getToken(): Promise<string>;
  /** After a 401: demo mints a fresh token; embedded cannot, and says so by returning null. */
  renew(): Promise<string | null>;
  demoIdentity: () => DemoIdentity;
  /** Dev switcher: persists the identity and mints a token for it. */
  switchDemoIdentity(identity: DemoIdentity): Promise<void>;
  /** Property-typed (not a method) so React can take it unbound for useSyncExternalStore. */
  subscribe: (listener: () => void) => () => void;
}

export function createSession(env: SessionEnv): Session {
  const fragment = new URLSearchParams(env.location.hash.replace(/^#/, "")).get("session");
  const mode: SessionMode = fragment ? "embedded" : "demo";
  let token: string | null = fragment;
  let expiresAt = Number.POSITIVE_INFINITY;
  let inFlight: Promise<string> | null = null;
  let identity = readIdentity(env.storage);
  const listeners = new Set<() => void>();
  const notify = () => listeners.forEach((l) => l());

  if (fragment) {
    // Keep the token out of history, bookmarks and screenshots once it is in memory.
    env.history.replaceState(env.history.state, "", env.location.pathname + env.location.search);
  }
  env.addMessageListener((event) => {
    // Only the frame's parent (the Shopmonkey shell, allowed by CSP frame-ancestors) may hand
    // us a token; anything else could be a page trying to fix our session.
    if (mode !== "embedded" || event.source !== env.parent) return;
    const message = ShellMessageSchema.safeParse(event.data);
    if (!message.success) return;
    token = message.data.token;
    notify();
  });

  function mint(): Promise<string> {
    inFlight ??= (async () => {
      try {
        const response = await env.fetch("/api/demo/session", {
          method: "POST",
          headers: { "Content-Type": "application/json", Accept: "application/json" },
          body: JSON.stringify(identity),
        });
        // 404: demo mode is off, so the only way in is a token from Shopmonkey.
        if (response.status === 404) {
          throw new ApiError(401, "unauthenticated", "Open this page from Shopmonkey");
        }
        if (!response.ok) throw await toApiError(response);
        const minted = DemoSessionSchema.parse(await response.json());
        token = minted.token;
        expiresAt = Date.parse(minted.expiresAt);
        notify();
        return minted.token;
      } finally {
        inFlight = null;
      }
    })();
    return inFlight;
  }

  return {
    mode,
    async getToken() {
      if (mode === "embedded") {
        if (token) return token;
        throw new ApiError(401, "unauthenticated", "No session from Shopmonkey");
      }
      if (token && expiresAt - env.now() > RENEW_MARGIN_MS) return token;
      return mint();
    },
    async renew() {
      if (mode === "embedded") return null;
      token = null;
      return mint();
    },
    demoIdentity: () => identity,
    async switchDemoIdentity(next) {
      identity = next;
      env.storage.setItem(IDENTITY_KEY, JSON.stringify(next));
      token = null;
      notify();
      await mint();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

function readIdentity(storage: SessionEnv["storage"]): DemoIdentity {
  try {
    const raw = storage.getItem(IDENTITY_KEY);
    const parsed = DemoIdentitySchema.safeParse(raw ? JSON.parse(raw) : undefined);
    return parsed.success ? parsed.data : DEFAULT_IDENTITY;
  } catch {
    return DEFAULT_IDENTITY;
  }
}

let current: Session | null = null;

/** The page's one session, created from the real window on first use. */
export function getSession(): Session {
  current ??= createSession({
    location: window.location,
    history: window.history,
    storage: window.localStorage,
    addMessageListener: (l) => window.addEventListener("message", l),
    parent: window.parent === window ? null : window.parent,
    fetch: (...args) => window.fetch(...args),
    now: () => Date.now(),
  });
  return current;
}

/** Tests only: forget the page's session so the next getSession() re-reads the window. */
export function resetSessionForTests(): void {
  current = null;
}
