/**
 * Chain promotions and categories at head office: defined, checked (products and categories
 * named exist, no overlap of exclusive promotions), and recorded in the change log every store
 * replicates from; bad input is refused precisely and changes nothing.
 */
import { describe, expect, test } from "bun:test";
import { changesAfter } from "../../src/hq/catalog/change-log.ts";
import { type TestHq, testHqPerTest } from "../support/hq-app.ts";

const newHq = testHqPerTest();
type ErrorBody = { error: { code: string; message: string } };

async function setUp(): Promise<TestHq> {
  const hq = newHq();
  const product = await hq.request("POST", "/api/v1/products", {
    code: "A1",
    name: "Apple juice",
    priceMinor: 199,
  });
  if (product.status >= 300) throw new Error(JSON.stringify(product.body));
  return hq;
}

const juice = {
  id: "juice-3for2",
  name: "Juice 3 for 2",
  reward: { kind: "multibuy", buy: 2, get: 1, percent: "100", products: ["A1"] },
};

describe("chain promotions", () => {
  test("a promotion and a category are kept and go into the change log for every store", async () => {
    const hq = await setUp();
    const category = await hq.request("POST", "/api/v1/categories", { id: "drinks", name: "Drinks" });
    expect(category.status).toBe(200);
    expect(category.body).toEqual({ id: "drinks", name: "Drinks", parent: null });
    const res = await hq.request("POST", "/api/v1/promotions", juice);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: "juice-3for2", active: true });
    const onDrinks = await hq.request("POST", "/api/v1/promotions", {
      id: "drinks-5",
      name: "Drinks 5 %",
      reward: { kind: "percent", percent: 5, categories: ["drinks"] },
    });
    expect(onDrinks.status).toBe(200);

    const changes = changesAfter(hq.ctx.db, 0).filter((c) => c.kind === "promotion" || c.kind === "category");
    expect(changes.map((c) => [c.kind, c.key, c.storeId])).toEqual([
      ["category", "drinks", "*"],
      ["promotion", "juice-3for2", "*"],
      ["promotion", "drinks-5", "*"],
    ]);
    expect(hq.publisher.changes.filter((c) => c.kind === "promotion")).toHaveLength(2);

    const ended = await hq.request("POST", "/api/v1/promotions/juice-3for2/deactivate");
    expect(ended.body).toMatchObject({ active: false });
    const listed = await hq.request<{ promotions: { id: string }[] }>("GET", "/api/v1/promotions");
    expect(listed.body.promotions.map((p) => p.id)).toEqual(["drinks-5"]);
    const last = changesAfter(hq.ctx.db, 0).find((c) => c.kind === "promotion" && c.key === "juice-3for2");
    expect(last?.value).toMatchObject({ active: false });
  });

  test("bad promotions and categories are refused precisely and change nothing", async () => {
    const hq = await setUp();
    expect((await hq.request("POST", "/api/v1/promotions", { ...juice, exclusive: true })).status).toBe(200);
    const before = { promotions: hq.count("hq_promotions"), changes: hq.count("catalog_changes") };
    const cases: [string, unknown, number, string][] = [
      [
        "/api/v1/promotions",
        { ...juice, id: "neg", reward: { kind: "percent", percent: "-5" } },
        400,
        "INVALID_REQUEST",
      ],
      [
        "/api/v1/promotions",
        { ...juice, id: "neg2", reward: { kind: "amount", amountMinor: -1 } },
        400,
        "INVALID_REQUEST",
      ],
      [
        "/api/v1/promotions",
        { ...juice, id: "p2", reward: { kind: "percent", percent: "5", products: ["NOPE"] } },
        400,
        "UNKNOWN_PRODUCT",
      ],
      [
        "/api/v1/promotions",
        { ...juice, id: "p3", reward: { kind: "percent", percent: "5", categories: ["nope"] } },
        400,
        "UNKNOWN_CATEGORY",
      ],
      [
        "/api/v1/promotions",
        {
          id: "p4",
          name: "Order 10 %",
          exclusive: true,
          reward: { kind: "percent", percent: "10", on: "order" },
        },
        409,
        "EXCLUSIVE_OVERLAP",
      ],
      ["/api/v1/categories", { id: "milk", name: "Milk", parent: "nope" }, 400, "UNKNOWN_CATEGORY"],
    ];
    for (const [path, body, status, code] of cases) {
      const res = await hq.request<ErrorBody>("POST", path, body);
      expect([path, res.status, res.body.error.code]).toEqual([path, status, code]);
    }
    expect({ promotions: hq.count("hq_promotions"), changes: hq.count("catalog_changes") }).toEqual(before);
    expect((await hq.request<ErrorBody>("POST", "/api/v1/promotions/nope/deactivate")).status).toBe(404);
  });
});
