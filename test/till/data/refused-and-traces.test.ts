/**
 * Against a real store process: a sale the store refused is exported to a file in the till's
 * data folder and, once its document is fixed, sent again and recorded (the store's report of
 * it resolved); cashier actions that leave no sale — a price check at the till, a PIN refused
 * and a log-in made while the store was unreachable, a reprint — reach the store's audit log,
 * once each, under the cashier who did them.
 */
import { Database } from "bun:sqlite";
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { TillController } from "../../../src/till/app/controller.ts";
import { saleReceipt } from "../../../src/till/app/receipt.ts";
import { tillDbPath } from "../../../src/till/data/db.ts";
import type { TillDataServices } from "../../../src/till/data/index.ts";
import { buildKeymap } from "../../../src/till/keys/index.ts";
import {
  CASHIER_PIN,
  cashSale,
  SUPERVISOR_PIN,
  TILL_ID,
  type TillFixture,
  tillFixture,
  waitFor,
} from "./support/till-fixture.ts";

/** Set to cut the till off the network (every request fails as a refused connection would). */
let cut = false;
const cuttableFetch = ((input: string | URL | Request, init?: RequestInit) =>
  cut
    ? Promise.reject(Object.assign(new TypeError("connection refused"), { code: "ECONNREFUSED" }))
    : fetch(input, init)) as typeof fetch;

interface AuditEntry {
  action: string;
  userId: string | null;
  tillId: string | null;
  refId: string | null;
  detail: Record<string, unknown> | null;
}

