/**
 * Customers at head office: create, search, change, merge, export and erase; questionnaire
 * fields and groups (by hand and by rule); bad input is a precise 4xx that changes nothing; every
 * change is handed to the stores' change log.
 */
import { expect, test } from "bun:test";
import { testHqPerTest } from "../../support/hq-app.ts";

const hq = testHqPerTest();

interface Customer {
  id: string;
  name: string;
  phone: string | null;
  email: string | null;
  groups: string[];
  fields: Record<string, unknown>;
  cards: string[];
  mergedInto: string | null;
  erased: boolean;
}
interface ErrorBody {
  error: { code: string; message: string };
}

test("a customer is created, found by name, phone and e-mail, changed, and sent to the stores", async () => {
  const h = hq();
  const made = await h.request<Customer>("POST", "/api/v1/customers", {
    id: "c1",
    name: "Ana Lima",
    phone: "+1 (555) 010-0100",
    email: "Ana@Example.com",
    birthday: "1990-04-01",
  });
  expect(made.status).toBe(201);
  expect(made.body).toMatchObject({
    id: "c1",
    phone: "+15550100100",
    email: "ana@example.com",
    erased: false,
  });
  await h.request("POST", "/api/v1/customers", { name: "Bo Chen" });
  for (const q of ["name=lima", "phone=%2B1-555-010-0100", "email=ANA@example.com", "q=ana"]) {
    const found = await h.request<{ customers: Customer[] }>("GET", `/api/v1/customers?${q}`);
    expect(found.status).toBe(200);
    expect(found.body.customers.map((c) => c.id)).toEqual(["c1"]);
  }
  const patched = await h.request<Customer>("PATCH", "/api/v1/customers/c1", { name: "Ana Lima Souza" });
  expect(patched.status).toBe(200);
  expect(patched.body).toMatchObject({ name: "Ana Lima Souza", phone: "+15550100100" });
  const sent = h.publisher.changes.filter((c) => c.kind === "customer" && c.key === "c1");
  expect(sent.at(-1)?.value).toMatchObject({ name: "Ana Lima Souza", erased: false });
});

test("search pages through customers in id order", async () => {
  const h = hq();
  for (const id of ["a1", "a2", "a3"])
    await h.request("POST", "/api/v1/customers", { id, name: `Sam ${id}` });
  const first = await h.request<{ customers: Customer[]; next: string | null }>(
    "GET",
    "/api/v1/customers?name=sam&limit=2",
  );
  expect(first.body.customers.map((c) => c.id)).toEqual(["a1", "a2"]);
  const second = await h.request<{ customers: Customer[]; next: string | null }>(
    "GET",
    `/api/v1/customers?name=sam&limit=2&after=${first.body.next}`,
  );
  expect(second.body).toMatchObject({ next: null });
  expect(second.body.customers.map((c) => c.id)).toEqual(["a3"]);
});

test("malformed phone or e-mail, a taken id, an unknown group: 4xx, nothing stored", async () => {
  const h = hq();
  const phone = await h.request<ErrorBody>("POST", "/api/v1/customers", { name: "X", phone: "call me" });
  expect(phone.status).toBe(400);
  expect(JSON.stringify(phone.body)).toContain("phone");
  const email = await h.request<ErrorBody>("POST", "/api/v1/customers", { name: "X", email: "x@" });
  expect(email.status).toBe(400);
  expect(JSON.stringify(email.body)).toContain("email");
  const group = await h.request<ErrorBody>("POST", "/api/v1/customers", { name: "X", groups: ["vip"] });
  expect(group.status).toBe(400);
  expect(group.body.error.code).toBe("UNKNOWN_GROUP");
  expect(h.count("customers")).toBe(0);
  await h.request("POST", "/api/v1/customers", { id: "c1", name: "X" });
  const twice = await h.request<ErrorBody>("POST", "/api/v1/customers", { id: "c1", name: "Y" });
  expect(twice.status).toBe(409);
  expect(twice.body.error.code).toBe("CUSTOMER_EXISTS");
  expect((await h.request<Customer>("GET", "/api/v1/customers/c1")).body.name).toBe("X");
});

