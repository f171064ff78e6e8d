/**
 * House charge accounts: a customer buys on account (a tender `{type: "account", card}`) up to
 * the credit limit head office sets, pays later, and reads a statement. Over the limit, a sale is
 * refused precisely and changes nothing; a return of a sale on account pays the account back.
 */
import { expect, test } from "bun:test";
import { uuidv7 } from "../../src/core/ids.ts";
import { AccountsService } from "../../src/hq/customers/accounts.ts";
import { createTestHq } from "../support/hq-app.ts";
import { type ErrorBody, issue, sellBread, setUp } from "./card-fixtures.ts";
import { API } from "./sales-fixtures.ts";

interface HouseAccount {
  customerId: string;
  creditLimitMinor: number;
  owedMinor: number;
  heldMinor: number;
  availableMinor: number;
}
interface Statement {
  openingMinor: number;
  closingMinor: number;
  entries: { type: string; amountMinor: number; saleId: string | null }[];
}

test("a customer buys on account up to the limit, returns, pays, and reads the statement", async () => {
  using hq = createTestHq();
  const { store } = await setUp(hq);
  using _ = store;
  const customer = await hq.request<{ id: string }>("POST", `${API}/customers`, { name: "Ada Lovelace" });
  expect(customer.status).toBe(201);
  const id = customer.body.id;
  await issue(hq, [store], "LOY-H1", "loyalty", 0, id);
  const onAccount = (amountMinor: number) =>
    sellBread(store, [{ type: "account", card: "LOY-H1", amountMinor }]);
  const account = async () => (await hq.request<HouseAccount>("GET", `${API}/customers/${id}/account`)).body;

  const none = await onAccount(550);
  expect(none.status).toBe(409);
  expect(none.body.error.code).toBe("NO_HOUSE_ACCOUNT");

  const set = await hq.request<HouseAccount>("PUT", `${API}/customers/${id}/account`, {
    creditLimitMinor: 1_000,
  });
  expect(set.status).toBe(200);
  expect(set.body).toMatchObject({ creditLimitMinor: 1_000, owedMinor: 0, availableMinor: 1_000 });

  const first = await onAccount(550);
  expect(first.status).toBe(201);
  expect(await account()).toMatchObject({ owedMinor: 550, heldMinor: 0, availableMinor: 450 });

  const over = await onAccount(550);
  expect(over.status).toBe(409);
  expect(over.body.error.code).toBe("OVER_CREDIT_LIMIT");
  expect(over.body.error.details).toMatchObject({
    creditLimitMinor: 1_000,
    owedMinor: 550,
    availableMinor: 450,
  });
  expect(await account()).toMatchObject({ owedMinor: 550, heldMinor: 0 });

  const back = await store.request<{ tenders: unknown[] }>("POST", `${API}/returns`, {
    id: uuidv7(),
    originalSaleId: first.body.id,
    lines: [{ code: "BREAD", qty: 1 }],
  });
  expect(back.status).toBe(201);
  expect(back.body.tenders).toEqual([{ type: "account", amountMinor: 275 }]);
  expect(await account()).toMatchObject({ owedMinor: 275 });

  const payment = { id: "pay-1", amountMinor: 200 };
  const paid = await hq.request<HouseAccount>("POST", `${API}/customers/${id}/account/payments`, payment);
  expect(paid.status).toBe(201);
  expect(paid.body).toMatchObject({ owedMinor: 75 });
  expect((await hq.request("POST", `${API}/customers/${id}/account/payments`, payment)).body).toMatchObject({
    owedMinor: 75,
  });
  const tooMuch = await hq.request<ErrorBody>("POST", `${API}/customers/${id}/account/payments`, {
    id: "pay-2",
    amountMinor: 100,
  });
  expect(tooMuch.status).toBe(409);
  expect(tooMuch.body.error.code).toBe("OVERPAYMENT");
  const below = await hq.request<ErrorBody>("PUT", `${API}/customers/${id}/account`, {
    creditLimitMinor: 50,
  });
  expect(below.status).toBe(409);
  expect(below.body.error.code).toBe("LIMIT_BELOW_OWED");
  const negative = await hq.request<ErrorBody>("PUT", `${API}/customers/${id}/account`, {
    creditLimitMinor: -1,
  });
  expect(negative.status).toBe(400);
  expect(await account()).toMatchObject({ creditLimitMinor: 1_000, owedMinor: 75 });

  const statement = await hq.request<Statement>("GET", `${API}/customers/${id}/account/statement`);
  expect(statement.status).toBe(200);
  expect(statement.body).toMatchObject({ openingMinor: 0, closingMinor: 75 });
  expect(statement.body.entries.map((e) => [e.type, e.amountMinor])).toEqual([
    ["charge", 550],
    ["refund", -275],
    ["payment", -200],
  ]);
  const later = await hq.request<Statement>(
    "GET",
    `${API}/customers/${id}/account/statement?from=2999-01-01T00:00:00.000Z`,
  );
  expect(later.body).toMatchObject({ openingMinor: 75, closingMinor: 75, entries: [] });
  expect(new AccountsService(hq.ctx).mismatches()).toEqual([]);
});
