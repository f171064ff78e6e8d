/**
 * `GET /settings`: the chain's settings, read-only, as the registered stores' settings give
 * them (store defaults while none is registered); readable by catalog and reports tokens and
 * stores, and refused when the stores disagree on the currency.
 */
import { expect, test } from "bun:test";
import { testHqPerTest } from "../support/hq-app.ts";

const hq = testHqPerTest();

interface ChainSettings {
  currency: string;
  locale: string;
  taxClasses: { id: string; name: string; rate: string }[];
  maxPriceMinor: number;
  stores: number;
}

test("without stores: the store defaults, which have no tax classes (never a guessed rate)", async () => {
  const h = hq();
  const res = await h.request<ChainSettings>("GET", "/api/v1/settings");
  expect(res.status).toBe(200);
  expect(res.body).toMatchObject({ currency: "USD", locale: "en-US", maxPriceMinor: 10_000_000, stores: 0 });
  expect(res.body.taxClasses).toEqual([]);
});

test("follows the stores' settings: their currency, every tax class, the lowest price ceiling", async () => {
  const h = hq();
  for (const storeId of ["S1", "S2"]) {
    const res = await h.request("POST", "/api/v1/stores", {
      storeId,
      name: `Shop ${storeId}`,
      currency: "EUR",
    });
    expect(res.status).toBe(201);
  }
  const put = await h.request("PUT", "/api/v1/stores/S2/settings", {
    currency: "EUR",
    locale: "fr-FR",
    maxPriceMinor: 500_000,
    taxClasses: [
      { id: "1", name: "Normal", rate: "20" },
      { id: "R", name: "Reduced", rate: "5.5" },
    ],
  });
  expect(put.status).toBe(200);
  const res = await h.request<ChainSettings>("GET", "/api/v1/settings");
  expect(res.status).toBe(200);
  expect(res.body).toMatchObject({ currency: "EUR", locale: "en-US", maxPriceMinor: 500_000, stores: 2 });
  expect(res.body.taxClasses.map((t) => t.id)).toEqual(["1", "R"]);
});

test("stores with different currencies: 409 CURRENCIES_DIFFER", async () => {
  const h = hq();
  await h.request("POST", "/api/v1/stores", { storeId: "S1", name: "Shop 1", currency: "USD" });
  await h.request("POST", "/api/v1/stores", { storeId: "S2", name: "Shop 2", currency: "CAD" });
  const res = await h.request<{ error: { code: string; message: string } }>("GET", "/api/v1/settings");
  expect(res.status).toBe(409);
  expect(res.body.error.code).toBe("CURRENCIES_DIFFER");
  expect(res.body.error.message).toContain("CAD, USD");
});

test("scopes: catalog, reports and store tokens read it; none is 401", async () => {
  const h = hq();
  for (const scope of ["catalog:write", "reports:read", "store:S1"] as const) {
    expect((await h.request("GET", "/api/v1/settings", undefined, h.token(scope))).status).toBe(200);
  }
  expect((await h.request("GET", "/api/v1/settings", undefined, null)).status).toBe(401);
});
