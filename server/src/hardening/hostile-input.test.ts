import { createHmac } from "node:crypto";
import fc from "fast-check";
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connectShop } from "../testing/connect.js";
import { type RunningSandbox, admin, startTestSandbox } from "../testing/sandbox.js";
import { type TestApp, createTestApp } from "../testing/test-app.js";
import { testBackends } from "../testing/test-database.js";
import { rowCounts, seedShop } from "./fixture.js";
import { CHAOS, FUZZ_RUNS } from "./intensity.js";
import { type Fixture, ROUTES, type RouteSpec } from "./routes.js";

const SHOP = "shop-fuzz";
const TIMEOUT = CHAOS ? 600_000 : 30_000;
const VERIFIER = "fuzz-verifier";

/** Strings that have broken parsers, queries and logs before. */
const NASTY = [
  "",
  " ",
  "\u0000",
  "\u0000\u0001\u001f\u007f",
  "%",
  "%00",
  "%E0%A4%A",
  "' or 1=1 --",
  "'; drop table parts; --",
  "../../etc/passwd",
  "<script>alert(1)</script>",
  '=HYPERLINK("http://x")',
  "\uD800",
  "\u202Egnp.exe",
  "🚗".repeat(500),
  "x".repeat(10_000),
  "1e309",
  "-0",
  "NaN",
  "Infinity",
  "99999999999999999999",
  "-99999999999999999999.999999999",
  "0x1F",
  "00000000-0000-0000-0000-000000000000",
  "__proto__",
  "constructor",
  "null",
  "true",
  "[]",
  "{}",
];

const hostileString = fc.oneof(
  fc.constantFrom(...NASTY),
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.string({ maxLength: 20 }),
);
const hostileJson: fc.Arbitrary<unknown> = fc.oneof(
  fc.jsonValue({ maxDepth: 4 }),
  hostileString,
  fc.constantFrom(1e308, -1, 0, 2 ** 53 + 1, 0.1 + 0.2, true, null),
  fc.dictionary(fc.constantFrom("__proto__", "constructor", "prototype", "id"), fc.jsonValue()),
);

/** A body that is mostly right: the route's own shape with one field swapped for junk. */
function bodies(spec: RouteSpec, ids: Fixture): fc.Arbitrary<unknown> {
  const valid = spec.body?.(ids) as Record<string, unknown> | undefined;
  const keys = Object.keys(valid ?? {});
  const mutated =
    valid && keys.length
      ? fc.tuple(fc.constantFrom(...keys), hostileJson).map(([k, v]) => ({ ...valid, [k]: v }))
      : hostileJson;
  const extra = valid
    ? fc.tuple(hostileString, hostileJson).map(([k, v]) => ({ ...valid, [k]: v }))
    : hostileJson;
  return fc.oneof(hostileJson, mutated, extra);
}

const queries = fc.dictionary(
  fc.oneof(
    fc.constantFrom("page", "pageSize", "limit", "cursor", "search", "sort", "kind", "linked"),
    fc.constantFrom("outcome", "category", "types", "show", "field", "lowStock", "code", "state"),
    hostileString,
  ),
  fc.oneof(hostileString, fc.array(hostileString, { maxLength: 3 })),
  { maxKeys: 4 },
);

/** A lone surrogate can't be %-encoded; it then goes in raw, which is hostile too. */
function encodeOrRaw(s: string): string {
  try {
    return encodeURIComponent(s);
  } catch {
    return s;
  }
}

function expectErrorShape(res: request.Response, what: string) {
  expect(res.status, `${what}: ${res.text.slice(0, 300)}`).toBeLessThan(500);
  // Node's HTTP parser refuses a request line or headers over 16 KB before any app code runs.
  if (res.status === 431) return;
  if (res.status >= 400) {
    expect(res.headers["content-type"], what).toMatch(/application\/json/);
    expect(res.body, what).toMatchObject({
      error: { code: expect.stringMatching(/^[a-z_]+$/), message: expect.any(String) },
    });
  }
}

