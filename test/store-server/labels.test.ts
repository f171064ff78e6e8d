/**
 * Shelf labels printed by the store on a label printer at a loopback TCP port: the bytes read
 * back with a ZPL parser, a TSPL parser and the ESC/POS decoder; the selection by codes,
 * department, price changed since a date or since the template's last print.
 */
import { afterEach, beforeEach, describe, expect, test } from "bun:test";
import { decodeEscPos } from "../../src/devices/escpos/decode.ts";
import { openLabelPrinter } from "../../src/devices/label/open-label-printer.ts";
import { closedPort, EscPosSink } from "../devices/support/escpos-sink.ts";
import { type ParsedLabel, parseTspl, parseZpl } from "../devices/support/label-parsers.ts";
import { waitFor } from "../devices/support/wait.ts";
import { createTestStore, type JsonObject, type TestStore } from "../support/store-app.ts";

const API = "/api/v1";
let store: TestStore;
let sink: EscPosSink;

beforeEach(async () => {
  store = createTestStore({
    settings: {
      currency: "USD",
      labelTemplates: [
        {
          name: "too-wide",
          widthMm: 30,
          heightMm: 20,
          fields: [
            { field: "name", xMm: 1, yMm: 1, maxChars: 10 },
            { field: "price", xMm: 10, yMm: 8, size: 2, maxChars: 8 },
          ],
        },
      ],
    },
  });
  store.ctx.labelPrinters = openLabelPrinter;
  sink = await EscPosSink.start();
  await store.request("POST", `${API}/departments`, { id: "10", name: "Produce" });
  await store.request("POST", `${API}/departments`, { id: "20", name: "Dairy" });
  for (const product of [
    { code: "4011", name: 'Bananas ^XZ_~ "Cavendish"', priceMinor: 199, unit: "lb", department: "10" },
    { code: "APPLES", name: "Apples Gala", priceMinor: 349, unit: "kg", department: "10" },
    { code: "MILK", name: "Whole milk 1 l", priceMinor: 129, department: "20", barcodes: ["4006381333931"] },
    { code: "EGGS", name: "Eggs", priceMinor: 35, department: "20", barcodes: ["96385074"] },
  ]) {
    const res = await store.request("POST", `${API}/products`, product);
    if (res.status >= 300) throw new Error(JSON.stringify(res.body));
  }
});
afterEach(async () => {
  store.close();
  await sink.stop();
});

async function print(body: JsonObject): Promise<{ status: number; body: JsonObject }> {
  return store.request("POST", `${API}/labels/print`, { template: "shelf-58x40", ...body });
}

async function job(): Promise<string> {
  const raw = await waitFor("the label job", () => sink.raw.find((bytes) => bytes.length > 0));
  return new TextDecoder().decode(raw);
}

function texts(label: ParsedLabel | undefined): string[] {
  return (label?.fields ?? []).filter((f) => f.kind === "text").map((f) => f.data);
}

