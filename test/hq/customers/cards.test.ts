/**
 * Cards at head office: issue, look up, block, replace (balance and history move), bulk issue
 * with check digits; a card issued twice is 409 and changes nothing.
 */
import { expect, test } from "bun:test";
import { isEan13Valid, isLuhnValid } from "../../../src/core/card-numbers.ts";
import { testHqPerTest } from "../../support/hq-app.ts";

const hq = testHqPerTest();

interface Card {
  number: string;
  kind: string;
  customerId: string | null;
  blocked: boolean;
  points: number;
  balanceMinor: number;
}
interface ErrorBody {
  error: { code: string; message: string };
}

test("a gift card is issued with its balance, and a card issued twice is refused", async () => {
  const h = hq();
  const made = await h.request<Card>("POST", "/api/v1/cards", {
    number: "6000001",
    kind: "gift",
    balanceMinor: 5_000,
  });
  expect(made.status).toBe(201);
  expect(made.body).toMatchObject({
    number: "6000001",
    kind: "gift",
    customerId: null,
    blocked: false,
    points: 0,
    balanceMinor: 5_000,
  });
  const twice = await h.request<ErrorBody>("POST", "/api/v1/cards", { number: "6000001", kind: "loyalty" });
  expect(twice.status).toBe(409);
  expect(twice.body.error.code).toBe("CARD_EXISTS");
  expect((await h.request<Card>("GET", "/api/v1/cards/6000001")).body).toMatchObject({
    kind: "gift",
    balanceMinor: 5_000,
  });
  const unknown = await h.request<ErrorBody>("GET", "/api/v1/cards/9999999");
  expect(unknown.status).toBe(404);
  expect(unknown.body.error.code).toBe("CARD_NOT_FOUND");
  const noCustomer = await h.request<ErrorBody>("POST", "/api/v1/cards", {
    number: "6000002",
    kind: "loyalty",
    customerId: "nobody",
  });
  expect(noCustomer.status).toBe(404);
  expect(h.count("cards")).toBe(1);
  expect(h.publisher.changes.find((c) => c.kind === "card")?.value).toMatchObject({
    number: "6000001",
    balanceMinor: 5_000,
  });
});

test("replace moves points (with their expiry) and money to the new card; the old one is blocked", async () => {
  const h = hq();
  await h.request("PUT", "/api/v1/loyalty", {
    earn: { points: 1, perAmountMinor: 100 },
    pointValueMinor: 1,
    expiryDays: 365,
  });
  await h.request("POST", "/api/v1/customers", { id: "c1", name: "Ana" });
  await h.request("POST", "/api/v1/cards", {
    number: "1001",
    kind: "loyalty",
    customerId: "c1",
    balanceMinor: 700,
  });
  const earned = await h.request("POST", "/api/v1/accounts/earnings", {
    card: "1001",
    storeId: "S1",
    saleId: "sale-1",
    paidMinor: 4_250,
  });
  expect(earned.body).toMatchObject({ points: 42, balance: 42 });
  const replaced = await h.request<Card>("POST", "/api/v1/cards/1001/replace", { newNumber: "1002" });
  expect(replaced.status).toBe(200);
  expect(replaced.body).toMatchObject({
    number: "1002",
    customerId: "c1",
    points: 42,
    balanceMinor: 700,
    blocked: false,
  });
  expect((await h.request<Card>("GET", "/api/v1/cards/1001")).body).toMatchObject({
    blocked: true,
    points: 0,
    balanceMinor: 0,
    replacedBy: "1002",
  });
  const ledger = await h.request<{
    entries: { card: string; type: string; amount: number; expiresAt: string | null }[];
  }>("GET", "/api/v1/cards/1002/ledger");
  expect(ledger.body.entries.map((e) => `${e.card} ${e.type} ${e.amount}`)).toEqual([
    "1001 issue 700",
    "1001 earn 42",
    "1001 transfer -42",
    "1002 transfer 42",
    "1001 transfer -700",
    "1002 transfer 700",
  ]);
  expect(ledger.body.entries[3]?.expiresAt).toBe(ledger.body.entries[1]?.expiresAt ?? "missing");
  const again = await h.request<ErrorBody>("POST", "/api/v1/cards/1001/replace", { newNumber: "1003" });
  expect(again.status).toBe(409);
  expect(again.body.error.code).toBe("CARD_BLOCKED");
  const taken = await h.request<ErrorBody>("POST", "/api/v1/cards/1002/replace", { newNumber: "1001" });
  expect(taken.status).toBe(409);
  expect(taken.body.error.code).toBe("CARD_EXISTS");
});

test("a blocked card earns and redeems nothing", async () => {
  const h = hq();
  await h.request("PUT", "/api/v1/loyalty", { earn: { points: 1, perAmountMinor: 100 }, pointValueMinor: 1 });
  await h.request("POST", "/api/v1/cards", { number: "1001", kind: "loyalty" });
  expect((await h.request<Card>("POST", "/api/v1/cards/1001/block")).body.blocked).toBe(true);
  const earn = await h.request<ErrorBody>("POST", "/api/v1/accounts/earnings", {
    card: "1001",
    storeId: "S1",
    saleId: "s",
    paidMinor: 500,
  });
  expect(earn.status).toBe(409);
  expect(earn.body.error.code).toBe("CARD_BLOCKED");
  expect(h.count("account_entries")).toBe(0);
});

test("bulk issue: EAN-13 and Luhn numbers, continuing after the last issued", async () => {
  const h = hq();
  const ean = await h.request<{ numbers: string[] }>("POST", "/api/v1/cards/bulk", {
    prefix: "299",
    count: 3,
    kind: "loyalty",
  });
  expect(ean.status).toBe(201);
  expect(ean.body.numbers).toEqual(["2990000000019", "2990000000026", "2990000000033"]);
  expect(ean.body.numbers.every(isEan13Valid)).toBe(true);
  const more = await h.request<{ numbers: string[] }>("POST", "/api/v1/cards/bulk", {
    prefix: "299",
    count: 1,
    kind: "loyalty",
  });
  expect(more.body.numbers).toEqual(["2990000000040"]);
  const luhn = await h.request<{ numbers: string[] }>("POST", "/api/v1/cards/bulk", {
    prefix: "7777",
    count: 2,
    kind: "gift",
    check: "luhn",
    length: 16,
    balanceMinor: 2_500,
  });
  expect(luhn.body.numbers.every((n) => n.length === 16 && isLuhnValid(n))).toBe(true);
  expect((await h.request<Card>("GET", `/api/v1/cards/${luhn.body.numbers[0]}`)).body.balanceMinor).toBe(
    2_500,
  );
  const full = await h.request<ErrorBody>("POST", "/api/v1/cards/bulk", {
    prefix: "1234567890",
    count: 200,
    kind: "gift",
  });
  expect(full.status).toBe(400);
  expect(full.body.error.code).toBe("BULK_TOO_LONG");
  expect(h.count("cards")).toBe(6);
});
