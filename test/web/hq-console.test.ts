/**
 * Head office's web console, end to end: a real nats-server, `ringup hq` and one `ringup store`
 * replicating to it, and headless Chromium signing in at `GET /` and using each page. A sale
 * rung at the store shows on the dashboard once replicated; a price edited in the console
 * reaches the store's catalog. Screenshots are kept under test-artifacts/web/.
 */
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import type { Page } from "playwright-core";
import readXlsxFile from "read-excel-file/node";
import { XLSX_CONTENT_TYPE } from "../../src/shared/web/xlsx.ts";
import { type Chain, ringSale, startChain, waitConverged } from "../replication/support/chain.ts";
import { waitFor } from "../replication/support/wait.ts";
import { clickAndLoad, openBrowser, shot, signIn, type WebBrowser } from "./support/browser.ts";

let chain: Chain;
let web: WebBrowser;
let page: Page;

beforeAll(async () => {
  chain = await startChain({ storeIds: ["S1"] });
  web = await openBrowser();
  page = await web.page();
  const product = {
    code: "MILK",
    name: "Milk 1l",
    barcodes: [],
    priceMinor: 349,
    taxClass: "1",
    unit: "each",
    costMinor: 200,
  };
  await chain.hq.json("/api/v1/products", { method: "POST", body: JSON.stringify(product) });
  await signIn(page, chain.hq.url, chain.hq.token);
}, 120_000);

afterAll(async () => {
  await web?.[Symbol.asyncDispose]();
  await chain?.[Symbol.asyncDispose]();
});