test("questionnaire answers are checked against their fields, and rule groups follow them", async () => {
  const h = hq();
  expect(
    (
      await h.request("POST", "/api/v1/customer-fields", {
        id: "diet",
        label: "Diet",
        type: "choice",
        choices: ["vegan", "any"],
      })
    ).status,
  ).toBe(201);
  const group = await h.request("POST", "/api/v1/customer-groups", {
    id: "vegans",
    name: "Vegans",
    discount: { percent: 5.5 },
    rule: { all: [{ field: "diet", equals: "vegan" }] },
  });
  expect(group.status).toBe(201);
  expect(group.body).toMatchObject({ discount: { percent: 5.5 }, members: 0 });
  const bad = await h.request<ErrorBody>("POST", "/api/v1/customers", {
    name: "X",
    fields: { diet: "paleo" },
  });
  expect(bad.status).toBe(400);
  expect(bad.body.error.code).toBe("FIELD_ANSWER_INVALID");
  const unknown = await h.request<ErrorBody>("POST", "/api/v1/customers", {
    name: "X",
    fields: { shoe: "42" },
  });
  expect(unknown.body.error.code).toBe("UNKNOWN_FIELD");
  const c = await h.request<Customer>("POST", "/api/v1/customers", {
    id: "c1",
    name: "V",
    fields: { diet: "vegan" },
  });
  expect(c.body.groups).toEqual(["vegans"]);
  const changed = await h.request<Customer>("PATCH", "/api/v1/customers/c1", { fields: { diet: "any" } });
  expect(changed.body.groups).toEqual([]);
  const sent = h.publisher.changes.find((x) => x.kind === "customer_group");
  expect(sent?.value).toEqual({ id: "vegans", name: "Vegans", discountBp: 550 });
});

test("spend rules are applied by refresh, from the sales head office holds", async () => {
  const h = hq();
  await h.request("POST", "/api/v1/customers", { id: "c1", name: "Big Spender" });
  await h.request("POST", "/api/v1/customer-groups", {
    id: "gold",
    name: "Gold",
    rule: { all: [{ spend: { atLeastMinor: 10_000, days: 30 } }] },
  });
  h.ctx.sqlite.run(
    `INSERT INTO hq_sales (id, store_id, event_id, receipt_no, till_id, customer_id, at, day, currency, status,
       subtotal_minor, discount_minor, tax_minor, total_minor, change_minor, cash_rounding_minor)
     VALUES ('s1', 'S1', 'e1', 'S1-T1-000001', 'T1', 'c1', '2026-03-01T10:00:00.000Z', '2026-03-01', 'USD', 'completed',
       12000, 0, 0, 12000, 0, 0)`,
  );
  const refreshed = await h.request<{
    groups: { id: string; members: number; added: number; removed: number }[];
  }>("POST", "/api/v1/customer-groups/refresh");
  expect(refreshed.status).toBe(200);
  expect(refreshed.body.groups).toEqual([{ id: "gold", members: 1, added: 1, removed: 0 }]);
  expect((await h.request<Customer>("GET", "/api/v1/customers/c1")).body.groups).toEqual(["gold"]);
});

test("merge moves cards and groups; merging into a merged or erased customer is refused", async () => {
  const h = hq();
  await h.request("POST", "/api/v1/customer-groups", { id: "staff", name: "Staff" });
  await h.request("POST", "/api/v1/customers", {
    id: "a",
    name: "Ann",
    phone: "5550100100",
    groups: ["staff"],
  });
  await h.request("POST", "/api/v1/customers", { id: "b", name: "Ann B", email: "ann@example.com" });
  await h.request("POST", "/api/v1/customers", { id: "z", name: "Zed" });
  expect(
    (await h.request("POST", "/api/v1/cards", { number: "1001", kind: "loyalty", customerId: "a" })).status,
  ).toBe(201);
  const merged = await h.request<Customer>("POST", "/api/v1/customers/a/merge", { into: "b" });
  expect(merged.status).toBe(200);
  expect(merged.body).toMatchObject({
    id: "b",
    phone: "5550100100",
    email: "ann@example.com",
    groups: ["staff"],
    cards: ["1001"],
  });
  expect((await h.request<Customer>("GET", "/api/v1/customers/a")).body.mergedInto).toBe("b");
  const intoMerged = await h.request<ErrorBody>("POST", "/api/v1/customers/z/merge", { into: "a" });
  expect(intoMerged.status).toBe(409);
  expect(intoMerged.body.error.code).toBe("CUSTOMER_MERGED");
  await h.request("POST", "/api/v1/customers/z/erase");
  const intoErased = await h.request<ErrorBody>("POST", "/api/v1/customers/b/merge", { into: "z" });
  expect(intoErased.status).toBe(409);
  expect(intoErased.body.error.code).toBe("CUSTOMER_ERASED");
  const self = await h.request<ErrorBody>("POST", "/api/v1/customers/b/merge", { into: "b" });
  expect(self.status).toBe(400);
  expect(self.body.error.code).toBe("MERGE_INTO_SELF");
  expect((await h.request<Customer>("GET", "/api/v1/customers/b")).body.cards).toEqual(["1001"]);
});

