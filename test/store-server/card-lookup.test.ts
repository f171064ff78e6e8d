/**
 * A card scanned at the store, answered from its copy: the customer with their groups (by id,
 * with discounts), a merged customer as the one they went into, an erased one as null, a blocked
 * card with its flag, an unknown card 404; and the customer search with the same groups.
 */
import { expect, test } from "bun:test";
import { applyCard, applyCustomer, applyCustomerGroup } from "../../src/store-server/customers/apply.ts";
import { createTestStore } from "../support/store-app.ts";

const AT = "2026-03-02T15:00:00.000Z";
const CUSTOMER = { phone: null, email: null, birthday: null, groups: [], mergedInto: null, erased: false };
const CARD = { kind: "loyalty" as const, replacedBy: null, expiresAt: null, blocked: false, balanceMinor: 0 };

function storeWithCopy() {
  const store = createTestStore();
  store.ctx.db.transaction((tx) => {
    applyCustomerGroup(tx, { id: "staff", name: "Staff", discountBp: 1_000 }, AT);
    applyCustomerGroup(tx, { id: "friends", name: "Friends", discountBp: null }, AT);
    applyCustomer(
      tx,
      { ...CUSTOMER, id: "c1", name: "Ana Lima", phone: "+15550100", groups: ["staff", "friends"] },
      AT,
    );
    applyCustomer(tx, { ...CUSTOMER, id: "c2", name: "Ana L.", mergedInto: "c1" }, AT);
    applyCustomer(tx, { ...CUSTOMER, id: "c3", name: "(erased)", erased: true }, AT);
    applyCard(tx, { ...CARD, number: "1001", customerId: "c1", points: 40 }, AT);
    applyCard(tx, { ...CARD, number: "1002", customerId: "c2", points: 0 }, AT);
    applyCard(tx, { ...CARD, number: "1003", customerId: "c3", points: 0, blocked: true }, AT);
    applyCard(
      tx,
      { ...CARD, number: "1004", customerId: null, kind: "gift", points: 0, balanceMinor: 900 },
      AT,
    );
  });
  return store;
}

const ANA = {
  id: "c1",
  name: "Ana Lima",
  phone: "+15550100",
  email: null,
  birthday: null,
  groups: [
    { id: "friends", name: "Friends", discountPercent: null },
    { id: "staff", name: "Staff", discountPercent: 10 },
  ],
};

test("a scanned card answers its customer and groups, following a merge; an erased customer is null", async () => {
  const store = storeWithCopy();
  const own = await store.request("GET", "/api/v1/cards/1001");
  expect(own.status).toBe(200);
  expect(own.body).toEqual({
    number: "1001",
    kind: "loyalty",
    customerId: "c1",
    blocked: false,
    points: 40,
    balanceMinor: 0,
    replacedBy: null,
    expiresAt: null,
    asOf: AT,
    customer: ANA,
  });
  expect((await store.request("GET", "/api/v1/cards/1002")).body).toMatchObject({
    customerId: "c2",
    customer: ANA,
  });
  expect((await store.request("GET", "/api/v1/cards/1003")).body).toMatchObject({
    blocked: true,
    customer: null,
  });
  expect((await store.request("GET", "/api/v1/cards/1004")).body).toMatchObject({
    kind: "gift",
    balanceMinor: 900,
    customer: null,
  });
  const unknown = await store.request<{ error: { code: string } }>("GET", "/api/v1/cards/9999");
  expect([unknown.status, unknown.body.error.code]).toEqual([404, "CARD_NOT_FOUND"]);
  const found = await store.request("GET", "/api/v1/customers?q=ana");
  // The search leaves merged customers out: only the one they went into, with their usable cards.
  expect(found.body).toEqual({ customers: [{ ...ANA, cards: ["1001"] }] });
});