describe("refused sales and cashier traces at a real store", () => {
  let f: TillFixture;
  let till: TillDataServices;

  beforeAll(async () => {
    f = await tillFixture({
      products: [
        { code: "APPLE", name: "Apple", priceMinor: 100 },
        { code: "PEAR", name: "Pear", priceMinor: 150 },
      ],
      fetch: cuttableFetch,
    });
    till = await f.openTill();
    await till.login(CASHIER_PIN);
    await till.syncNow();
  });
  afterAll(async () => {
    cut = false;
    await f?.[Symbol.asyncDispose]();
  });

  async function audit(action: string): Promise<AuditEntry[]> {
    const res = await f.store.api(`/api/v1/audit?tillId=${TILL_ID}&action=${action}`);
    expect(res.status).toBe(200);
    return ((await res.json()) as { entries: AuditEntry[] }).entries;
  }

  test("a refused sale is exported to a file, then sent again once fixed and recorded", async () => {
    const good = cashSale(till, f.cashierId, [{ code: "APPLE", qtyMilli: 2000 }], 1000);
    // Its total one cent over its lines: the store refuses it.
    const refused = { ...good, quote: { ...good.quote, totalMinor: good.quote.totalMinor + 1 } };
    await till.completeSale(refused);
    await till.drainNow();
    expect(till.status()).toMatchObject({ pending: 0, rejected: 1 });
    // A cashier opens the screen with a supervisor's PIN: the store grants that approval.
    const approver = await till.approve(SUPERVISOR_PIN, "refusedSales");
    expect(approver).toMatchObject({ id: f.supervisorId, proof: { grantId: expect.any(String) } });
    const listed = till.refusedSales();
    expect(listed).toEqual([
      {
        saleId: refused.id,
        receiptNo: refused.receiptNo,
        totalMinor: 201,
        reason: expect.stringContaining("SALE_INCONSISTENT"),
        at: expect.any(String),
      },
    ]);

    const exported = till.exportRefused(refused.id);
    expect(exported).toEqual({
      path: join(f.tillDir, "refused-sales", `${refused.receiptNo}.json`),
      receiptNo: refused.receiptNo,
    });
    const document = JSON.parse(readFileSync(exported.path, "utf8")) as Record<string, unknown>;
    expect(document).toMatchObject({ id: refused.id, receiptNo: refused.receiptNo, totalMinor: 201 });
    expect(existsSync(`${exported.path}.tmp`)).toBe(false);

    // Sent again unchanged, the store refuses it again (and it stays listed, reported again).
    till.resendRefused(refused.id);
    expect(till.status().rejected).toBe(0);
    await till.drainNow();
    expect(f.postsOf(refused.id)).toBe(2);
    expect(till.refusedSales().map((r) => r.saleId)).toEqual([refused.id]);

    // The document fixed (its total as its lines say), sent again: recorded, and resolved at the store.
    const db = new Database(tillDbPath(f.tillDir));
    try {
      const fixed = { ...document, totalMinor: 200, cashDueMinor: 200 };
      db.query("UPDATE outbox SET body = ? WHERE sale_id = ?").run(JSON.stringify(fixed), refused.id);
    } finally {
      db.close();
    }
    till.resendRefused(refused.id);
    await waitFor("the fixed sale to be sent", () => till.status().pending === 0);
    await till.drainNow();
    expect(till.status()).toMatchObject({ pending: 0, rejected: 0 });
    expect(till.refusedSales()).toEqual([]);
    expect(f.postsOf(refused.id)).toBe(3);
    const recorded = await f.store.api(`/api/v1/sales/${refused.id}`);
    expect(recorded.status).toBe(200);
    expect(await recorded.json()).toMatchObject({ receiptNo: refused.receiptNo, totalMinor: 200 });
    const report = await f.store.api("/api/v1/refused-sales?all=true");
    const reported = (await report.json()) as { sales: { saleId: string; resolvedAt: string | null }[] };
    expect(reported.sales.find((s) => s.saleId === refused.id)?.resolvedAt).toEqual(expect.any(String));

    // Not a refused sale (any more): said precisely.
    expect(() => till.exportRefused(refused.id)).toThrow(/not a sale the store refused/);
    expect(() => till.resendRefused(refused.id)).toThrow(/not a sale the store refused/);
  });

  test("a price check at the till, an offline PIN refused and an offline log-in reach the store's audit log", async () => {
    const keymap = buildKeymap();
    const controller = new TillController({ services: till, keymap, lang: "en" });
    try {
      const cashier = await till.login(CASHIER_PIN);
      controller.dispatch({ type: "login.ok", cashier });
      controller.dispatch({ type: "price.check" });
      controller.dispatch({ type: "input.text", text: "PEAR" });
      controller.dispatch({ type: "input.submit" });
      expect(controller.state.status?.message).toEqual({
        key: "info.priceCheck",
        params: { name: "Pear", priceMinor: 150, unit: "each" },
      });
      expect(controller.state.sale.lines).toEqual([]);
    } finally {
      controller.dispose();
    }

    // The store goes out of reach: a PIN this till never saw is refused, the cashier's works.
    cut = true;
    await till.logout();
    await expect(till.login("5555")).rejects.toMatchObject({ code: "PIN_UNKNOWN_OFFLINE" });
    const offline = await till.login(CASHIER_PIN);
    expect(offline.id).toBe(f.cashierId);
    expect(till.status().online).toBe(false);
    await till.drainNow();
    expect(await audit("pin.failed_offline")).toEqual([]);

    // Back in reach: the outbox drains the traces, once each.
    cut = false;
    await till.drainNow();
    await waitFor("the traces to reach the store", () =>
      f.sent.some((s) => s.path.endsWith("/till-entries")),
    );
    const checks = await audit("price.checked");
    expect(checks).toEqual([
      expect.objectContaining({
        userId: f.cashierId,
        tillId: TILL_ID,
        detail: { code: "PEAR", scanned: "PEAR", priceMinor: 150 },
      }),
    ]);
    const failed = await audit("pin.failed_offline");
    expect(failed).toEqual([
      expect.objectContaining({
        userId: null,
        tillId: TILL_ID,
        detail: expect.objectContaining({ purpose: "login", attemptsLeft: 4, locked: false }),
      }),
    ]);
    const logins = await audit("user.login_offline");
    expect(logins).toEqual([
      expect.objectContaining({ userId: f.cashierId, tillId: TILL_ID, detail: { role: "cashier" } }),
    ]);
    await till.drainNow();
    expect(await audit("price.checked")).toHaveLength(1);
  });

  test("a reprint from the print journal reaches the store's audit log", async () => {
    const sale = cashSale(till, f.cashierId, [{ code: "APPLE", qtyMilli: 1000 }], 100);
    const doc = saleReceipt(sale, {
      settings: till.settings(),
      locale: "en-US",
      tillId: TILL_ID,
      cashierName: "Ann Cashier",
      unitOf: () => "each",
    });
    till.journalPrint(doc, f.cashierId);
    const copy = till.reprint({ receiptNo: sale.receiptNo }, f.cashierId);
    expect(copy.type === "receipt" && copy.copy).toBe(true);
    await till.drainNow();
    const reprints = await audit("receipt.reprinted");
    expect(reprints).toEqual([
      expect.objectContaining({
        userId: f.cashierId,
        tillId: TILL_ID,
        detail: { title: sale.receiptNo, receiptNo: sale.receiptNo },
      }),
    ]);
  });
});
