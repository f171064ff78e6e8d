/**
 * An invoice at the till end to end: a real `ringup store` (with its legal details) and the
 * compiled till in an 80×24 tmux pane with a network receipt printer. After a cash sale,
 * Ctrl+X asks for the buyer; a missing address is the store's refusal in the cashier's words
 * and issues nothing; the buyer given, the store issues the invoice, the till shows its number
 * and prints the store's receipt-printer copy, and journals the request. With the store gone,
 * the till says invoices need it.
 */
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { waitFor } from "../../replication/support/wait.ts";
import { type StoreProcess, seedProducts } from "../../support/store-process.ts";
import { PrintingTill } from "../support/printing-till.ts";
import { haveTmux, type TmuxSession } from "../support/tmux.ts";

if (!haveTmux()) console.warn("invoice end-to-end test skipped: tmux is not installed");

describe.if(haveTmux())("an invoice at the till", () => {
  let fixture: PrintingTill;
  let store: StoreProcess;
  let till: TmuxSession;

  beforeAll(async () => {
    fixture = await PrintingTill.start(
      async (dir) => {
        const config = join(dir, "store.toml");
        await writeFile(
          config,
          '[legal]\nname = "Green Basket Co-op Ltd"\naddress = ["12 Market Street"]\ntaxId = "FR40123456789"\n',
        );
        return { storeId: "S1", args: ["--config", config] };
      },
      (store) => seedProducts(store, [{ code: "MILK", name: "Milk 1l", priceMinor: 350, taxClass: null }]),
    );
    store = fixture.storeProcess;
    till = fixture.tmux;
  }, 120_000);

  afterAll(() => fixture?.[Symbol.asyncDispose]());

  const invoices = async () =>
    (
      (await (await store.api("/api/v1/invoices")).json()) as {
        invoices: { number: string; buyerName: string }[];
      }
    ).invoices;

  test("Ctrl+X after a sale: the buyer asked, the invoice issued, shown and printed", async () => {
    await till.type("MILK");
    await till.keys("Enter");
    await till.waitFor("Milk", "the line");
    await till.keys("F10");
    await till.waitFor("Payment", "the payment screen");
    await till.keys("Enter");
    await till.waitFor(/Sale (complete|done)|Change|Paid/, "the sale to complete");
    await waitFor(async () => {
      const from = new Date(Date.now() - 86_400_000).toISOString();
      const to = new Date(Date.now() + 86_400_000).toISOString();
      const res = await store.api(`/api/v1/sales?from=${from}&to=${to}&limit=10`);
      const { sales } = (await res.json()) as { sales: unknown[] };
      return sales.length === 1 ? sales : null;
    }, "the store to record the sale");
    const receipts = fixture.printed().length;

    // No address: the store's refusal, in the cashier's words; nothing issued.
    await till.keys("C-x");
    await till.waitFor("buyer's name", "the buyer's name prompt");
    await till.type("Cafe Lune SARL");
    await till.keys("Enter");
    await till.waitFor("Buyer's address", "the address prompt");
    await till.keys("Enter");
    await till.waitFor("Buyer's tax id", "the tax id prompt");
    await till.keys("Enter");
    await till.waitFor("The invoice needs the buyer's address", "the store's refusal");
    expect(await invoices()).toEqual([]);

    await till.keys("C-x");
    await till.waitFor("buyer's name", "the buyer's name prompt again");
    await till.type("Cafe Lune SARL");
    await till.keys("Enter");
    await till.type("3 rue des Lilas, 75020 Paris");
    await till.keys("Enter");
    await till.waitFor("Buyer's tax id", "the tax id prompt");
    await till.keys("Enter");
    const year = new Date().getUTCFullYear();
    await till.waitFor(`Invoice ${year}-000001 issued and printed`, "the invoice's number");
    expect(await invoices()).toMatchObject([{ number: `${year}-000001`, buyerName: "Cafe Lune SARL" }]);
    const copy = await waitFor(async () => {
      const jobs = fixture.printed().slice(receipts);
      return jobs.find((text) => text.includes(`INVOICE ${year}-000001`)) ?? null;
    }, "the invoice's copy printed");
    expect(copy).toContain("Cafe Lune SARL");
    expect(copy).toContain("Green Basket Co-op Ltd");
    const audit = await waitFor(async () => {
      const res = await store.api("/api/v1/audit?action=invoice.requested");
      const { entries } = (await res.json()) as { entries: { detail: Record<string, unknown> }[] };
      return entries.length === 2 ? entries : null;
    }, "the till's trace of both requests");
    expect(audit.map((e) => e.detail.result).sort()).toEqual([`${year}-000001`, "INVOICE_BUYER_ADDRESS"]);

    await store[Symbol.asyncDispose]();
    await till.keys("C-x");
    await till.type("Cafe Lune SARL");
    await till.keys("Enter");
    await till.type("Paris");
    await till.keys("Enter", "Enter");
    await till.waitFor("Invoices need the store", "the offline message", 30_000);
  }, 120_000);
});
