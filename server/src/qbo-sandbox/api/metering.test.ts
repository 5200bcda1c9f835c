/**
 * Intuit's App Partner Program metering over real HTTP: reads and queries are CorePlus, writes
 * are Core, counted per app, realm and month in /_sandbox/stats; a monthly read cap refuses
 * reads (429, 3001) and leaves writes alone until the month turns.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSandbox, type RunningSandbox } from "../start.js";
import { admin, api, connect, firstError, query } from "../test-helpers.js";

let sb: RunningSandbox;
let token: string;
const realm = () => sb.demoRealmId;

beforeAll(async () => {
  sb = await startSandbox({ port: 0, limits: { perSecond: 1000 } });
  token = (await connect(sb)).access_token;
});
afterAll(async () => sb.close());

interface Row {
  month: string;
  clientId: string;
  realmId: string;
  corePlus: number;
  core: number;
}
const metered = async (): Promise<Row | undefined> => {
  const stats = await admin(sb, "GET", `/stats?realmId=${realm()}`);
  const rows = stats.body.metered as Row[];
  const month = new Date(sb.state.clock.now()).toISOString().slice(0, 7);
  return rows.find((r) => r.month === month);
};
const service = (name: string) => ({
  Name: name,
  Type: "Service",
  IncomeAccountRef: { value: "85" },
  UnitPrice: 1,
});

describe("CorePlus metering", () => {
  it("counts reads, queries and batch queries as CorePlus, writes as Core, failures not at all", async () => {
    await api(sb, token, realm(), "item/1");
    await query(sb, token, realm(), "select * from Item maxresults 5");
    await api(sb, token, realm(), `companyinfo/${realm()}`);
    await api(sb, token, realm(), "item", { body: service("Metered fee") });
    await api(sb, token, realm(), "batch", {
      body: {
        BatchItemRequest: [
          { bId: "q1", Query: "select count(*) from Item" },
          { bId: "q2", Query: "select count(*) from Customer" },
          { bId: "c1", operation: "create", Item: service("Metered fee 2") },
        ],
      },
    });
    const failed = await api(sb, token, realm(), "item/99999");
    expect(failed.status).toBe(400);
    expect(await metered()).toEqual({
      month: expect.stringMatching(/^\d{4}-\d{2}$/),
      clientId: "demo-client-id",
      realmId: realm(),
      corePlus: 5,
      core: 2,
    });
  });

  it("readCap: past the app's monthly CorePlus total reads get 429 3001, writes still pass, next month reads again", async () => {
    const used = (await metered())?.corePlus ?? 0;
    await admin(sb, "POST", "/faults", { readCap: used + 2 });
    expect((await api(sb, token, realm(), "item/1")).status).toBe(200);
    expect((await api(sb, token, realm(), "item/2")).status).toBe(200);
    const refused = await api(sb, token, realm(), "item/3");
    expect(refused.status).toBe(429);
    expect(firstError(refused.body).code).toBe("3001");
    const write = await api(sb, token, realm(), "item", { body: service("Capped fee") });
    expect(write.status).toBe(200);
    expect((await metered())?.corePlus).toBe(used + 2);

    await admin(sb, "POST", "/clock", { advanceSeconds: 32 * 86_400 });
    token = (await connect(sb)).access_token;
    expect((await api(sb, token, realm(), "item/3")).status).toBe(200);
    expect(await metered()).toMatchObject({ corePlus: 1, core: 0 });
    await admin(sb, "DELETE", "/faults");
  });
});
