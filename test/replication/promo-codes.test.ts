/**
 * Promo codes counted chain-wide on real processes: a single-use code defined at head office and
 * used at store 1 is refused at store 2 (CODE_USED_UP) and changes nothing there; the repeat of
 * the first sale is answered as recorded; an expired code is refused precisely; head office's
 * code report counts the use at store 1, and its promotion report the sale, once replicated.
 */
import { afterAll, beforeAll, expect, setDefaultTimeout, test } from "bun:test";
import { uuidv7 } from "../../src/core/ids.ts";
import { type Chain, startChain } from "./support/chain.ts";
import { waitFor } from "./support/wait.ts";

setDefaultTimeout(120_000);

let chain: Chain;
beforeAll(async () => {
  chain = await startChain({ storeIds: ["S1", "S2"], hqLink: true });
}, 90_000);
afterAll(async () => {
  await chain?.[Symbol.asyncDispose]();
}, 60_000);

async function hqPost(path: string, body: unknown): Promise<number> {
  const res = await chain.hq.api(path, { method: "POST", body: JSON.stringify(body) });
  return res.status;
}

function saleBody(id: string, codes: string[]) {
  return {
    id,
    tillId: "T1",
    lines: [{ code: "MILK" }],
    couponCodes: codes,
    tenders: [{ type: "cash", amountMinor: 1_000 }],
  };
}

async function sell(storeId: string, id: string, codes: string[]) {
  const res = await chain.store(storeId).api("/api/v1/sales", {
    method: "POST",
    body: JSON.stringify(saleBody(id, codes)),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

async function waitForPromotion(storeId: string, code: string): Promise<void> {
  await waitFor(async () => {
    const res = await chain.store(storeId).api("/api/v1/baskets/quote", {
      method: "POST",
      body: JSON.stringify({ lines: [{ code: "MILK" }], couponCodes: [code] }),
    });
    const quote = (await res.json()) as { promotions?: unknown[] };
    return res.status === 200 && (quote.promotions?.length ?? 0) > 0 ? true : null;
  }, `promotion with code ${code} at ${storeId}`);
}

test("a single-use code used at store 1 is refused at store 2", async () => {
  expect(
    await hqPost("/api/v1/promotions", {
      id: "welcome",
      name: "Welcome 1.00 off",
      code: "WELCOME1",
      reward: { kind: "amount", amountMinor: 100, on: "order" },
      maxUses: 1,
    }),
  ).toBe(200);
  await waitForPromotion("S1", "WELCOME1");
  await waitForPromotion("S2", "welcome1");

  const first = uuidv7();
  const used = await sell("S1", first, ["welcome1"]);
  expect(used.status).toBe(201);
  expect(used.body.promotions).toEqual([{ id: "welcome", name: "Welcome 1.00 off", discountMinor: 100 }]);
  // The same sale again is the same sale: its use is not counted twice.
  const again = await sell("S1", first, ["welcome1"]);
  expect(again.body).toMatchObject({ id: first });
  expect(again.status).toBe(200);

  const second = uuidv7();
  const refused = await sell("S2", second, ["WELCOME1"]);
  expect(refused.status).toBe(409);
  expect(refused.body).toMatchObject({ error: { code: "CODE_USED_UP" } });
  expect((await chain.store("S2").api(`/api/v1/sales/${second}`)).status).toBe(404);

  const report = await chain.hq.api("/api/v1/reports/promotion-codes");
  expect(await report.json()).toEqual({
    codes: [
      {
        promotionId: "welcome",
        code: "WELCOME1",
        maxUses: 1,
        maxUsesPerCustomer: null,
        uses: 1,
        offlineUses: 0,
        discountMinor: 100,
        byStore: [{ storeId: "S1", uses: 1 }],
      },
    ],
  });
});

test("head office's promotion report counts the sale that got the promotion, once it replicated", async () => {
  const from = new Date(Date.now() - 3_600_000).toISOString();
  const to = new Date(Date.now() + 3_600_000).toISOString();
  const row = await waitFor(async () => {
    const res = await chain.hq.api(`/api/v1/reports/promotions?from=${from}&to=${to}`);
    const body = (await res.json()) as { promotions: { id: string; uses: number }[] };
    const welcome = body.promotions.find((p) => p.id === "welcome");
    return welcome !== undefined && welcome.uses > 0 ? welcome : null;
  }, "the sale at head office");
  // MILK 3.49 (taxed): the order-wide 1.00 off, on the one sale; the refused sale never happened.
  expect(row).toMatchObject({ id: "welcome", uses: 1, discountMinor: 100, qtyMilli: 1_000 });
});

test("an expired code is refused at the store with its own error, and nothing is recorded", async () => {
  expect(
    await hqPost("/api/v1/promotions", {
      id: "old",
      name: "Old coupon",
      code: "OLD",
      validTo: "2020-01-31",
      reward: { kind: "percent", percent: 10, on: "order" },
    }),
  ).toBe(200);
  await waitFor(async () => {
    const res = await chain.store("S2").api("/api/v1/promotions/old");
    return res.status === 200 ? true : null;
  }, "the old coupon at S2");
  const id = uuidv7();
  const refused = await sell("S2", id, ["OLD"]);
  expect(refused.status).toBe(409);
  expect(refused.body).toMatchObject({ error: { code: "CODE_EXPIRED" } });
  expect((await chain.store("S2").api(`/api/v1/sales/${id}`)).status).toBe(404);
  const unknown = await sell("S2", uuidv7(), ["NOSUCH"]);
  expect(unknown.status).toBe(404);
  expect(unknown.body).toMatchObject({ error: { code: "CODE_UNKNOWN" } });
});

test("a dry-run claim (a till asking before the sale) refuses like a claim and counts nothing", async () => {
  const dryRun = (promotionId: string, code: string) =>
    chain.hq.api("/api/v1/promotions/claims", {
      method: "POST",
      body: JSON.stringify({
        saleId: uuidv7(),
        storeId: "S2",
        at: new Date().toISOString(),
        uses: [{ promotionId, code, discountMinor: 0 }],
        dryRun: true,
      }),
    });
  const refused = await dryRun("welcome", "WELCOME1");
  expect(refused.status).toBe(409);
  expect(await refused.json()).toMatchObject({ error: { code: "CODE_USED_UP" } });
  expect(
    await hqPost("/api/v1/promotions", {
      id: "fresh",
      name: "Fresh",
      code: "FRESH",
      reward: { kind: "amount", amountMinor: 10, on: "order" },
      maxUses: 1,
    }),
  ).toBe(200);
  expect((await dryRun("fresh", "FRESH")).status).toBe(200);
  const report = (await (await chain.hq.api("/api/v1/reports/promotion-codes")).json()) as {
    codes: { code: string; uses: number }[];
  };
  expect(report.codes.find((c) => c.code === "FRESH")?.uses).toBe(0);
});
