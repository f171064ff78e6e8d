/**
 * Co-op members and their equity at head office: a customer becomes a member with a number, a
 * date and the equity they owe; equity payments are recorded against them once per id (a store
 * sending a sale's payment again adds nothing); the equity report answers per member what is
 * due, paid and outstanding. Bad input is refused precisely and changes nothing.
 */
import { expect, test } from "bun:test";
import { testHqPerTest } from "../../support/hq-app.ts";

const hq = testHqPerTest();

interface ErrorBody {
  error: { code: string; message: string; details?: Record<string, unknown> };
}

interface Report {
  members: {
    customerId: string;
    name: string;
    number: string;
    dueMinor: number;
    paidMinor: number;
    outstandingMinor: number;
  }[];
  dueMinor: number;
  paidMinor: number;
  outstandingMinor: number;
}

async function seed(h: ReturnType<typeof hq>) {
  expect((await h.request("POST", "/api/v1/customers", { id: "c1", name: "Ada Owner" })).status).toBe(201);
  expect((await h.request("POST", "/api/v1/customers", { id: "c2", name: "Ben Owner" })).status).toBe(201);
  expect((await h.request("POST", "/api/v1/customers", { id: "c3", name: "Cy Shopper" })).status).toBe(201);
  const member = { number: "654", since: "2020-03-01", equityDueMinor: 10_000 };
  expect((await h.request("PUT", "/api/v1/customers/c1/member", member)).body).toMatchObject({
    customerId: "c1",
    number: "654",
    since: "2020-03-01",
    equityDueMinor: 10_000,
    paidMinor: 0,
    outstandingMinor: 10_000,
  });
  await h.request("PUT", "/api/v1/customers/c2/member", {
    number: "655",
    since: "2021-01-15",
    equityDueMinor: 8_000,
  });
}

test("equity payments count once per id; the report answers due, paid and outstanding per member", async () => {
  const h = hq();
  await seed(h);
  const payment = { id: "sale-1:equity", amountMinor: 2_500, storeId: "S1", saleId: "sale-1" };
  const first = await h.request("POST", "/api/v1/customers/c1/equity/payments", payment);
  expect(first.status).toBe(201);
  expect(first.body).toMatchObject({ paidMinor: 2_500, outstandingMinor: 7_500 });
  // The store sends the sale's payment again: nothing more.
  const again = await h.request("POST", "/api/v1/customers/c1/equity/payments", payment);
  expect(again.status).toBe(201);
  expect(again.body).toMatchObject({ paidMinor: 2_500, outstandingMinor: 7_500 });
  await h.request("POST", "/api/v1/customers/c2/equity/payments", { id: "p-2", amountMinor: 8_000 });

  const report = await h.request<Report>("GET", "/api/v1/reports/equity");
  expect(report.status).toBe(200);
  expect(report.body.members).toEqual([
    expect.objectContaining({
      customerId: "c1",
      name: "Ada Owner",
      number: "654",
      dueMinor: 10_000,
      paidMinor: 2_500,
      outstandingMinor: 7_500,
    }),
    expect.objectContaining({
      customerId: "c2",
      number: "655",
      dueMinor: 8_000,
      paidMinor: 8_000,
      outstandingMinor: 0,
    }),
  ]);
  expect(report.body).toMatchObject({ dueMinor: 18_000, paidMinor: 10_500, outstandingMinor: 7_500 });
  expect((await h.request("GET", "/api/v1/customers/c1/member")).body).toMatchObject({ paidMinor: 2_500 });
});

test("bad input is refused precisely and changes nothing", async () => {
  const h = hq();
  await seed(h);
  const refused: [string, string, unknown, number, string][] = [
    [
      "PUT",
      "/api/v1/customers/c3/member",
      { number: "654", since: "2020-01-01", equityDueMinor: 0 },
      409,
      "MEMBER_NUMBER_TAKEN",
    ],
    [
      "PUT",
      "/api/v1/customers/nobody/member",
      { number: "700", since: "2020-01-01", equityDueMinor: 0 },
      404,
      "CUSTOMER_NOT_FOUND",
    ],
    [
      "PUT",
      "/api/v1/customers/c3/member",
      { number: "700", since: "March", equityDueMinor: 0 },
      400,
      "since",
    ],
    [
      "PUT",
      "/api/v1/customers/c3/member",
      { number: "700", since: "2020-01-01", equityDueMinor: -1 },
      400,
      "equityDueMinor",
    ],
    ["POST", "/api/v1/customers/c3/equity/payments", { id: "p-9", amountMinor: 100 }, 409, "NOT_A_MEMBER"],
    ["POST", "/api/v1/customers/c1/equity/payments", { id: "p-9", amountMinor: 0 }, 400, "amountMinor"],
    [
      "POST",
      "/api/v1/customers/c1/equity/payments",
      { id: "p-9", amountMinor: 10_001 },
      409,
      "EQUITY_OVERPAID",
    ],
  ];
  for (const [method, path, body, status, mention] of refused) {
    const res = await h.request<ErrorBody>(method, path, body);
    expect(res.status).toBe(status);
    expect(JSON.stringify(res.body)).toContain(mention);
  }
  await h.request("POST", "/api/v1/customers/c1/equity/payments", { id: "p-1", amountMinor: 100 });
  const reused = await h.request<ErrorBody>("POST", "/api/v1/customers/c1/equity/payments", {
    id: "p-1",
    amountMinor: 200,
  });
  expect(reused.status).toBe(409);
  expect(reused.body.error.code).toBe("EQUITY_PAYMENT_ID_REUSED");
  const report = await h.request<Report>("GET", "/api/v1/reports/equity");
  expect(report.body.members.map((m) => [m.customerId, m.paidMinor])).toEqual([
    ["c1", 100],
    ["c2", 0],
  ]);
  // Lowering what is due below what is paid is refused too.
  const lower = await h.request<ErrorBody>("PUT", "/api/v1/customers/c1/member", {
    number: "654",
    since: "2020-03-01",
    equityDueMinor: 50,
  });
  expect(lower.status).toBe(409);
  expect(lower.body.error.code).toBe("EQUITY_BELOW_PAID");
});
