/**
 * Earning as head office applies it in a batch (one transaction for many sales, as the ingest
 * does): once per sale id within the batch and across batches, a refused sale rolled back to its
 * savepoint without undoing the others, a programme change seen by the next sale, and the card's
 * change-log entry carrying the new balance.
 */
import { expect, test } from "bun:test";
import { AccountsService } from "../../../src/hq/customers/accounts.ts";
import { testHqPerTest } from "../../support/hq-app.ts";

const hq = testHqPerTest();

async function seeded(h: ReturnType<typeof hq>) {
  await h.request("PUT", "/api/v1/loyalty", { earn: { points: 1, perAmountMinor: 100 }, pointValueMinor: 1 });
  await h.request("POST", "/api/v1/customer-groups", { id: "gold", name: "Gold" });
  await h.request("POST", "/api/v1/customers", { id: "c1", name: "Ana", groups: ["gold"] });
  await h.request("POST", "/api/v1/cards", { number: "1001", kind: "loyalty", customerId: "c1" });
  await h.request("POST", "/api/v1/cards", { number: "1002", kind: "loyalty" });
  await h.request("POST", "/api/v1/cards", { number: "2001", kind: "gift", balanceMinor: 500 });
  return new AccountsService(h.ctx);
}

function cardChange(h: ReturnType<typeof hq>, number: string) {
  const row = h.ctx.sqlite
    .query<{ value: string }, [string]>("SELECT value FROM catalog_changes WHERE kind = 'card' AND key = ?1")
    .get(number);
  return row ? (JSON.parse(row.value) as { points: number; balanceMinor: number }) : null;
}

test("a batch earns once per sale id, within it and across batches, and a refused sale undoes only itself", async () => {
  const h = hq();
  const accounts = await seeded(h);
  await h.request("PUT", "/api/v1/loyalty", {
    earn: { points: 1, perAmountMinor: 100 },
    pointValueMinor: 1,
    groupMultipliers: { gold: 200 },
  });
  const now = h.ctx.now();
  const refused: string[] = [];
  const answers = h.ctx.db.transaction((tx) =>
    [
      { card: "1001", storeId: "S1", saleId: "s1", paidMinor: 1_000 },
      { card: "1002", storeId: "S1", saleId: "s2", paidMinor: 350 },
      { card: "1001", storeId: "S1", saleId: "s1", paidMinor: 1_000 },
      { card: "2001", storeId: "S1", saleId: "s3", paidMinor: 900 },
      { card: "9999", storeId: "S1", saleId: "s4", paidMinor: 900 },
    ].flatMap((sale) => {
      try {
        return [tx.transaction((sp) => accounts.earnInTx(sp, sale, now)).answer];
      } catch (err) {
        refused.push((err as { code: string }).code);
        return [];
      }
    }),
  );
  expect(answers).toEqual([
    { card: "1001", key: "sale:s1", points: 20, balance: 20, duplicate: false },
    { card: "1002", key: "sale:s2", points: 3, balance: 3, duplicate: false },
    { card: "1001", key: "sale:s1", points: 20, balance: 20, duplicate: true },
  ]);
  expect(refused).toEqual(["CARD_KIND_MISMATCH", "CARD_NOT_FOUND"]);
  // The next batch sees the first one's sales as done.
  const again = h.ctx.db.transaction((tx) =>
    accounts.earnInTx(tx, { card: "1001", storeId: "S2", saleId: "s1", paidMinor: 5_000 }, now),
  );
  expect(again).toEqual({
    answer: { card: "1001", key: "sale:s1", points: 20, balance: 20, duplicate: true },
  });
  expect(h.count("account_entries")).toBe(3); // the gift card's issue and two earnings
  expect(accounts.mismatches()).toEqual([]);
  expect(cardChange(h, "1001")).toMatchObject({ points: 20, balanceMinor: 0 });
  expect(cardChange(h, "1002")).toMatchObject({ points: 3 });
});

test("earning follows the programme as it is when the sale arrives, and refuses a blocked card", async () => {
  const h = hq();
  const accounts = await seeded(h);
  expect(accounts.earn({ card: "1002", storeId: "S1", saleId: "a", paidMinor: 1_000 })).toMatchObject({
    points: 10,
    balance: 10,
  });
  await h.request("PUT", "/api/v1/loyalty", { earn: { points: 3, perAmountMinor: 100 }, pointValueMinor: 1 });
  expect(accounts.earn({ card: "1002", storeId: "S1", saleId: "b", paidMinor: 1_000 })).toMatchObject({
    points: 30,
    balance: 40,
  });
  expect((await h.request("POST", "/api/v1/cards/1002/block", {})).status).toBe(200);
  const blocked = await h.request<{ error: { code: string } }>("POST", "/api/v1/accounts/earnings", {
    card: "1002",
    storeId: "S1",
    saleId: "c",
    paidMinor: 1_000,
  });
  expect([blocked.status, blocked.body.error.code]).toEqual([409, "CARD_BLOCKED"]);
  expect(h.count("account_entries")).toBe(3);
  expect(accounts.mismatches()).toEqual([]);
});