test("export holds everything; erase removes personal data and keeps the sale, anonymised", async () => {
  const h = hq();
  await h.request("POST", "/api/v1/customers", {
    id: "c1",
    name: "Ana",
    email: "ana@example.com",
    notes: "likes figs",
  });
  h.ctx.sqlite.run(
    `INSERT INTO hq_sales (id, store_id, event_id, receipt_no, till_id, customer_id, at, day, currency, status,
       subtotal_minor, discount_minor, tax_minor, total_minor, change_minor, cash_rounding_minor)
     VALUES ('s1', 'S1', 'e1', 'S1-T1-000001', 'T1', 'c1', '2026-03-01T10:00:00.000Z', '2026-03-01', 'USD', 'completed',
       500, 0, 0, 500, 0, 0)`,
  );
  const exported = await h.request<{ customer: Customer; sales: { id: string }[] }>(
    "GET",
    "/api/v1/customers/c1/export",
  );
  expect(exported.status).toBe(200);
  expect(exported.body.customer).toMatchObject({ name: "Ana", email: "ana@example.com" });
  expect(exported.body.sales.map((s) => s.id)).toEqual(["s1"]);
  const erased = await h.request<Customer>("POST", "/api/v1/customers/c1/erase");
  expect(erased.status).toBe(200);
  expect(erased.body).toMatchObject({ name: "(erased)", email: null, erased: true, fields: {} });
  expect(JSON.stringify(h.ctx.sqlite.query("SELECT * FROM customers").all())).not.toContain("figs");
  expect(h.count("hq_sales")).toBe(1);
  expect(
    (await h.request<{ customers: Customer[] }>("GET", "/api/v1/customers?q=ana")).body.customers,
  ).toEqual([]);
  const again = await h.request<ErrorBody>("PATCH", "/api/v1/customers/c1", { name: "Back" });
  expect(again.status).toBe(409);
  expect(h.publisher.changes.filter((c) => c.key === "c1").at(-1)?.value).toMatchObject({
    erased: true,
    email: null,
  });
});

test("a store's token manages customers but cannot erase; a reports token only reads", async () => {
  const h = hq();
  const store = h.token("store:S1");
  expect((await h.request("POST", "/api/v1/customers", { id: "c1", name: "A" }, store)).status).toBe(201);
  expect((await h.request("POST", "/api/v1/customers/c1/erase", undefined, store)).status).toBe(403);
  const reports = h.token("reports:read");
  expect((await h.request("GET", "/api/v1/customers/c1", undefined, reports)).status).toBe(200);
  expect((await h.request("PATCH", "/api/v1/customers/c1", { name: "B" }, reports)).status).toBe(403);
});

test("an import batch may pass 1 MiB (the import limit applies), and a second import changes nothing", async () => {
  const h = hq();
  const customers = Array.from({ length: 1_000 }, (_, i) => ({
    line: i + 2,
    id: `i${i}`,
    name: `Imported ${i}`,
    notes: "n".repeat(1_500),
  }));
  const first = await h.request("POST", "/api/v1/customers/bulk", { customers });
  expect(first.status).toBe(200);
  expect(first.body).toMatchObject({ created: 1_000, updated: 0, unchanged: 0, errors: [] });
  const second = await h.request("POST", "/api/v1/customers/bulk", { customers });
  expect(second.body).toMatchObject({ created: 0, updated: 0, unchanged: 1_000 });
});
