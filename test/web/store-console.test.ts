/**
 * A single shop's web console at the store's `GET /`, end to end: a real `ringup store` and
 * headless Chromium. It shows the store's own data: today's sales, its catalog (read only),
 * its stock and its purchase orders. Screenshots are kept under test-artifacts/web/.
 */
import { afterAll, beforeAll, expect, test } from "bun:test";
import type { Page } from "playwright-core";
import { PRODUCTS, ringSale } from "../replication/support/chain.ts";
import { type StoreProcess, seedProducts, startStore } from "../support/store-process.ts";
import { clickAndLoad, openBrowser, shot, signIn, type WebBrowser } from "./support/browser.ts";

let store: StoreProcess;
let web: WebBrowser;
let page: Page;

beforeAll(async () => {
  store = await startStore({ storeId: "S9" });
  await seedProducts(store, PRODUCTS);
  await ringSale(store, 0);
  web = await openBrowser();
  page = await web.page();
  await signIn(page, store.url, store.token);
}, 120_000);

afterAll(async () => {
  await web?.[Symbol.asyncDispose]();
  await store?.[Symbol.asyncDispose]();
});

test("the store's dashboard shows today's sale", async () => {
  await page.goto(`${store.url}/`);
  expect(await page.locator("header .brand").textContent()).toContain("S9");
  expect(await page.locator("#today").textContent()).toContain("Sales: 1");
  expect(await page.locator("#by-hour svg").count()).toBe(1);
  await shot(page, "store-dashboard");
});

test("the store's catalog is found by name and read only", async () => {
  await page.goto(`${store.url}/console/catalog?q=juice`);
  expect(await page.locator("#products").textContent()).toContain("Apple juice");
  expect(await page.locator("#products form").count()).toBe(0);
  await shot(page, "store-catalog");
});

test("the store's stock and purchase orders", async () => {
  await page.goto(`${store.url}/console/stock?code=A1`);
  expect(await page.locator("#sites").textContent()).toContain("-1");
  await page.goto(`${store.url}/console/purchase-orders`);
  expect(await page.locator("h1").textContent()).toBe("Purchase orders");
});

test("a wrong token does not sign in", async () => {
  const other = await web.page();
  await other.goto(`${store.url}/`);
  await other.fill("input[name=token]", "not-a-token");
  await clickAndLoad(other, "button[type=submit]");
  expect(await other.locator(".error").textContent()).toContain("UNAUTHORIZED");
});
