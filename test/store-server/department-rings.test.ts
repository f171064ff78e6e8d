/**
 * Open department rings and age-restricted items at the store: departments carry open-ring
 * limits and a minimum age, products a minimum age; a till's sale with a department line is
 * recorded as rung with no false "unknown product" exception, a ring outside the department's
 * limits becomes an exception (never a refusal), and reports by department count it.
 */
import { afterEach, beforeEach, describe, expect, test } from "bun:test";
import { uuidv7 } from "../../src/core/ids.ts";
import { createTestStore, type JsonObject, type TestStore } from "../support/store-app.ts";
import { API, seedCatalog, session } from "./sales-fixtures.ts";

interface Exception {
  saleId: string;
  lineNo: number;
  code: string;
  kind: string;
  rungMinor: number;
  catalogMinor: number | null;
  detail: string | null;
}
interface Department {
  id: string;
  name: string;
  taxClass: string | null;
  openRing: boolean;
  openRingMaxMinor: number | null;
  openRingMinMinor: number | null;
  minAge: number | null;
}

let store: TestStore;
let token: string;
beforeEach(async () => {
  store = createTestStore();
  await seedCatalog(store);
  for (const department of [
    { id: "2", name: "PRODUCE", taxClass: null, openRingMaxMinor: 5000, openRingMinMinor: 1 },
    { id: "14", name: "BEER", taxClass: "1", minAge: 21 },
    { id: "9", name: "GIFT CARDS", openRing: false },
  ]) {
    const res = await store.request("POST", `${API}/departments`, department);
    expect(res.status).toBe(200);
  }
  token = (await session(store, "cashier", "1111")).token;
});
afterEach(() => store.close());

async function departments(): Promise<Department[]> {
  const res = await store.request<{ departments: Department[] }>("GET", `${API}/departments`);
  expect(res.status).toBe(200);
  return res.body.departments;
}

/** A till's document with one open ring, untaxed or at 8.875%. */
function openRing(departmentId: string, amountMinor: number, taxClass: string | null = null): JsonObject {
  const taxMinor = taxClass === null ? 0 : Math.round((amountMinor * 8.875) / 100);
  return {
    asRung: true,
    id: uuidv7(),
    at: "2026-03-02T14:59:00.000Z",
    lines: [
      {
        code: `dept:${departmentId}`,
        name: "PRODUCE",
        qty: "1",
        unitPriceMinor: amountMinor,
        extendedMinor: amountMinor,
        discountMinor: 0,
        taxClass,
        taxRate: taxClass === null ? null : "8.875",
        taxMinor,
        totalMinor: amountMinor,
        department: departmentId,
        priceSource: "open",
      },
    ],
    subtotalMinor: amountMinor,
    discountMinor: 0,
    taxMinor,
    totalMinor: amountMinor + taxMinor,
    cashDueMinor: amountMinor + taxMinor,
    cashRoundingMinor: 0,
    taxes: taxClass === null ? [] : [{ taxClass, rate: "8.875", baseMinor: amountMinor, taxMinor }],
    tenders: [{ type: "cash", amountMinor: amountMinor + taxMinor }],
  };
}

async function exceptions(): Promise<Exception[]> {
  const res = await store.request<{ exceptions: Exception[] }>(
    "GET",
    `${API}/reports/exceptions?from=2026-03-02&to=2026-03-02`,
  );
  expect(res.status).toBe(200);
  return res.body.exceptions;
}

describe("departments", () => {
  test("carry open-ring limits and a minimum age; an update keeps the fields it leaves out", async () => {
    expect(await departments()).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          id: "2",
          name: "PRODUCE",
          taxClass: null,
          openRing: true,
          openRingMaxMinor: 5000,
          openRingMinMinor: 1,
          minAge: null,
        }),
        expect.objectContaining({ id: "14", taxClass: "1", openRing: true, minAge: 21 }),
        expect.objectContaining({ id: "9", openRing: false }),
      ]),
    );
    const renamed = await store.request("POST", `${API}/departments`, { id: "2", name: "FRESH PRODUCE" });
    expect(renamed.status).toBe(200);
    const after = (await departments()).find((d) => d.id === "2");
    expect(after).toEqual(
      expect.objectContaining({ name: "FRESH PRODUCE", openRingMaxMinor: 5000, openRingMinMinor: 1 }),
    );
  });

  test("a new department needs a name; a limit must be whole minor units", async () => {
    const nameless = await store.request<{ error: { code: string } }>("POST", `${API}/departments`, {
      id: "77",
    });
    expect(nameless.status).toBe(400);
    const bad = await store.request("POST", `${API}/departments`, { id: "2", openRingMaxMinor: 1.5 });
    expect(bad.status).toBe(400);
    expect((await departments()).some((d) => d.id === "77")).toBe(false);
  });
});