describe.each(testBackends())("hostile input on every /api route (%s)", (backend) => {
  let sandbox: RunningSandbox;
  let t: TestApp;
  let ids: Fixture;
  let auth = "";
  let tried = 0;

  beforeAll(async () => {
    sandbox = await startTestSandbox();
    t = await createTestApp(backend, {
      QBO_SANDBOX_URL: sandbox.url,
      QBO_WEBHOOK_VERIFIER_TOKEN: VERIFIER,
    });
    ids = await seedShop(t, SHOP, "fuzz");
    const { realmId } = await admin<{ realmId: string }>(sandbox, "POST", "/companies", {
      name: SHOP,
    });
    expect((await connectShop(t, SHOP, realmId)).status).toBe(200);
    auth = `Bearer ${await t.token(SHOP, "owner")}`;
  });
  afterAll(async () => {
    console.info(`[hardening] hostile input (${backend}): ${tried} requests tried`);
    await t?.close();
    await sandbox?.close();
  });

  const json = ROUTES.filter(
    (r) =>
      ![
        "/api/quickbooks/webhooks",
        "/api/quickbooks/oauth/start",
        "/api/quickbooks/oauth/callback",
      ].includes(r.path),
  );
  it.each(json.map((r) => [`${r.method.toUpperCase()} ${r.path}`, r] as const))(
    "%s: fuzzed path, query and body → never a 5xx, errors in the shape, a refusal writes nothing",
    async (name, spec) => {
      await fc.assert(
        fc.asyncProperty(
          fc.oneof(fc.constant(undefined), hostileString),
          queries,
          bodies(spec, ids),
          async (id, query, body) => {
            const rawId = id === undefined && spec.resource ? ids[spec.resource] : (id ?? "");
            // Half the ids go in raw (broken %-escapes, slashes), half properly encoded.
            const segment = rawId.length % 2 ? encodeOrRaw(rawId) : rawId;
            const path = spec.path.replace(":id", segment || "x");
            const before = await rowCounts(t);
            let req = request(t.app)[spec.method](path).set("authorization", auth).query(query);
            if (spec.method !== "get")
              req = req.set("content-type", "application/json").send(JSON.stringify(body ?? null));
            const res = await req.catch((err: unknown) => {
              // supertest refuses some paths before sending (e.g. a bare "%"): not our server.
              if (err instanceof Error && /URI|path|Invalid/.test(err.message)) return undefined;
              throw err;
            });
            tried += 1;
            if (!res) return;
            expectErrorShape(res, `${name} ${path}`);
            if (res.status >= 400)
              expect(await rowCounts(t), `${name} ${path} wrote`).toEqual(before);
          },
        ),
        { numRuns: FUZZ_RUNS, seed: CHAOS ? undefined : 11 },
      );
    },
    TIMEOUT,
  );

  const bodyRoutes = ROUTES.filter((r) => r.method !== "get" && r.access !== "public");
  it("oversize bodies (> 1 MB), deeply nested JSON and wrong content types → 4xx, nothing written", async () => {
    const huge = JSON.stringify({ message: "x".repeat(1_100_000) });
    const deep = `${"[".repeat(100_000)}${"]".repeat(100_000)}`;
    const deepObject = `${'{"a":'.repeat(50_000)}1${"}".repeat(50_000)}`;
    const cases: [string, string][] = [
      ["application/json", huge],
      ["application/json", deep],
      ["application/json", deepObject],
      ["application/json", "{"],
      ["application/json", '{"a":1}garbage'],
      ["application/json; charset=utf-16", '{"a":1}'],
      ["application/json; charset=latin1", '{"a":1}'],
      ["text/plain", '{"message":"hi"}'],
      ["application/x-www-form-urlencoded", "message=hi&situation=both"],
      [
        "multipart/form-data; boundary=x",
        "--x\r\ncontent-disposition: form-data; name=a\r\n\r\nb\r\n--x--",
      ],
      ["application/xml", "<a/>"],
    ];
    for (const spec of bodyRoutes) {
      const path = spec.path.replace(":id", spec.resource ? ids[spec.resource] : "x");
      for (const [type, body] of cases) {
        const before = await rowCounts(t);
        const agent = request(t.app);
        const res = await agent[spec.method](path)
          .set("authorization", auth)
          .set("content-type", type)
          .send(body);
        tried += 1;
        const what = `${spec.method} ${path} as ${type} (${body.length} bytes)`;
        expectErrorShape(res, what);
        if (res.status >= 400) expect(await rowCounts(t), `${what} wrote`).toEqual(before);
        if (body.length > 1_000_000) expect(res.status, what).toBeGreaterThanOrEqual(400);
      }
    }
  });

  it("NUL bytes in a query or body → 400, not a 500 from PostgreSQL", async () => {
    for (const [method, path, query, body] of [
      ["get", "/api/customers", { search: "\u0000" }, undefined],
      ["get", "/api/inventory", { search: "a\u0000b" }, undefined],
      ["get", "/api/quickbooks/sync/drift", { search: "\u0000" }, undefined],
      ["post", "/api/inventory", {}, { kind: "inventory", description: "nul\u0000part" }],
      ["post", "/api/quickbooks/support-requests", {}, { message: "help\u0000" }],
    ] as const) {
      const before = await rowCounts(t);
      let req = request(t.app)[method](path).set("authorization", auth).query(query);
      if (body) req = req.send(body);
      const res = await req;
      tried += 1;
      expect(res.status, `${method} ${path}`).toBe(400);
      expect(res.body.error.code).toBe("validation_failed");
      expect(await rowCounts(t)).toEqual(before);
    }
  });

  it("malformed %-escapes in the path → 400 validation_failed, not a 500", async () => {
    for (const path of [
      "/api/inventory/%E0%A4%A",
      "/api/quickbooks/imports/%",
      "/api/orders/%zz/invoice",
      "/api/customers/%C0%AF",
    ]) {
      const res = await request(t.app).get(path).set("authorization", auth);
      tried += 1;
      expect(res.status, path).toBeLessThan(500);
      expectErrorShape(res, path);
    }
    const res = await request(t.app).get("/api/inventory/%E0%A4%A").set("authorization", auth);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe("validation_failed");
  });

  it(
    "the webhook: fuzzed bodies, signed or not → 200 or a 4xx in the shape, never a 5xx",
    async () => {
      const sign = (b: string) => createHmac("sha256", VERIFIER).update(b, "utf8").digest("base64");
      await fc.assert(
        fc.asyncProperty(
          fc.oneof(
            fc.jsonValue().map((v) => JSON.stringify(v)),
            fc
              .record({
                realmId: hostileString,
                name: fc.oneof(fc.constant("Item"), hostileString),
                id: hostileString,
                operation: fc.oneof(fc.constantFrom("Create", "Update", "Delete"), hostileString),
                lastUpdated: fc.oneof(fc.constant(new Date().toISOString()), hostileString),
              })
              .map((e) =>
                JSON.stringify({
                  eventNotifications: [
                    {
                      realmId: e.realmId,
                      dataChangeEvent: {
                        entities: [
                          {
                            name: e.name,
                            id: e.id,
                            operation: e.operation,
                            lastUpdated: e.lastUpdated,
                          },
                        ],
                      },
                    },
                  ],
                }),
              ),
            hostileString,
          ),
          fc.boolean(),
          async (body, signed) => {
            const res = await request(t.app)
              .post("/api/quickbooks/webhooks")
              .set("content-type", "application/json")
              .set("intuit-signature", signed ? sign(body) : "bm9wZQ==")
              .send(body);
            tried += 1;
            expectErrorShape(res, `webhook ${body.slice(0, 80)}`);
            if (!signed) expect(res.status).toBe(401);
          },
        ),
        { numRuns: FUZZ_RUNS * 4, seed: CHAOS ? undefined : 12 },
      );
    },
    TIMEOUT,
  );

  it("a signed webhook carrying a NUL byte → 400, not a 500 (PostgreSQL can't store one)", async () => {
    const body = JSON.stringify({
      eventNotifications: [
        {
          realmId: "\u0000",
          dataChangeEvent: { entities: [{ name: "Item", id: "1", operation: "Update" }] },
        },
      ],
    });
    const signature = createHmac("sha256", VERIFIER).update(body, "utf8").digest("base64");
    const before = await rowCounts(t);
    const res = await request(t.app)
      .post("/api/quickbooks/webhooks")
      .set("content-type", "application/json")
      .set("intuit-signature", signature)
      .send(body);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe("validation_failed");
    expect(await rowCounts(t)).toEqual(before);
  });

  it.each(["/api/quickbooks/oauth/start", "/api/quickbooks/oauth/callback"])(
    "the OAuth page %s: fuzzed queries → a 400 page, never a 5xx, no connection changed",
    async (page) => {
      await fc.assert(
        fc.asyncProperty(queries, async (query) => {
          const before = await rowCounts(t);
          const res = await request(t.app).get(page).query(query);
          tried += 1;
          // Node itself answers 431 to a request line over 16 KB, before any app code runs.
          if (res.status === 431) return;
          // Intuit's browser redirect ends on a small HTML page, not the JSON error shape.
          expect(res.status).toBe(400);
          expect(res.headers["content-type"]).toMatch(/text\/html/);
          expect(await rowCounts(t)).toEqual(before);
        }),
        { numRuns: FUZZ_RUNS * 2, seed: CHAOS ? undefined : 13 },
      );
    },
    TIMEOUT,
  );
});
