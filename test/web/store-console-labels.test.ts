/**
 * Shelf labels from the store's web console, end to end: a real `ringup store`, headless
 * Chromium and a label printer at a loopback TCP port. The page prints by codes, by department
 * and "changed since the last print"; the bytes that arrive are parsed back as ZPL or TSPL.
 * Bad input (an unknown code, a printer that is not there) says why and prints nothing.
 */
import { afterAll, beforeAll, beforeEach, expect, test } from "bun:test";
import type { Page } from "playwright-core";
import { closedPort, EscPosSink } from "../devices/support/escpos-sink.ts";
import { type ParsedLabel, parseTspl, parseZpl } from "../devices/support/label-parsers.ts";
import { waitFor } from "../devices/support/wait.ts";
import { type StoreProcess, startStore } from "../support/store-process.ts";
import { clickAndLoad, openBrowser, shot, signIn, type WebBrowser } from "./support/browser.ts";

let store: StoreProcess;
let web: WebBrowser;
let page: Page;
let sink: EscPosSink;

async function api(path: string, body: unknown): Promise<void> {
  const res = await store.api(`/api/v1${path}`, { method: "POST", body: JSON.stringify(body) });
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
}

beforeAll(async () => {
  store = await startStore({ storeId: "S7" });
  await api("/departments", { id: "10", name: "Produce" });
  await api("/departments", { id: "20", name: "Dairy" });
  for (const product of [
    { code: "4011", name: "Bananas", priceMinor: 199, unit: "lb", department: "10" },
    { code: "APPLES", name: "Apples Gala", priceMinor: 349, unit: "kg", department: "10" },
    { code: "MILK", name: "Whole milk 1 l", priceMinor: 129, department: "20", barcodes: ["4006381333931"] },
    { code: "EGGS", name: "Eggs", priceMinor: 35, department: "20", barcodes: ["96385074"] },
  ]) {
    await api("/products", product);
  }
  web = await openBrowser();
  page = await web.page();
  await signIn(page, store.url, store.token);
}, 120_000);

beforeEach(async () => {
  await sink?.stop();
  sink = await EscPosSink.start();
});

afterAll(async () => {
  await sink?.stop();
  await web?.[Symbol.asyncDispose]();
  await store?.[Symbol.asyncDispose]();
});

async function job(): Promise<string> {
  const raw = await waitFor("the label job", () => sink.raw.find((bytes) => bytes.length > 0));
  return new TextDecoder().decode(raw);
}

function texts(label: ParsedLabel | undefined): string[] {
  return (label?.fields ?? []).filter((f) => f.kind === "text").map((f) => f.data);
}

/** Fills the labels form and prints: `by` is codes, department or changed. */
async function printLabels(form: {
  template?: string;
  printer: string;
  by: "codes" | "department" | "changed";
  codes?: string;
  department?: string;
}): Promise<void> {
  await page.goto(`${store.url}/console/labels`);
  await page.selectOption("select[name=template]", form.template ?? "shelf-58x40");
  await page.fill("input[name=printer]", form.printer);
  await page.check(`input[name=by][value=${form.by}]`);
  if (form.codes !== undefined) await page.fill("textarea[name=codes]", form.codes);
  if (form.department !== undefined) await page.selectOption("select[name=department]", form.department);
  await clickAndLoad(page, "#print-labels button[type=submit]");
}

test("labels by codes print as ZPL on the chosen printer; the page says how many", async () => {
  await printLabels({ printer: `${sink.uri}?language=zpl`, by: "codes", codes: "MILK\n4011" });
  expect(await page.locator(".notice").textContent()).toContain("2 labels printed");
  expect(await page.locator("#printed").textContent()).toContain("MILK");
  const labels = parseZpl(await job());
  expect(labels.map((l) => texts(l)[0])).toEqual(["Whole milk 1 l", "Bananas"]);
  expect(texts(labels[0])).toContain("$1.29");
  expect(labels[0]?.fields.find((f) => f.kind === "barcode")).toMatchObject({
    symbology: "ean13",
    data: "400638133393",
  });
  await shot(page, "store-labels-printed");
  const audit = await store.api("/api/v1/audit?action=labels.printed");
  const { entries } = (await audit.json()) as { entries: { detail: unknown }[] };
  expect(entries.map((e) => e.detail)).toEqual([
    {
      template: "shelf-58x40",
      printer: `${sink.uri} (zpl)`,
      count: 2,
      selection: { codes: 2 },
    },
  ]);
});

test("a department's labels print as TSPL", async () => {
  await printLabels({ printer: `${sink.uri}?language=tspl`, by: "department", department: "20" });
  expect(await page.locator(".notice").textContent()).toContain("2 labels printed");
  const labels = parseTspl(await job());
  expect(labels.map((l) => texts(l)[0]).sort()).toEqual(["Eggs", "Whole milk 1 l"]);
});

test("changed since the last print: only the product whose price changed", async () => {
  await printLabels({ printer: `${sink.uri}?language=zpl`, by: "codes", codes: "MILK EGGS 4011 APPLES" });
  await job();
  sink.raw.length = 0;
  await api("/products", { code: "EGGS", name: "Eggs", priceMinor: 39, department: "20" });
  await printLabels({ printer: `${sink.uri}?language=zpl`, by: "changed" });
  expect(await page.locator(".notice").textContent()).toContain("1 label printed");
  const labels = parseZpl(await job());
  expect(labels.map((l) => texts(l).slice(0, 2))).toEqual([["Eggs", "$0.39"]]);
});

test("no codes, an unknown code or a printer that does not answer: the error on the page, nothing printed", async () => {
  await printLabels({ printer: `${sink.uri}?language=zpl`, by: "codes", codes: "MILK NOPE" });
  expect(await page.locator(".error").textContent()).toContain("LABEL_UNKNOWN_PRODUCT");
  expect(await page.locator(".error").textContent()).toContain("NOPE");
  // The form keeps what was typed.
  expect(await page.locator("textarea[name=codes]").inputValue()).toBe("MILK NOPE");
  await printLabels({ printer: `${sink.uri}?language=zpl`, by: "codes", codes: " " });
  expect(await page.locator(".error").textContent()).toContain("INVALID_FORM");
  expect(await page.locator(".error").textContent()).toContain("give at least one product code");
  const port = await closedPort();
  await printLabels({ printer: `tcp://127.0.0.1:${port}?language=zpl`, by: "codes", codes: "MILK" });
  expect(await page.locator(".error").textContent()).toContain("DEVICE_UNAVAILABLE");
  expect(await page.locator(".notice").count()).toBe(0);
  expect(sink.raw.filter((b) => b.length > 0)).toEqual([]);
  await shot(page, "store-labels-error");
});
