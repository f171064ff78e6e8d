/**
 * Services and commission rules defined at head office, applied at a store as replication does:
 * head office's definition wins over the store's own for the same code or id (the store then
 * refuses to change it), the store's other definitions stay, applying an entry again changes
 * nothing, an ended rule stops earning, and a service sale earns head office's commission.
 */
import { expect, test } from "bun:test";
import { uuidv7 } from "../../src/core/ids.ts";
import { changesAfter } from "../../src/hq/catalog/change-log.ts";
import { CatalogService } from "../../src/store-server/catalog/service.ts";
import { applyChange } from "../../src/store-server/replication/apply-change.ts";
import { createTestHq, type TestHq } from "../support/hq-app.ts";
import { createTestStore, type JsonObject, type TestStore } from "../support/store-app.ts";

const API = "/api/v1";
type ErrorBody = { error: { code: string } };

/** Gives the store head office's change log after `afterSeq`, as replication would. */
function replicate(hq: TestHq, store: TestStore, afterSeq = 0): void {
  const catalog = new CatalogService(store.ctx);
  for (const change of changesAfter(hq.ctx.db, afterSeq)) {
    store.ctx.db.transaction((tx) => applyChange(store.ctx, tx, catalog, change, new Date(change.at)));
  }
}

async function ok<T = JsonObject>(target: TestHq | TestStore, method: string, path: string, body?: unknown) {
  const res = await target.request<T>(method, `${API}${path}`, body);
  if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** A service line rung as the till rings it (its document as rung, with the staff member). */
async function ringService(store: TestStore, code: string, staffId: string) {
  const quote = await ok<JsonObject & { lines: JsonObject[]; totalMinor: number }>(
    store,
    "POST",
    "/baskets/quote",
    { lines: [{ code }] },
  );
  return ok(store, "POST", "/sales", {
    ...quote,
    lines: quote.lines.map((l) => ({ ...l, staffId })),
    asRung: true,
    id: uuidv7(),
    tillId: "T1",
    at: store.ctx.now().toISOString(),
    tenders: [{ type: "cash", amountMinor: quote.totalMinor }],
  });
}

test("head office's services and rules reach the store, win for their ids, and earn commissions", async () => {
  using hq = createTestHq();
  using store = createTestStore();
  await ok(hq, "POST", "/products", { code: "CUT", name: "Haircut", priceMinor: 3000 });
  await ok(hq, "POST", "/products", { code: "SHAVE", name: "Shave", priceMinor: 1000 });
  const ann = (await ok<{ id: string }>(hq, "POST", "/users", { name: "Ann", role: "cashier", pin: "4821" }))
    .id;
  replicate(hq, store);
  const seq = changesAfter(hq.ctx.db, 0).at(-1)?.seq ?? 0;

  // The store's own definitions, one of them under the id head office is about to use.
  await ok(store, "POST", "/services", { code: "SHAVE", kind: "service", durationMin: 15 });
  await ok(store, "POST", "/commission-rules", { id: "cuts", fixedMinor: 100 });
  await ok(store, "POST", "/commission-rules", { id: "local-shaves", serviceCode: "SHAVE", fixedMinor: 200 });

  await ok(hq, "POST", "/services", { code: "CUT", kind: "service", durationMin: 45, staffIds: [ann] });
  await ok(hq, "POST", "/commission-rules", { id: "cuts", serviceCode: "CUT", percent: "10" });
  replicate(hq, store, seq);
  replicate(hq, store, seq);

  const services = await ok<{ services: JsonObject[] }>(store, "GET", "/services");
  expect(services.services.map((s) => [s.code, s.durationMin, s.origin])).toEqual([
    ["CUT", 45, "hq"],
    ["SHAVE", 15, "store"],
  ]);
  const rules = await ok<{ rules: JsonObject[] }>(store, "GET", "/commission-rules");
  expect(rules.rules).toEqual([
    {
      id: "cuts",
      staffId: null,
      serviceCode: "CUT",
      category: null,
      percent: "10",
      fixedMinor: null,
      origin: "hq",
    },
    {
      id: "local-shaves",
      staffId: null,
      serviceCode: "SHAVE",
      category: null,
      percent: null,
      fixedMinor: 200,
      origin: "store",
    },
  ]);
  // Applied once though delivered twice: one audit entry per definition.
  const audited = await ok<{ entries: { action: string; refId: string }[] }>(
    store,
    "GET",
    "/audit?action=commission_rule.added",
  );
  expect(audited.entries.filter((e) => e.refId === "cuts")).toHaveLength(2);

  // Head office's definitions are its own to change.
  const rules0 = store.count("commission_rules");
  for (const [path, body] of [
    ["/commission-rules", { id: "cuts", fixedMinor: 100 }],
    ["/services", { code: "CUT", kind: "service", durationMin: 30 }],
  ] as const) {
    const refused = await store.request<ErrorBody>("POST", `${API}${path}`, body);
    expect([refused.status, refused.body.error.code]).toEqual([409, "DEFINED_AT_HQ"]);
  }
  expect(store.count("commission_rules")).toBe(rules0);

  await ringService(store, "CUT", ann);
  await ringService(store, "SHAVE", ann);
  const day = store.ctx.now().toISOString().slice(0, 10);
  const report = await ok<{ staff: JsonObject[]; commissionMinor: number }>(
    store,
    "GET",
    `/reports/commissions?from=${day}&to=${day}`,
  );
  expect(report.staff).toMatchObject([
    { staffId: ann, lines: 2, baseMinor: 4000, commissionMinor: 300 + 200 },
  ]);

  // Ended at head office: gone at the store, the next cut earns nothing.
  const seq2 = changesAfter(hq.ctx.db, 0).at(-1)?.seq ?? 0;
  await ok(hq, "POST", "/commission-rules", { id: "cuts", serviceCode: "CUT", percent: "10", active: false });
  replicate(hq, store, seq2);
  expect(
    (await ok<{ rules: JsonObject[] }>(store, "GET", "/commission-rules")).rules.map((r) => r.id),
  ).toEqual(["local-shaves"]);
  await ringService(store, "CUT", ann);
  const after = await ok<{ commissionMinor: number }>(
    store,
    "GET",
    `/reports/commissions?from=${day}&to=${day}`,
  );
  expect(after.commissionMinor).toBe(500);
});
