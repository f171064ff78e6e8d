/**
 * Customer analytics at head office from the sales it holds: visits, spend, recency, frequency
 * and lifetime value per customer (a merged customer's sales count for the one kept), group
 * activity, and the points and money outstanding on cards.
 */
import { expect, test } from "bun:test";
import { testHqPerTest } from "../../support/hq-app.ts";

const hq = testHqPerTest();

function sale(
  h: ReturnType<typeof hq>,
  id: string,
  customerId: string | null,
  day: string,
  totalMinor: number,
) {
  h.ctx.sqlite.run(
    `INSERT INTO hq_sales (id, store_id, event_id, receipt_no, till_id, customer_id, at, day, currency, status,
       subtotal_minor, discount_minor, tax_minor, total_minor, change_minor, cash_rounding_minor)
     VALUES (?1, 'S1', ?1, ?1, 'T1', ?2, ?3 || 'T10:00:00.000Z', ?3, 'USD', 'completed', ?4, 0, 0, ?4, 0, 0)`,
    [id, customerId, day, totalMinor],
  );
}

test("visits, spend, recency, frequency and lifetime value per customer, top spenders first", async () => {
  const h = hq();
  await h.request("POST", "/api/v1/customer-groups", { id: "staff", name: "Staff" });
  await h.request("POST", "/api/v1/customers", { id: "a", name: "Ann", groups: ["staff"] });
  await h.request("POST", "/api/v1/customers", { id: "b", name: "Bea" });
  await h.request("POST", "/api/v1/customers", { id: "b2", name: "Bea (old card)" });
  sale(h, "s1", "a", "2026-01-15", 10_000);
  sale(h, "s2", "a", "2026-03-01", 2_000);
  sale(h, "s3", "b", "2026-03-02", 5_000);
  sale(h, "s4", "b2", "2026-03-03", 4_000);
  sale(h, "s5", null, "2026-03-03", 9_999);
  h.ctx.sqlite.run(
    `INSERT INTO hq_returns (id, store_id, event_id, receipt_no, till_id, customer_id, at, day, currency,
       subtotal_minor, discount_minor, tax_minor, total_minor, cash_rounding_minor)
     VALUES ('r1', 'S1', 'r1', 'r1', 'T1', 'a', '2026-03-05T10:00:00.000Z', '2026-03-05', 'USD', 500, 0, 0, 500, 0)`,
  );
  await h.request("POST", "/api/v1/customers/b2/merge", { into: "b" });
  const res = await h.request<{ customers: Record<string, unknown>[] }>(
    "GET",
    "/api/v1/reports/customers?from=2026-03-01&to=2026-03-31",
  );
  expect(res.status).toBe(200);
  expect(res.body.customers).toEqual([
    expect.objectContaining({
      customerId: "b",
      name: "Bea",
      visits: 2,
      spendMinor: 9_000,
      averageBasketMinor: 4_500,
      lastVisit: "2026-03-03",
      recencyDays: 28,
      lifetimeSpendMinor: 9_000,
    }),
    expect.objectContaining({
      customerId: "a",
      visits: 1,
      spendMinor: 1_500,
      lastVisit: "2026-03-01",
      lifetimeVisits: 2,
      lifetimeSpendMinor: 11_500,
    }),
  ]);
  const lifetime = await h.request<{ customers: { customerId: string }[] }>(
    "GET",
    "/api/v1/reports/customers?from=2026-03-01&to=2026-03-31&sort=lifetime&limit=1",
  );
  expect(lifetime.body.customers.map((c) => c.customerId)).toEqual(["a"]);
  const groups = await h.request("GET", "/api/v1/reports/customer-groups?from=2026-03-01&to=2026-03-31");
  expect(groups.body).toMatchObject({
    groups: [{ id: "staff", members: 1, activeMembers: 1, visits: 1, spendMinor: 1_500 }],
  });
  const bad = await h.request("GET", "/api/v1/reports/customers?from=March&to=2026-03-31");
  expect(bad.status).toBe(400);
  expect(
    (
      await h.request(
        "GET",
        "/api/v1/reports/customers?from=2026-03-01&to=2026-03-31",
        undefined,
        h.token("store:S1"),
      )
    ).status,
  ).toBe(403);
});

test("points liability: what cards not blocked hold, and what is held", async () => {
  const h = hq();
  await h.request("PUT", "/api/v1/loyalty", { earn: { points: 1, perAmountMinor: 100 }, pointValueMinor: 2 });
  await h.request("POST", "/api/v1/cards", { number: "1001", kind: "loyalty" });
  await h.request("POST", "/api/v1/cards", { number: "6001", kind: "gift", balanceMinor: 2_500 });
  await h.request("POST", "/api/v1/accounts/earnings", {
    card: "1001",
    storeId: "S1",
    saleId: "x",
    paidMinor: 30_000,
  });
  await h.request("POST", "/api/v1/accounts/redemptions", {
    id: "r",
    card: "1001",
    storeId: "S1",
    points: 100,
  });
  await h
    .request("POST", "/api/v1/cards/1001/replace", { newNumber: "1002" })
    .then((r) => expect(r.status).toBe(409));
  await h.request("POST", "/api/v1/accounts/redemptions/r/release");
  await h.request("POST", "/api/v1/cards/1001/replace", { newNumber: "1002" });
  const res = await h.request("GET", "/api/v1/reports/points-liability");
  expect(res.body).toEqual({
    points: 300,
    pointsValueMinor: 600,
    moneyMinor: 2_500,
    heldPoints: 0,
    heldMinor: 0,
    cards: 2,
  });
});