describe("head office console", () => {
  test("GET / asks to sign in, refuses a wrong token, and signs in with a good one", async () => {
    const page = await web.page();
    await page.goto(`${chain.hq.url}/`);
    expect(page.url()).toEndWith("/console/sign-in");
    await page.fill("input[name=token]", "rgh_not_a_token");
    await clickAndLoad(page, "button[type=submit]");
    await expect(page.locator(".error").textContent()).resolves.toContain("UNAUTHORIZED");
    await signIn(page, chain.hq.url, chain.hq.token);
    expect(await page.locator("h1").textContent()).toBe("Dashboard");
    const cookies = await page.context().cookies();
    const session = cookies.find((c) => c.name === "ringup_console");
    expect(session?.httpOnly).toBe(true);
    expect(session?.sameSite).toBe("Strict");
  });

  test("the dashboard shows a sale rung at the store once head office has it", async () => {
    await ringSale(chain.store("S1"), 1);
    await waitConverged(chain);
    await page.goto(`${chain.hq.url}/`);
    const row = page.locator("#by-store tr", { hasText: "(S1)" });
    expect(await row.locator("td").nth(1).textContent()).toBe("1");
    expect(await page.locator("#by-hour svg").count()).toBe(1);
    expect(await page.locator("#top-products").textContent()).toContain("Milk 1l");
    expect(await page.locator("#replication").textContent()).toContain("S1");
    await shot(page, "hq-dashboard");
  });

  test("a price edited in the catalog reaches the store; a bad price changes nothing", async () => {
    await page.goto(`${chain.hq.url}/console/catalog?q=milk`);
    const row = page.locator("tr", { hasText: "MILK" });
    await row.locator("input[name=price]").fill("abc");
    await clickAndLoad(page, row.locator("button[type=submit]"));
    await expect(page.locator(".error").textContent()).resolves.toContain("price");
    const unchanged = await chain.hq.json<{ priceMinor: number }>("/api/v1/products/MILK");
    expect(unchanged.priceMinor).toBe(349);

    await page.goto(`${chain.hq.url}/console/catalog?q=milk`);
    await page.locator("tr", { hasText: "MILK" }).locator("input[name=price]").fill("3.99");
    await clickAndLoad(page, page.locator("tr", { hasText: "MILK" }).locator("button[type=submit]"));
    await expect(page.locator(".notice").textContent()).resolves.toContain("MILK");
    await shot(page, "hq-catalog");
    await waitFor(async () => {
      const res = await chain.store("S1").api("/api/v1/products/lookup?code=MILK");
      const found = (await res.json()) as { product?: { priceMinor: number } };
      return found.product?.priceMinor === 399;
    }, "the new price at the store");
  });

  test("a promotion made in the console is in force at head office", async () => {
    await page.goto(`${chain.hq.url}/console/promotions`);
    await page.fill("input[name=id]", "TENOFF");
    await page.fill("input[name=name]", "Ten percent off");
    await page.selectOption("select[name=kind]", "percent");
    await page.fill("input[name=value]", "10");
    await clickAndLoad(page, "form#new-promotion button[type=submit]");
    await expect(page.locator(".notice").textContent()).resolves.toContain("TENOFF");
    expect(await page.locator("#promotions").textContent()).toContain("Ten percent off");
    const promo = await chain.hq.json<{ reward: { kind: string; percent: number } }>(
      "/api/v1/promotions/TENOFF",
    );
    expect(promo.reward).toMatchObject({ kind: "percent", percent: 10 });
    await page.fill("input[name=id]", "BAD");
    await page.fill("input[name=name]", "Too much");
    await page.fill("input[name=value]", "250");
    await clickAndLoad(page, "form#new-promotion button[type=submit]");
    await expect(page.locator(".error").textContent()).resolves.toContain("percent");
    expect((await chain.hq.api("/api/v1/promotions/BAD")).status).toBe(404);
    await shot(page, "hq-promotions");
  });

  test("customers are found by name and shown", async () => {
    const made = await chain.hq.json<{ id: string }>("/api/v1/customers", {
      method: "POST",
      body: JSON.stringify({ name: "Ada Lovelace", email: "ada@example.org" }),
    });
    await page.goto(`${chain.hq.url}/console/customers?q=Lovelace`);
    await clickAndLoad(page, "text=Ada Lovelace");
    expect(page.url()).toContain(made.id);
    expect(await page.locator("main").textContent()).toContain("ada@example.org");
    await shot(page, "hq-customer");
  });

  test("stock across sites and purchase orders", async () => {
    await page.goto(`${chain.hq.url}/console/stock?code=MILK`);
    expect(await page.locator("#sites").textContent()).toContain("S1");
    await shot(page, "hq-stock");
    await page.goto(`${chain.hq.url}/console/purchase-orders`);
    expect(await page.locator("h1").textContent()).toBe("Purchase orders");
  });

  test("the sales report exports CSV", async () => {
    await page.goto(`${chain.hq.url}/console/reports`);
    expect(await page.locator("#report").textContent()).toContain("(S1)");
    await shot(page, "hq-reports");
    const href = await page.locator("a#csv").getAttribute("href");
    const res = await page.request.get(`${chain.hq.url}${href}`);
    expect(res.headers()["content-type"]).toStartWith("text/csv");
    const csv = await res.text();
    expect(csv.split("\n")[0]).toStartWith("store,name,sales");
    expect(csv).toContain("S1,");
    const products = await page.request.get(
      `${chain.hq.url}${await page.locator("a#products-csv").getAttribute("href")}`,
    );
    const productLines = (await products.text()).split("\r\n");
    expect(productLines[0]).toBe("code,name,department,qty,net_minor,tax_minor,total_minor");
    expect(productLines.some((l) => l.startsWith("MILK,Milk 1l,"))).toBe(true);
    const xlsx = await page.request.get(
      `${chain.hq.url}${await page.locator("a#xlsx").getAttribute("href")}`,
    );
    expect(xlsx.headers()["content-type"]).toBe(XLSX_CONTENT_TYPE);
    const [sheet] = (await readXlsxFile(await xlsx.body())) as { data: unknown[][] }[];
    expect(sheet?.data[0]?.slice(0, 3)).toEqual(["store", "name", "sales"]);
    expect(sheet?.data.some((row) => row[0] === "S1" && typeof row[9] === "number")).toBe(true);
  });

  test("a form sent without the page's CSRF token is refused and changes nothing", async () => {
    await page.goto(`${chain.hq.url}/console/catalog?q=milk`);
    const res = await page.request.post(`${chain.hq.url}/console/catalog/price`, {
      headers: { "content-type": "application/x-www-form-urlencoded" },
      data: "code=MILK&price=1.00",
    });
    expect(res.status()).toBe(403);
    expect(await res.text()).toContain("CSRF");
    const product = await chain.hq.json<{ priceMinor: number }>("/api/v1/products/MILK");
    expect(product.priceMinor).toBe(399);
  });

  test("the console speaks French, Russian and Azerbaijani", async () => {
    await page.goto(`${chain.hq.url}/`);
    await clickAndLoad(page, "a[hreflang=fr]");
    expect(await page.locator("h1").textContent()).toBe("Tableau de bord");
    await clickAndLoad(page, "a[hreflang=ru]");
    expect(await page.locator("h1").textContent()).toBe("Сводка");
    await clickAndLoad(page, "a[hreflang=az]");
    expect(await page.locator("h1").textContent()).toBe("İdarə paneli");
    await shot(page, "hq-dashboard-az");
    await clickAndLoad(page, "a[hreflang=en]");
  });

  test("signing out ends the session", async () => {
    const page = await web.page();
    await signIn(page, chain.hq.url, chain.hq.token);
    await page.goto(`${chain.hq.url}/`);
    await clickAndLoad(page, "form#sign-out button");
    await page.waitForURL((u) => u.pathname.endsWith("/console/sign-in"));
    await page.goto(`${chain.hq.url}/console/catalog`);
    expect(page.url()).toEndWith("/console/sign-in");
  });
});
