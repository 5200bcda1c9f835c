import { createHmac, randomBytes, randomUUID } from "node:crypto";
import { type Server, createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { sql } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { rowsOf } from "../db/client.js";
import { MAPPING } from "../testing/orders-harness.js";
import { saveNewConnection } from "../features/quickbooks-connection/connection.repository.js";
import { type RunningSandbox, admin, startTestSandbox, stats } from "../testing/sandbox.js";
import { type TestApp, createTestApp } from "../testing/test-app.js";
import { testBackends } from "../testing/test-database.js";
import { rowCounts } from "./fixture.js";
import { ROUTES, type RouteSpec } from "./routes.js";
import {
  type Answer,
  CLEAR_TEXT,
  CLIENT_SECRET,
  ORIGINS,
  type Tapped,
  VERIFIER,
  expectSecurityHeaders,
  startMainWorkers,
  webDist,
  wireTap,
} from "./secrets-headers.support.js";

/**
 * Secrets and headers, across the whole app (SECURITY.md): the real app on a real port, the
 * sandbox over HTTP, the workers of main.ts. Every response the server writes (to the test, or
 * to the sandbox's webhook deliveries) is tapped at the socket, every log line is taken from
 * the logger's real destination stream, and at the end no secret may appear in any of them.
 */
describe.each(testBackends())("secrets and headers on %s", (backend) => {
  let sandbox: RunningSandbox;
  let t: TestApp;
  let server: Server;
  let base: string;
  let stop: () => Promise<void>;
  const tapped: Tapped[] = [];
  /** Every authorize URL the BFF handed out: the tap must have seen each one in full. */
  const handedOut: string[] = [];
  /** Every access token, refresh token and authorization code the sandbox ever issued. */
  const issued = new Set<string>();
  const harvest = () => {
    for (const k of sandbox.state.oauth.access.keys()) issued.add(k);
    for (const [k, r] of sandbox.state.oauth.refresh) issued.add(k).add(r.accessToken);
    for (const k of sandbox.state.oauth.codes.keys()) issued.add(k);
  };

  const http = async (
    method: string,
    path: string,
    opts: { shop?: string; role?: "owner" | "technician"; body?: unknown; raw?: string } & {
      headers?: Record<string, string>;
    } = {},
  ): Promise<Answer> => {
    const headers: Record<string, string> = { ...opts.headers };
    if (opts.shop)
      headers.authorization = `Bearer ${await t.token(opts.shop, opts.role ?? "owner")}`;
    let body: string | undefined = opts.raw;
    if (opts.body !== undefined) body = JSON.stringify(opts.body);
    if (body !== undefined) headers["content-type"] ??= "application/json";
    const res = await fetch(`${base}${path}`, {
      method: method.toUpperCase(),
      headers,
      body,
      redirect: "manual",
    });
    const text = await res.text();
    return { status: res.status, headers: res.headers, text, json: () => JSON.parse(text) };
  };

  /** OAuth as a browser does it: start, consent at the sandbox, follow the redirect back. */
  const consent = async (shop: string, realmId: string) => {
    const started = await http("post", "/api/quickbooks/connection", { shop });
    expect(started.status).toBe(200);
    const { authorizeUrl } = started.json() as { authorizeUrl: string };
    handedOut.push(authorizeUrl);
    const start = new URL(authorizeUrl);
    const opened = await http(
      "get",
      `${start.pathname}${start.search}&auto_approve_realm=${realmId}`,
    );
    expect(opened.status).toBe(302);
    const cookie = opened.headers
      .getSetCookie()
      .map((c) => c.split(";")[0])
      .join("; ");
    const res = await fetch(opened.headers.get("location") ?? "", { redirect: "manual" });
    const back = new URL(res.headers.get("location") ?? "");
    return {
      callback: `${back.pathname}${back.search}`,
      state: back.searchParams.get("state") ?? "",
      cookie,
    };
  };
  const connect = async (shop: string, realmId: string) => {
    const { callback, cookie } = await consent(shop, realmId);
    const done = await http("get", callback, { headers: { cookie } });
    expect(done.text).toContain("QuickBooks is connected");
    return callback;
  };
  const company = async (name: string) =>
    (await admin<{ realmId: string }>(sandbox, "POST", "/companies", { name })).realmId;
  const connectionRow = async (shop: string) =>
    rowsOf<Record<string, unknown>>(
      await t.deps.db.execute(sql`select * from quickbooks_connections where shop_id = ${shop}`),
    )[0];
  const waitFor = async <T>(what: string, probe: () => Promise<T | undefined | false>) => {
    const until = Date.now() + 15_000;
    for (;;) {
      const v = await probe();
      if (v) return v;
      if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  };

  beforeAll(async () => {
    sandbox = await startTestSandbox({
      clientSecret: CLIENT_SECRET,
      webhookVerifierToken: VERIFIER,
      webhookRetryDelaysMs: [100, 300],
    });
    t = await createTestApp(
      backend,
      {
        QBO_SANDBOX_URL: sandbox.url,
        QBO_CLIENT_SECRET: CLIENT_SECRET,
        QBO_WEBHOOK_VERIFIER_TOKEN: VERIFIER,
        SHOPMONKEY_ORIGINS: ORIGINS.join(","),
      },
      { webDistDir: webDist() },
    );
    server = createServer(wireTap(t.app, tapped));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    await admin(sandbox, "PUT", "/webhook", {
      url: `${base}/api/quickbooks/webhooks`,
      verifierToken: VERIFIER,
    });
    // The workers of main.ts, on the same queue.
    const workers = await startMainWorkers(t);
    stop = async () => {
      await admin(sandbox, "PUT", "/webhook", { url: null });
      await workers.stop();
    };
  }, 60_000);
  afterEach(() => harvest());
  afterAll(async () => {
    await stop();
    await new Promise((r) => server.close(r));
    await t.close();
    await sandbox.close();
  });

  describe("OAuth state", () => {
    const refused = (res: Answer) => {
      expect(res.status).toBe(400);
      expect(res.text).toContain("expired or was already used");
    };

    it("refuses a replayed state: no second connection, the first one intact and working", async () => {
      const realm = await company("State Replay Motors");
      const callback = await connect("shop-replay", realm);
      const before = await connectionRow("shop-replay");
      const counts = await rowCounts(t);
      refused(await http("get", callback));
      expect(await connectionRow("shop-replay")).toEqual(before);
      expect(await rowCounts(t)).toEqual(counts);
      // The replay carried a spent code too; had it reached Intuit, the grant would be revoked.
      expect((await http("get", "/api/quickbooks/items", { shop: "shop-replay" })).status).toBe(
        200,
      );
    });

    it("refuses forged, tampered, hashed, spent-by-another-shop and expired states, writing nothing", async () => {
      const realm = await company("State Forgery Motors");
      const spent = await connect("shop-other", realm);
      const { callback, state, cookie } = await consent("shop-forged", realm);
      const code = new URL(callback, base).searchParams.get("code") ?? "";
      const withState = (s: string) =>
        `/api/quickbooks/oauth/callback?${new URLSearchParams({ code, state: s, realmId: realm }).toString()}`;
      const [hash] = rowsOf<{ state_hash: string }>(
        await t.deps.db.execute(
          sql`select state_hash from quickbooks_oauth_states where shop_id = 'shop-forged'`,
        ),
      );
      const flip = (s: string, i: number) =>
        s.slice(0, i) + (s[i] === "A" ? "B" : "A") + s.slice(i + 1);
      const counts = await rowCounts(t);
      const other = await connectionRow("shop-other");
      const forgeries = [
        withState(randomBytes(24).toString("base64url")),
        withState(flip(state, 0)),
        withState(flip(state, state.length - 1)),
        withState(hash!.state_hash), // what a reader of the database would see
        withState(new URL(spent, base).searchParams.get("state") ?? ""), // another shop's, spent
        withState(""),
        `/api/quickbooks/oauth/callback?code=${code}&realmId=${realm}`,
      ];
      for (const path of forgeries) {
        const res = await http("get", path);
        expect(res.status).toBe(400);
        expect(res.text).not.toContain("QuickBooks is connected");
      }
      // Ten minutes pass (the state's clock is the database's now(), so the row is aged).
      await t.deps.db.execute(
        sql`update quickbooks_oauth_states set expires_at = now() - interval '1 second'
            where shop_id = 'shop-forged'`,
      );
      refused(await http("get", callback, { headers: { cookie } }));
      expect(await rowCounts(t)).toEqual(counts);
      expect(await connectionRow("shop-forged")).toBeUndefined();
      expect(await connectionRow("shop-other")).toEqual(other);
      const ttl = rowsOf<{ s: number }>(
        await t.deps.db.execute(
          sql`select extract(epoch from expires_at - created_at)::int as s
              from quickbooks_oauth_states where shop_id = 'shop-other'`,
        ),
      );
      expect(ttl).toEqual([{ s: 600 }]);
    });

    it("spends a state only on the shop that started it", async () => {
      const realm = await company("State Binding Motors");
      const { callback, cookie } = await consent("shop-bound", realm);
      // A shop hint in the query is ignored: the state alone names the shop.
      const res = await http("get", `${callback}&shop=shop-intruder&shopId=shop-intruder`, {
        headers: { cookie },
      });
      expect(res.status).toBe(200);
      expect(await connectionRow("shop-intruder")).toBeUndefined();
      expect(await connectionRow("shop-bound")).toMatchObject({ realm_id: realm });
    });
  });

  describe("tokens at rest", () => {
    it("keeps only AES-GCM ciphertext in the token columns, never the plaintext or an encoding of it", async () => {
      const realm = await company("At Rest Motors");
      await connect("shop-rest", realm);
      const stored = await t.deps.qbo.store.read("shop-rest");
      const plain = [stored!.tokens.accessToken, stored!.tokens.refreshToken];
      harvest();
      for (const p of plain) expect(issued).toContain(p);
      const row = await connectionRow("shop-rest");
      const columns = [row!.access_token_sealed, row!.refresh_token_sealed] as string[];
      const encodings = (s: string) => [
        s,
        JSON.stringify(s),
        Buffer.from(s).toString("base64"),
        Buffer.from(s).toString("base64url"),
        Buffer.from(s).toString("hex"),
      ];
      for (const column of columns) {
        expect(column).toMatch(/^v1\.[\w-]{16}\.[\w-]{22}\.[\w-]+$/);
        const decoded = column
          .split(".")
          .map((p) => Buffer.from(p, "base64url").toString("latin1"))
          .join("");
        for (const p of plain) {
          for (const e of encodings(p)) expect(column).not.toContain(e.slice(0, 24));
          expect(decoded).not.toContain(p.slice(0, 24));
        }
        expect(() => JSON.parse(column)).toThrow();
      }
      // The whole database, every schema and table (job payloads too), as text.
      const tables = rowsOf<{ s: string; n: string }>(
        await t.deps.db.execute(sql`select table_schema as s, table_name as n
          from information_schema.tables where table_type = 'BASE TABLE'
            and table_schema not in ('pg_catalog', 'information_schema')`),
      );
      let dump = "";
      for (const { s, n } of tables) {
        const rows = rowsOf<{ j: string }>(
          await t.deps.db.execute(
            sql`select coalesce(jsonb_agg(to_jsonb(x))::text, '') as j from ${sql.identifier(s)}.${sql.identifier(n)} x`,
          ),
        );
        dump += rows[0]?.j ?? "";
      }
      expect(dump).toContain(columns[0]);
      for (const p of plain) for (const e of encodings(p)) expect(dump).not.toContain(e);
    });

    it("seals identical tokens of two shops into different ciphertexts (random IV)", async () => {
      const stored = await t.deps.qbo.store.read("shop-rest");
      const same = {
        realmId: "123",
        companyName: "Twin",
        connectedBy: "owner",
        tokens: stored!.tokens,
      };
      for (const shop of ["shop-twin-a", "shop-twin-b"]) {
        await http("get", "/api/me", { shop });
        await saveNewConnection(t.deps.db, t.deps.cipher, { shopId: shop, ...same });
      }
      const a = (await connectionRow("shop-twin-a"))!;
      const b = (await connectionRow("shop-twin-b"))!;
      for (const col of ["access_token_sealed", "refresh_token_sealed"]) {
        expect(a[col]).not.toEqual(b[col]);
        const iv = (v: unknown) => String(v).split(".")[1];
        expect(iv(a[col])).not.toEqual(iv(b[col]));
      }
      expect(a.access_token_sealed).not.toEqual(a.refresh_token_sealed);
      const twin = await t.deps.qbo.store.read("shop-twin-b");
      expect(twin!.tokens.accessToken).toBe(stored!.tokens.accessToken);
      await t.deps.db.execute(
        sql`delete from quickbooks_connections where shop_id in ('shop-twin-a', 'shop-twin-b')`,
      );
    });
  });

  describe("webhooks", () => {
    const notification = (realmId: string, id: string) =>
      JSON.stringify({
        eventNotifications: [
          {
            realmId,
            dataChangeEvent: {
              entities: [
                { name: "Item", id, operation: "Update", lastUpdated: new Date().toISOString() },
              ],
            },
          },
        ],
      });
    const sign = (body: string, key = VERIFIER) =>
      createHmac("sha256", key).update(body, "utf8").digest("base64");
    const deliver = (body: string, signature?: string) =>
      http("post", "/api/quickbooks/webhooks", {
        raw: body,
        headers: signature === undefined ? {} : { "intuit-signature": signature },
      });
    const deliveries = async () =>
      rowsOf<{ n: number }>(
        await t.deps.db.execute(sql`select count(*)::int as n from sync_webhook_deliveries`),
      )[0]!.n;

    it("refuses forged, missing and borrowed signatures with 401, writing nothing", async () => {
      const realm = await company("Webhook Forgery Motors");
      await connect("shop-hook", realm);
      const body = notification(realm, "1");
      const counts = await rowCounts(t);
      const answers = [
        await deliver(body, sign(body, "not-the-verifier")),
        await deliver(body),
        await deliver(body, ""),
        await deliver(body, sign(notification(realm, "2"))),
        await deliver(`${body} `, sign(body)),
        await deliver(body, sign(body).slice(0, -4)),
        await deliver(body, createHmac("sha256", VERIFIER).update(body).digest("hex")),
      ];
      for (const a of answers) {
        expect(a.status).toBe(401);
        expect((a.json() as { error: { code: string } }).error.code).toBe("unauthenticated");
      }
      expect(await rowCounts(t)).toEqual(counts);
    });

    it("handles a replayed valid delivery once (Intuit gets 200 each time)", async () => {
      const realm = (await connectionRow("shop-hook"))!.realm_id as string;
      const body = notification(realm, "3");
      const before = await deliveries();
      const linesBefore = t.logs.length;
      const answers = await Promise.all([1, 2, 3].map(() => deliver(body, sign(body))));
      expect(answers.map((a) => a.status)).toEqual([200, 200, 200]);
      expect(await deliveries()).toBe(before + 1);
      const lines = t.logs.slice(linesBefore);
      expect(lines.filter((l) => l.includes('"webhook accepted"'))).toHaveLength(1);
      expect(lines.filter((l) => l.includes("seen before; ignored"))).toHaveLength(2);
      const later = await deliver(body, sign(body));
      expect(later.status).toBe(200);
      expect(await deliveries()).toBe(before + 1);
    });
  });

  describe("a whole run", () => {
    const SHOP = "shop-flow";
    const ids = { part: "", customer: "", order: "", import: "", export: "" };

    it("connects, refreshes, imports, invoices, receives a webhook and disconnects", async () => {
      const realm = await company("Secrets Motors");
      await connect(SHOP, realm);
      const c = (await http("get", "/api/quickbooks/connection", { shop: SHOP })).json();
      expect(c).toMatchObject({ status: "connected", companyName: "Secrets Motors" });

      // A forced refresh: Intuit expires the access token, the next call gets 401 and refreshes.
      const refreshes = (await stats(sandbox, realm)).tokenRefreshes;
      await admin(sandbox, "POST", "/faults", { realmId: realm, expireAccessTokens: true });
      expect((await http("get", "/api/quickbooks/items", { shop: SHOP })).status).toBe(200);
      expect((await stats(sandbox, realm)).tokenRefreshes).toBe(refreshes + 1);
      harvest();

      for (const category of ["inventory", "customers"]) {
        const started = await http("post", "/api/quickbooks/imports", {
          shop: SHOP,
          body: { category },
        });
        expect(started.status).toBe(202);
        ids.import = (started.json() as { id: string }).id;
        const job = await waitFor("the import", async () => {
          const j = (
            await http("get", `/api/quickbooks/imports/${ids.import}`, { shop: SHOP })
          ).json() as {
            status: string;
          };
          return ["succeeded", "failed"].includes(j.status) && j;
        });
        expect(job.status).toBe("succeeded");
      }
      const parts = (
        await http("get", "/api/inventory?search=oil%20filter", { shop: SHOP })
      ).json() as {
        items: { id: string; quickBooksItemRef: string | null }[];
      };
      ids.part = parts.items.find((p) => p.quickBooksItemRef === "1")!.id;
      const customers = (await http("get", "/api/customers", { shop: SHOP })).json() as {
        items: { id: string }[];
      };
      ids.customer = customers.items[0]!.id;

      // An invoice sent to QuickBooks; its stock change comes back as a signed webhook.
      const deliveriesBefore = rowsOf<{ n: number }>(
        await t.deps.db.execute(sql`select count(*)::int as n from sync_webhook_deliveries`),
      )[0]!.n;
      expect(
        (
          await http("put", "/api/quickbooks/accounting", {
            shop: SHOP,
            body: { categoryItems: MAPPING, autoSendInvoices: true },
          })
        ).status,
      ).toBe(200);
      const order = await http("post", "/api/orders", {
        shop: SHOP,
        body: {
          customerId: ids.customer,
          lines: [{ kind: "part", partId: ids.part, quantity: "2" }],
        },
      });
      expect(order.status).toBe(201);
      ids.order = (order.json() as { id: string }).id;
      expect((await http("post", `/api/orders/${ids.order}/invoice`, { shop: SHOP })).status).toBe(
        200,
      );
      const sent = await waitFor("the invoice to reach QuickBooks", async () => {
        const o = (await http("get", `/api/orders/${ids.order}`, { shop: SHOP })).json() as {
          quickBooks: { status: string };
        };
        return o.quickBooks.status !== "pending" && o;
      });
      expect(sent.quickBooks.status).toBe("sent");
      const hooks = () =>
        tapped.filter((r) => r.url === "/api/quickbooks/webhooks" && r.status === 200).length;
      const hooksBefore = hooks();
      await waitFor("the sandbox's webhook delivery", async () => {
        const n = rowsOf<{ n: number }>(
          await t.deps.db.execute(sql`select count(*)::int as n from sync_webhook_deliveries`),
        )[0]!.n;
        return n > deliveriesBefore && hooks() > hooksBefore;
      });

      // A part created here and sent to QuickBooks (an export run).
      const made = await http("post", "/api/inventory", {
        shop: SHOP,
        body: { kind: "inventory", description: "Secret-free gasket", quantityAvailable: "3" },
      });
      expect(made.status).toBe(201);
      const exp = await http("post", "/api/quickbooks/exports", {
        shop: SHOP,
        body: { partIds: [(made.json() as { id: string }).id] },
      });
      expect(exp.status).toBe(202);
      ids.export = (exp.json() as { id: string }).id;
      harvest();
    }, 60_000);

    it("answers every GET route of the table for the connected owner", async () => {
      const gets = ROUTES.filter((r) => r.method === "get");
      const statuses: Record<string, number> = {};
      for (const spec of gets) {
        const path = spec.resource
          ? spec.path.replace(":id", ids[spec.resource as keyof typeof ids])
          : spec.path;
        const res = await http("get", path, { shop: SHOP });
        statuses[spec.path] = res.status;
        expect(res.status, spec.path).toBeLessThan(500);
      }
      // The OAuth pages alone answer 400 here (no state); every other read succeeds.
      const failing = Object.entries(statuses).filter(([, s]) => s !== 200);
      expect(failing).toEqual([
        ["/api/quickbooks/oauth/start", 400],
        ["/api/quickbooks/oauth/callback", 400],
      ]);
      harvest();
    });

    it("disconnects: the grant is revoked at Intuit", async () => {
      harvest();
      const stored = await t.deps.qbo.store.read(SHOP);
      expect((await http("delete", "/api/quickbooks/connection", { shop: SHOP })).status).toBe(204);
      expect(sandbox.state.oauth.refresh.has(stored!.tokens.refreshToken)).toBe(false);
      expect(await connectionRow(SHOP)).toBeUndefined();
    });
  });

  describe("headers", () => {
    const HEADER_SHOP = "shop-headers";
    const other = randomUUID();
    const variants = (
      spec: RouteSpec,
    ): { who?: "owner" | "technician"; path: string; body?: unknown }[] => {
      const path = spec.path.replace(":id", other); // no such record: 404 where it is reached
      const out: { who?: "owner" | "technician"; path: string; body?: unknown }[] = [
        { path },
        { who: "technician", path, body: spec.body ? [] : undefined },
      ];
      if (spec.resource) out.push({ who: "owner", path });
      if (spec.body) out.push({ who: "owner", path: spec.path.replace(":id", other), body: [] });
      if (spec.method === "get" && !spec.resource) out.push({ who: "owner", path });
      return out;
    };

    it("puts the security headers on every route, every status", async () => {
      const seen = new Set<number>();
      let checked = 0;
      for (const spec of ROUTES) {
        for (const v of variants(spec)) {
          const res = await http(spec.method, v.path, {
            shop: v.who && HEADER_SHOP,
            role: v.who,
            body: v.body,
          });
          expectSecurityHeaders(res.headers, v.path, `${spec.method} ${v.path} → ${res.status}`);
          expect(res.status, `${spec.method} ${v.path}`).toBeLessThan(500);
          seen.add(res.status);
          checked++;
        }
      }
      for (const s of [200, 400, 401, 403, 404]) expect([...seen]).toContain(s);
      expect(checked).toBeGreaterThan(ROUTES.length * 2);
    });

    it("puts them on pages, assets, probes, unknown routes, oversize and malformed bodies", async () => {
      const cases: [string, string, { status: number; raw?: string; shop?: string }][] = [
        ["get", "/", { status: 200 }],
        ["get", "/settings/quickbooks/connection", { status: 200 }],
        ["get", "/assets/app-1a2b3c.js", { status: 200 }],
        ["get", "/healthz", { status: 200 }],
        ["get", "/readyz", { status: 200 }],
        ["get", "/api/x", { status: 404, shop: HEADER_SHOP }],
        ["get", "/api/x", { status: 401 }],
        ["put", "/api/quickbooks/accounting", { status: 400, shop: HEADER_SHOP, raw: '{"a":' }],
        [
          "post",
          "/api/orders",
          { status: 400, shop: HEADER_SHOP, raw: JSON.stringify({ x: "y".repeat(1_100_000) }) },
        ],
        [
          "post",
          "/api/quickbooks/webhooks",
          { status: 400, raw: "x".repeat(1_100_000) }, // over 1 MB before the signature is checked
        ],
      ];
      for (const [method, path, c] of cases) {
        const res = await http(method, path, { shop: c.shop, raw: c.raw });
        expect(res.status, `${method} ${path}`).toBe(c.status);
        expectSecurityHeaders(res.headers, path, `${method} ${path}`);
      }
      const index = await http("get", "/");
      expect(index.text).toContain(CLEAR_TEXT);
    });
  });

  it("never shows a secret in any log line, response body or header of the whole run", async () => {
    harvest();
    const secrets = new Map<string, string>([
      ["QBO_CLIENT_SECRET", CLIENT_SECRET],
      ["SESSION_SECRET", t.deps.env.SESSION_SECRET!],
      ["TOKEN_ENCRYPTION_KEY", t.deps.env.TOKEN_ENCRYPTION_KEY!],
      ["QBO_WEBHOOK_VERIFIER_TOKEN", VERIFIER],
    ]);
    let n = 0;
    for (const token of issued) secrets.set(`sandbox token ${n++}`, token);
    expect(n).toBeGreaterThanOrEqual(20);
    expect(tapped.length).toBeGreaterThan(200);
    expect(t.logs.length).toBeGreaterThan(200);
    // The tap and the log stream see everything (a scan of empty captures would prove nothing).
    const bodies = tapped.map((r) => r.body).join("\n");
    for (const url of handedOut) expect(bodies).toContain(JSON.stringify(url).slice(1, -1));
    expect(t.logs.join("")).toContain('"msg":"QuickBooks connected"');
    const leaks: string[] = [];
    const scan = (where: string, text: string) => {
      for (const [name, secret] of secrets)
        if (text.includes(secret)) leaks.push(`${name} in ${where}`);
    };
    for (const line of t.logs) scan(`log ${line.slice(0, 120)}`, line);
    for (const r of tapped) {
      scan(`${r.method} ${r.url} body`, r.body);
      scan(`${r.method} ${r.url} headers`, JSON.stringify(r.headers));
    }
    expect(leaks).toEqual([]);
    // Every response of the run, whoever asked (the sandbox's webhook deliveries too).
    for (const r of tapped) {
      const headers = new Headers();
      for (const [k, v] of Object.entries(r.headers)) headers.set(k, String(v));
      expectSecurityHeaders(
        headers,
        r.url.split("?")[0] ?? "",
        `${r.method} ${r.url} → ${r.status}`,
      );
    }
    console.info(
      `[secrets-headers ${backend}] ${tapped.length} responses, ${t.logs.length} log lines, ` +
        `${secrets.size} secrets (${n} sandbox tokens and codes)`,
    );
  });
});
