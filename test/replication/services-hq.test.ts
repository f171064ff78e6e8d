/**
 * A service and a staff commission rule defined at head office reach a real store over NATS; a
 * service sale rung there (the till's document as rung, with the staff member) earns head
 * office's commission in the store's commissions report. Ended at head office, the rule stops.
 */
import { expect, setDefaultTimeout, test } from "bun:test";
import { uuidv7 } from "../../src/core/ids.ts";
import type { StoreProcess } from "../support/store-process.ts";
import { startChain } from "./support/chain.ts";
import { waitFor } from "./support/wait.ts";

setDefaultTimeout(120_000);

type Json = Record<string, unknown>;

async function call<T = Json>(
  target: { api(path: string, init?: RequestInit): Promise<Response> },
  path: string,
  body?: unknown,
): Promise<{ status: number; body: T }> {
  const res = await target.api(
    path,
    body === undefined ? undefined : { method: "POST", body: JSON.stringify(body) },
  );
  return { status: res.status, body: (await res.json()) as T };
}

async function storeRules(store: StoreProcess): Promise<Json[]> {
  return (await call<{ rules: Json[] }>(store, "/api/v1/commission-rules")).body.rules;
}

/** Rings a service line as a till does: the store's quote, the staff member added, sent as rung. */
async function ringService(store: StoreProcess, code: string, staffId: string): Promise<void> {
  const quote = await call<Json & { lines: Json[]; totalMinor: number }>(store, "/api/v1/baskets/quote", {
    lines: [{ code }],
  });
  expect(quote.status).toBe(200);
  const sale = await call(store, "/api/v1/sales", {
    ...quote.body,
    lines: quote.body.lines.map((l) => ({ ...l, staffId })),
    asRung: true,
    id: uuidv7(),
    tillId: "T1",
    at: new Date().toISOString(),
    tenders: [{ type: "cash", amountMinor: quote.body.totalMinor }],
  });
  expect(sale.status).toBe(201);
}

/** The store's commissions over the days around now (whatever its time zone makes today). */
async function commissions(store: StoreProcess): Promise<{ staff: Json[]; commissionMinor: number }> {
  const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
  const res = await call<{ staff: Json[]; commissionMinor: number }>(
    store,
    `/api/v1/reports/commissions?from=${day(-1)}&to=${day(1)}`,
  );
  expect(res.status).toBe(200);
  return res.body;
}

test("a commission rule defined at head office earns at the store after a service sale", async () => {
  await using chain = await startChain({ storeIds: ["S1"] });
  const store = chain.store("S1");
  expect(
    (await call(chain.hq, "/api/v1/products", { code: "CUT", name: "Haircut", priceMinor: 3000 })).status,
  ).toBeLessThan(300);
  const ann = await call<{ id: string }>(chain.hq, "/api/v1/users", {
    name: "Ann Stylist",
    role: "cashier",
    pin: "4821",
    storeIds: ["S1"],
  });
  expect(ann.status).toBe(201);
  const staffId = ann.body.id;
  const service = await call(chain.hq, "/api/v1/services", {
    code: "CUT",
    kind: "service",
    durationMin: 45,
    staffIds: [staffId],
  });
  expect(service.status).toBe(201);
  const rule = await call(chain.hq, "/api/v1/commission-rules", {
    id: "cut-ann",
    staffId,
    serviceCode: "CUT",
    percent: "12.5",
  });
  expect(rule.status).toBe(201);

  const rules = await waitFor(async () => {
    const found = await storeRules(store);
    return found.length > 0 ? found : null;
  }, "the rule at the store");
  expect(rules).toEqual([
    {
      id: "cut-ann",
      staffId,
      serviceCode: "CUT",
      category: null,
      percent: "12.5",
      fixedMinor: null,
      origin: "hq",
    },
  ]);
  const services = await call<{ services: Json[] }>(store, "/api/v1/services");
  expect(services.body.services).toMatchObject([
    { code: "CUT", kind: "service", durationMin: 45, staffIds: [staffId], origin: "hq", priceMinor: 3000 },
  ]);

  await ringService(store, "CUT", staffId);
  const report = await commissions(store);
  expect(report.staff).toMatchObject([
    { staffId, staffName: "Ann Stylist", lines: 1, baseMinor: 3000, commissionMinor: 375 },
  ]);
  expect(report.commissionMinor).toBe(375);

  expect(
    (
      await call(chain.hq, "/api/v1/commission-rules", {
        id: "cut-ann",
        staffId,
        serviceCode: "CUT",
        percent: "12.5",
        active: false,
      })
    ).status,
  ).toBe(200);
  await waitFor(
    async () => ((await storeRules(store)).length === 0 ? true : null),
    "the rule ended at the store",
  );
  await ringService(store, "CUT", staffId);
  const after = await commissions(store);
  expect(after.staff).toMatchObject([{ staffId, lines: 2, commissionMinor: 375 }]);
});