describe("a sale with an open ring to a department", () => {
  test("is recorded as rung with no exception, and counts in the department's report", async () => {
    const doc = openRing("2", 349);
    const res = await store.request<{ exceptions?: unknown[]; lines: { department: string | null }[] }>(
      "POST",
      `${API}/sales`,
      doc,
      token,
    );
    expect(res.status).toBe(201);
    expect(res.body.exceptions).toBeUndefined();
    expect(res.body.lines[0]?.department).toBe("2");
    expect(await exceptions()).toEqual([]);
    const report = await store.request<{ departments: { department: string | null; name: string | null }[] }>(
      "GET",
      `${API}/reports/by-department?date=2026-03-02`,
    );
    expect(report.status).toBe(200);
    expect(report.body.departments).toEqual([expect.objectContaining({ department: "2", name: "PRODUCE" })]);
  });

  test("taxed at the department's tax class: no exception", async () => {
    const res = await store.request("POST", `${API}/sales`, openRing("14", 1000, "1"), token);
    expect(res.status).toBe(201);
    expect(await exceptions()).toEqual([]);
  });

  test("above the department's limit: recorded as rung, listed as a department exception", async () => {
    const doc = openRing("2", 6000);
    const res = await store.request<{ totalMinor: number }>("POST", `${API}/sales`, doc, token);
    expect(res.status).toBe(201);
    expect(res.body.totalMinor).toBe(6000);
    expect(await exceptions()).toEqual([
      expect.objectContaining({
        saleId: doc.id,
        lineNo: 1,
        code: "dept:2",
        kind: "department",
        rungMinor: 6000,
        catalogMinor: 5000,
      }),
    ]);
  });

  test("to a department closed to open rings, to an unknown one, or at another tax class: exceptions", async () => {
    for (const doc of [openRing("9", 500), openRing("404", 500), openRing("14", 1000)]) {
      const res = await store.request("POST", `${API}/sales`, doc, token);
      expect(res.status).toBe(201);
    }
    const found = await exceptions();
    expect(found.map((e) => [e.code, e.kind])).toEqual([
      ["dept:9", "department"],
      ["dept:404", "department"],
      ["dept:14", "tax"],
    ]);
    expect(found[1]?.detail).toContain("not a department");
  });
});

describe("a product's minimum age", () => {
  test("is set, kept by an update that leaves it out, cleared with null, and synced to tills", async () => {
    const set = await store.request<{ minAge: number | null }>("POST", `${API}/products`, {
      code: "ALE",
      name: "Pale ale",
      priceMinor: 299,
      taxClass: "1",
      department: "14",
      minAge: 21,
    });
    expect(set.status).toBe(200);
    expect(set.body.minAge).toBe(21);
    const repriced = await store.request<{ minAge: number | null }>("POST", `${API}/products`, {
      code: "ALE",
      priceMinor: 319,
    });
    expect(repriced.body.minAge).toBe(21);
    const changes = await store.request<{ products: { code: string; minAge: number | null }[] }>(
      "GET",
      `${API}/products/changes?since=0`,
    );
    expect(changes.body.products.find((p) => p.code === "ALE")?.minAge).toBe(21);
    const cleared = await store.request<{ minAge: number | null }>("POST", `${API}/products`, {
      code: "ALE",
      minAge: null,
    });
    expect(cleared.body.minAge).toBeNull();
    const absurd = await store.request("POST", `${API}/products`, { code: "ALE", minAge: 140 });
    expect(absurd.status).toBe(400);
  });
});