describe("POST /labels/print", () => {
  test("ZPL labels carry the name, price, unit price per kg, date and the barcode, parsed back from the bytes", async () => {
    const res = await print({ codes: ["MILK", "4011"], printer: `${sink.uri}?language=zpl` });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      template: "shelf-58x40",
      printer: `${sink.uri} (zpl)`,
      printed: 2,
      codes: ["MILK", "4011"],
    });
    const labels = parseZpl(await job());
    expect(labels).toHaveLength(2);
    const [milk, bananas] = labels;
    expect(milk).toMatchObject({ width: 464, height: 320, copies: 1 });
    expect(texts(milk)).toEqual(["Whole milk 1 l", "$1.29", "2026-03-02"]);
    expect(milk?.fields.find((f) => f.kind === "barcode")).toEqual({
      kind: "barcode",
      symbology: "ean13",
      x: 16,
      y: 136,
      height: 80,
      module: 2,
      data: "400638133393",
    });
    // The name's ZPL characters travel escaped and come back as they were; $1.99/lb is $4.39/kg.
    expect(texts(bananas)).toEqual(["Bananas ^XZ_~", '"Cavendish"', "$1.99", "$4.39/kg", "2026-03-02"]);
    expect(bananas?.fields.find((f) => f.kind === "barcode")).toMatchObject({
      symbology: "code128",
      data: "4011",
    });
  });

  test("TSPL labels say the size in mm and carry the same fields", async () => {
    const res = await print({ codes: ["EGGS", "APPLES"], printer: `${sink.uri}?language=tspl` });
    expect(res.status).toBe(200);
    const [eggs, apples] = parseTspl(await job());
    expect(eggs).toMatchObject({ width: 58, height: 40, gap: "3 mm", copies: 1 });
    expect(texts(eggs)).toEqual(["Eggs", "$0.35", "2026-03-02"]);
    expect(eggs?.fields.find((f) => f.kind === "barcode")).toMatchObject({
      symbology: "ean8",
      data: "9638507",
    });
    expect(texts(apples)).toEqual(["Apples Gala", "$3.49", "$3.49/kg", "2026-03-02"]);
  });

  test("ESC/POS label mode places each field in page mode, read back by the decoder", async () => {
    const res = await print({ codes: ["MILK"], printer: `${sink.uri}?language=escpos` });
    expect(res.status).toBe(200);
    const bytes = await waitFor("the ESC/POS job", () => sink.jobs[0]);
    const { commands, lines } = decodeEscPos(bytes);
    expect(commands).toContainEqual({ op: "page-mode" });
    expect(commands).toContainEqual({ op: "print-area", x: 0, y: 0, width: 464, height: 320 });
    expect(commands).toContainEqual({ op: "barcode", type: 67, data: "400638133393" });
    expect(commands.filter((c) => c.op === "position")).toContainEqual({
      op: "position",
      axis: "y",
      dots: 72,
    });
    expect(commands.at(-2)).toEqual({ op: "print-page" });
    expect(commands.at(-1)).toEqual({ op: "label-feed" });
    expect(lines).toEqual(["Whole milk 1 l", "$1.29", "2026-03-02"]);
  });

  test("a product in an automatic promotion names it on its label; a promo-code one does not", async () => {
    const add = async (body: JsonObject) =>
      expect((await store.request("POST", `${API}/promotions`, body)).status).toBe(200);
    await add({
      id: "dairy-week",
      name: "Dairy week -10%",
      reward: { kind: "percent", percent: "10", departments: ["20"] },
    });
    await add({
      id: "apple-code",
      name: "Apples with code",
      code: "APPLE5",
      reward: { kind: "amount", amountMinor: 5, products: ["APPLES"] },
    });
    await print({ codes: ["MILK", "APPLES"], printer: sink.uri });
    const [milk, apples] = parseZpl(await job());
    expect(texts(milk)).toContain("Dairy week -10%");
    expect(texts(apples)).toEqual(["Apples Gala", "$3.49", "$3.49/kg", "2026-03-02"]);
  });

  test("a department prints its active products; an unknown one is refused", async () => {
    const res = await print({ departmentId: "10", preview: true });
    expect(res.body).toMatchObject({ printer: null, printed: 0, codes: ["4011", "APPLES"] });
    const unknown = await print({ departmentId: "99", printer: sink.uri });
    expect(unknown.status).toBe(400);
    expect(unknown.body).toMatchObject({ error: { code: "LABEL_UNKNOWN_DEPARTMENT" } });
  });

  test("changed since the last print: everything once, then only what was repriced", async () => {
    const first = await print({ changedSince: "last-print", printer: sink.uri });
    expect(first.body).toMatchObject({ printed: 4 });
    const again = await print({ changedSince: "last-print", preview: true });
    expect(again.body).toMatchObject({ codes: [] });
    store.clock.advance(60_000);
    await store.request("POST", `${API}/products`, { code: "MILK", priceMinor: 139 });
    const changed = await print({ changedSince: "last-print", preview: true });
    expect(changed.body).toMatchObject({ codes: ["MILK"] });
    // Another template has its own memory.
    const other = await print({ template: "shelf-40x30", changedSince: "last-print", preview: true });
    expect((other.body.codes as string[]).length).toBe(4);
    const audit = await store.request<{ entries: JsonObject[] }>("GET", `${API}/audit?action=labels.printed`);
    expect(audit.body.entries[0]).toMatchObject({ action: "labels.printed" });
  });

  test("changed since a date: the products whose price differs from the price they had then", async () => {
    store.clock.set("2026-03-05T10:00:00.000Z");
    await store.request("POST", `${API}/products`, { code: "EGGS", priceMinor: 39 });
    await store.request("POST", `${API}/products`, { code: "APPLES", name: "Apples Gala (new crop)" });
    await store.request("POST", `${API}/products`, { code: "NEW", name: "New thing", priceMinor: 100 });
    const res = await print({ changedSince: "2026-03-04", preview: true });
    expect(res.body).toMatchObject({ codes: ["EGGS", "NEW"] });
  });

  test("a template that does not fit its label is refused naming the field, and nothing is printed", async () => {
    const res = await print({ template: "too-wide", codes: ["MILK"], printer: sink.uri });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({
      error: { code: "LABEL_FIELD_DOES_NOT_FIT", details: { field: "price" } },
    });
    expect(JSON.stringify(res.body)).toContain('template \\"too-wide\\": field 2 (price)');
    expect(sink.raw).toEqual([]);
    expect(store.count("label_prints")).toBe(0);
  });

  test("bad input is refused precisely and changes nothing", async () => {
    const before = store.journalLength();
    const cases: [JsonObject, number, string][] = [
      [{ codes: ["MILK"], departmentId: "10", printer: sink.uri }, 400, "codes"],
      [{ codes: ["NOPE", "MILK"], printer: sink.uri }, 400, "NOPE"],
      [{ template: "nope", codes: ["MILK"], printer: sink.uri }, 404, "shelf-58x40"],
      [{ codes: ["MILK"] }, 400, "printer"],
      [{ changedSince: "yesterday", printer: sink.uri }, 400, "changedSince"],
      [{ codes: ["MILK"], printer: `${sink.uri}?language=pcl` }, 400, "language"],
    ];
    for (const [body, status, says] of cases) {
      const res = await print(body);
      expect(res.status).toBe(status);
      expect(JSON.stringify(res.body)).toContain(says);
    }
    expect(store.journalLength()).toBe(before);
    expect(store.count("label_prints")).toBe(0);
  });

  test("a store started without label printer drivers says so, and still previews", async () => {
    delete store.ctx.labelPrinters;
    const res = await print({ codes: ["MILK"], printer: sink.uri });
    expect(res.status).toBe(503);
    expect(res.body).toMatchObject({ error: { code: "LABEL_PRINTING_UNAVAILABLE" } });
    expect((await print({ codes: ["MILK"], preview: true })).body).toMatchObject({ codes: ["MILK"] });
  });

  test("a printer that is switched off: an error naming it, and the labels still count as not printed", async () => {
    const port = await closedPort();
    const res = await print({ codes: ["MILK"], printer: `tcp://127.0.0.1:${port}` });
    expect(res.status).toBe(409);
    expect(JSON.stringify(res.body)).toContain(`tcp://127.0.0.1:${port}`);
    const after = await print({ changedSince: "last-print", preview: true });
    expect((after.body.codes as string[]).length).toBe(4);
  });
});
