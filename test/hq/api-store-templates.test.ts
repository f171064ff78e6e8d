/**
 * Store templates at head office: a template keeps settings (checked as PUT /stores/:id/settings
 * checks them), tax classes, departments, a price list, users and devices; one may be made from
 * an existing store; a store opened from a template gets all of it. Bad input changes nothing.
 */
import { describe, expect, test } from "bun:test";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { type TestHq, testHqPerTest } from "../support/hq-app.ts";

const hq = testHqPerTest();

type ErrorBody = { error: { code: string; message: string } };

const TAX = [{ id: "1", name: "Regular", rate: "8.875" }];

async function ok<T>(h: TestHq, method: string, path: string, body?: unknown): Promise<T> {
  const res = await h.request<T>(method, path, body);
  if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

async function seed(h: TestHq): Promise<{ annId: string }> {
  for (const p of [
    { code: "A1", name: "Apple juice", priceMinor: 199, taxClass: "1" },
    { code: "MILK", name: "Milk", priceMinor: 349, taxClass: "1" },
  ])
    await ok(h, "POST", "/api/v1/products", p);
  await ok(h, "POST", "/api/v1/stores", { storeId: "S1", name: "Main St" });
  const ann = await ok<{ id: string }>(h, "POST", "/api/v1/users", {
    name: "Ann",
    role: "cashier",
    pin: "4821",
    storeIds: ["S1"],
  });
  return { annId: ann.id };
}

function template(annId: string) {
  return {
    id: "corner-shop",
    name: "Corner shop",
    settings: { storeName: "Corner shop", currency: "USD", timeZone: "Europe/Paris", maxPriceMinor: 50_000 },
    taxClasses: TAX,
    departments: [{ id: "10", name: "Grocery" }],
    priceList: { prices: [{ code: "MILK", priceMinor: 329 }] },
    users: [annId],
    devices: { printer: "tcp://10.0.0.5:9100", scale: "sim:" },
  };
}

describe("store templates", () => {
  test("a template is kept as given and listed; one is made from an existing store", async () => {
    const h = hq();
    const { annId } = await seed(h);
    const made = await h.request<{ id: string; settings: { taxClasses: unknown[]; timeZone: string } }>(
      "POST",
      "/api/v1/store-templates",
      template(annId),
    );
    expect(made.status).toBe(201);
    expect(made.body.settings.taxClasses).toEqual(TAX);
    expect(made.body.settings.timeZone).toBe("Europe/Paris");
    const one = await ok<{ id: string; users: string[]; devices: { printer: string } }>(
      h,
      "GET",
      "/api/v1/store-templates/corner-shop",
    );
    expect(one.users).toEqual([annId]);
    expect(one.devices.printer).toBe("tcp://10.0.0.5:9100");

    await ok(h, "PUT", "/api/v1/stores/S1/settings", {
      storeName: "Main St",
      taxClasses: TAX,
      locale: "fr-FR",
    });
    const copied = await h.request<{
      id: string;
      settings: { locale: string; taxClasses: unknown[] };
      priceList: unknown;
      users: string[];
    }>("POST", "/api/v1/store-templates/from-store/S1", { id: "like-main", name: "Like Main St" });
    expect(copied.status).toBe(201);
    expect(copied.body.settings).toMatchObject({ locale: "fr-FR", taxClasses: TAX });
    expect(copied.body.priceList).toEqual({ fromStore: "S1" });
    expect(copied.body.users).toEqual([annId]);

    const all = await ok<{ templates: { id: string }[] }>(h, "GET", "/api/v1/store-templates");
    expect(all.templates.map((t) => t.id)).toEqual(["corner-shop", "like-main"]);
  });

  test("a store opened from a template gets its settings, prices and users, with its credentials", async () => {
    const h = hq();
    const { annId } = await seed(h);
    await ok(h, "POST", "/api/v1/store-templates", template(annId));
    const res = await h.request<{
      store: { storeId: string; name: string; timeZone: string };
      credentials: { apiToken: string; natsCredsFile: string };
      settings: { storeName: string };
      devices: { printer: string };
      departments: unknown[];
    }>("POST", "/api/v1/store-templates/corner-shop/stores", { storeId: "S7", name: "Riverside" });
    expect(res.status).toBe(201);
    expect(res.body.store).toMatchObject({ storeId: "S7", name: "Riverside", timeZone: "Europe/Paris" });
    expect(res.body.credentials.apiToken).toBeString();
    expect(res.body.settings.storeName).toBe("Riverside");
    expect(res.body.devices.printer).toBe("tcp://10.0.0.5:9100");
    expect(res.body.departments).toEqual([{ id: "10", name: "Grocery" }]);
    const settings = await ok<{ settings: { taxClasses: unknown[]; maxPriceMinor: number } }>(
      h,
      "GET",
      "/api/v1/stores/S7/settings",
    );
    expect(settings.settings).toMatchObject({ taxClasses: TAX, maxPriceMinor: 50_000 });
    const price = h.ctx.sqlite
      .query<{ price_minor: number }, []>(
        "SELECT price_minor FROM store_prices WHERE store_id = 'S7' AND code = 'MILK'",
      )
      .get();
    expect(price?.price_minor).toBe(329);
    const users = await ok<{ users: { id: string; storeIds: string[] | null }[] }>(h, "GET", "/api/v1/users");
    expect(users.users.find((u) => u.id === annId)?.storeIds).toEqual(["S1", "S7"]);
    expect(readFileSync(join(h.dir, "nats-accounts.conf"), "utf8")).toContain("store_S7");
  });

  test("bad input is refused with a precise code and changes nothing", async () => {
    const h = hq();
    const { annId } = await seed(h);
    await ok(h, "POST", "/api/v1/store-templates", template(annId));
    const before = {
      templates: h.count("store_templates"),
      stores: h.count("stores"),
      changes: h.count("catalog_changes"),
      tokens: h.count("hq_api_tokens"),
    };
    const cases: [string, string, unknown, number, string, string?][] = [
      ["POST", "/api/v1/store-templates/nope/stores", { storeId: "S8" }, 404, "STORE_TEMPLATE_NOT_FOUND"],
      ["POST", "/api/v1/store-templates/corner-shop/stores", { storeId: "S1" }, 409, "STORE_EXISTS"],
      [
        "POST",
        "/api/v1/store-templates",
        { ...template(annId), id: "bad", settings: { currency: "dollars" } },
        400,
        "INVALID_REQUEST",
        "currency",
      ],
      [
        "POST",
        "/api/v1/store-templates",
        { ...template(annId), id: "bad", settings: { taxRate: 5 } },
        400,
        "INVALID_REQUEST",
        "taxRate",
      ],
      ["POST", "/api/v1/store-templates", template(annId), 409, "STORE_TEMPLATE_EXISTS"],
      [
        "POST",
        "/api/v1/store-templates",
        { ...template(annId), id: "bad", priceList: { prices: [{ code: "NOPE", priceMinor: 1 }] } },
        400,
        "TEMPLATE_UNKNOWN_PRODUCT",
        "NOPE",
      ],
      [
        "POST",
        "/api/v1/store-templates",
        { ...template(annId), id: "bad", users: ["nobody"] },
        400,
        "TEMPLATE_UNKNOWN_USER",
        "nobody",
      ],
      [
        "POST",
        "/api/v1/store-templates",
        { ...template(annId), id: "bad", priceList: { fromStore: "S9" } },
        400,
        "TEMPLATE_UNKNOWN_STORE",
        "S9",
      ],
      [
        "POST",
        "/api/v1/store-templates",
        { ...template(annId), id: "bad", priceList: { prices: [{ code: "MILK", priceMinor: 90_000 }] } },
        400,
        "TEMPLATE_PRICE_OVER_LIMIT",
        "MILK",
      ],
      ["GET", "/api/v1/store-templates/nope", undefined, 404, "STORE_TEMPLATE_NOT_FOUND"],
      ["POST", "/api/v1/store-templates/from-store/S9", { id: "x", name: "X" }, 404, "UNKNOWN_STORE"],
    ];
    for (const [method, path, body, status, code, names] of cases) {
      const res = await h.request<ErrorBody>(method, path, body);
      expect(`${method} ${path} ${res.status} ${res.body.error?.code}`).toBe(
        `${method} ${path} ${status} ${code}`,
      );
      if (names) expect(res.body.error.message).toContain(names);
    }
    expect({
      templates: h.count("store_templates"),
      stores: h.count("stores"),
      changes: h.count("catalog_changes"),
      tokens: h.count("hq_api_tokens"),
    }).toEqual(before);
  });
});
