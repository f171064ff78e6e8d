/**
 * The outbox against a real store process: sales completed while the store is stopped are kept
 * and arrive in order, exactly once, when it is back; a till killed with sales pending sends
 * them after it restarts; a crash between sending and marking sends again harmlessly; a sale
 * the store refuses does not hold up the ones after it; an ended session keeps sales pending.
 */

import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { join } from "node:path";
import { uuidv7 } from "../../../src/core/ids.ts";
import type { TillDataServices } from "../../../src/till/data/index.ts";
import {
  CASHIER_PIN,
  cashSale,
  TILL_ID,
  type TillFixture,
  tillFixture,
  waitFor,
} from "./support/till-fixture.ts";

const APPLE = { code: "APPLE", qtyMilli: 1000 };
/** Set by a test to break the network after the store answered one request. */
let dropAnswerOf: ((url: string, init?: RequestInit) => boolean) | null = null;

const flakyFetch = (async (input: string | URL | Request, init?: RequestInit) => {
  const url = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
  const res = await fetch(input, init);
  if (dropAnswerOf?.(url, init)) {
    dropAnswerOf = null;
    await res.text();
    throw Object.assign(new TypeError("socket closed"), { code: "ECONNRESET" });
  }
  return res;
}) as typeof fetch;

describe("till outbox", () => {
  let f: TillFixture;
  let till: TillDataServices;

  beforeAll(async () => {
    f = await tillFixture({
      products: [
        { code: "APPLE", name: "Apple", priceMinor: 100 },
        { code: "PEAR", name: "Pear", priceMinor: 150 },
        { code: "SAMPLE", name: "Free sample", priceMinor: 0 },
      ],
      fetch: flakyFetch,
    });
    till = await f.openTill();
    await till.login(CASHIER_PIN);
    await till.syncNow();
  });
  afterAll(async () => {
    await f?.[Symbol.asyncDispose]();
  });

  const sale = (lines = [APPLE], cash = 1000, at?: Date) => cashSale(till, f.cashierId, lines, cash, at);

  async function countAtStore(ids: readonly string[]): Promise<number[]> {
    const recorded = await f.storeSales();
    return ids.map((id) => recorded.filter((s) => s.id === id).length);
  }

  test("receipt numbers are the till's own, in sequence", () => {
    const first = till.nextReceiptNo();
    const second = till.nextReceiptNo();
    expect(first).toMatch(/^S1-T1-\d{6}$/);
    expect(Number(second.slice(-6))).toBe(Number(first.slice(-6)) + 1);
  });

  test("a sale completed online reaches the store once, with the till's receipt number", async () => {
    const s = sale([APPLE, { code: "PEAR", qtyMilli: 2000 }]);
    await till.completeSale(s);
    await till.completeSale(s); // a repeat is the same sale
    await waitFor("the outbox to drain", () => till.status().pending === 0);
    expect(await countAtStore([s.id])).toEqual([1]);
    const res = await f.store.api(`/api/v1/sales/${s.id}`);
    const recorded = (await res.json()) as { receiptNo: string; totalMinor: number; cashierId: string };
    expect(recorded).toMatchObject({ receiptNo: s.receiptNo, totalMinor: 400, cashierId: f.cashierId });
    expect(f.postsOf(s.id)).toBe(1);
  });

  test("a sale that comes to nothing is kept and recorded without a tender", async () => {
    const s = { ...sale([{ code: "SAMPLE", qtyMilli: 2000 }]), tenders: [] };
    await till.completeSale(s);
    await waitFor("the outbox to drain", () => till.status().pending === 0);
    expect(await countAtStore([s.id])).toEqual([1]);
    const res = await f.store.api(`/api/v1/sales/${s.id}`);
    expect(await res.json()).toMatchObject({ receiptNo: s.receiptNo, totalMinor: 0, changeMinor: 0 });
  });

  test("with the store stopped the till keeps selling, then drains in order, each sale once", async () => {
    await f.store.stop();
    const first = sale([APPLE], 1000, new Date(Date.now() - 2000));
    const second = sale([{ code: "PEAR", qtyMilli: 3000 }], 500, new Date(Date.now() - 1000));
    await till.completeSale(first);
    await till.completeSale(second);
    await till.drainNow();
    const down = till.status();
    expect(down).toMatchObject({ online: false, pending: 2, rejected: 0 });
    expect(down.lastError).toBe(
      `store unreachable at ${f.server}: connection refused — sales are kept and sent when it is back`,
    );
    expect(till.lookup("APPLE").product.name).toBe("Apple");

    await f.store.restart();
    // No nudge: the back-off timer (or the next sync) finds the store again by itself.
    await waitFor("the outbox to drain after the restart", () => till.status().pending === 0, 15_000);
    expect(till.status()).toMatchObject({ online: true, pending: 0, lastError: null });
    expect(await countAtStore([first.id, second.id])).toEqual([1, 1]);
    expect(f.accepted().slice(-2)).toEqual([first.id, second.id]);
  });

  test("a till killed with sales pending sends them after it restarts, exactly once", async () => {
    await till.close();
    await f.store.stop();
    const child = Bun.spawn(
      [
        process.execPath,
        join(import.meta.dir, "support", "till-child.ts"),
        f.server,
        f.tillDir,
        f.cashierId,
        "APPLE",
        "2",
      ],
      { stdout: "pipe", stderr: "pipe" },
    );
    let out = "";
    const reader = (async () => {
      for await (const chunk of child.stdout) out += new TextDecoder().decode(chunk);
    })();
    try {
      await waitFor("the child to keep its sales", () => out.includes("kept "), 15_000);
    } finally {
      child.kill("SIGKILL");
      await child.exited;
      await reader;
    }
    const ids = (/kept (\S+)/.exec(out)?.[1] ?? "").split(",");
    expect(ids).toHaveLength(2);

    await f.store.restart();
    till = await f.openTill();
    expect(till.status().pending).toBe(2);
    await till.drainNow();
    expect(till.status().pending).toBe(0);
    expect(await countAtStore(ids)).toEqual([1, 1]);
    await till.login(CASHIER_PIN);
  });

  test("a till closed without draining sends its pending sales when reopened", async () => {
    await f.store.stop();
    const kept = [sale(), sale()];
    for (const s of kept) await till.completeSale(s);
    await till.close();
    await f.store.restart();
    till = await f.openTill();
    await till.drainNow();
    expect(till.status().pending).toBe(0);
    expect(await countAtStore(kept.map((s) => s.id))).toEqual([1, 1]);
  });

  test("an answer lost after the store recorded the sale is resent harmlessly", async () => {
    const s = sale();
    dropAnswerOf = (url, init) => init?.method === "POST" && url.endsWith("/api/v1/sales");
    await till.completeSale(s);
    await waitFor("the lost answer", () => dropAnswerOf === null);
    await till.drainNow();
    expect(till.status().pending).toBe(0);
    expect(f.postsOf(s.id)).toBe(2);
    expect(await countAtStore([s.id])).toEqual([1]);
  });

  test("a sale the store refuses is set aside, reported to the store, and the sales after it still go", async () => {
    // A document that does not add up (its total one cent over its lines) is the only refusal.
    const good = sale();
    const refused = { ...good, quote: { ...good.quote, totalMinor: good.quote.totalMinor + 1 } };
    const after = sale();
    await till.completeSale(refused);
    await till.completeSale(after);
    await till.drainNow();
    expect(till.status()).toMatchObject({ pending: 0, rejected: 1 });
    expect(await countAtStore([refused.id, after.id])).toEqual([0, 1]);
    await till.drainNow();
    expect(f.postsOf(refused.id)).toBe(1);
    const listed = await f.store.api("/api/v1/refused-sales");
    const body = (await listed.json()) as { sales: { saleId: string; tillId: string; error: string }[] };
    expect(body.sales).toEqual([
      expect.objectContaining({
        saleId: refused.id,
        tillId: TILL_ID,
        error: expect.stringContaining("SALE_INCONSISTENT"),
      }),
    ]);
  });

  test("a sale cancelled before payment reaches the store's audit log with its voided lines", async () => {
    const id = uuidv7();
    await till.cancelSale({
      id,
      cashierId: f.cashierId,
      at: new Date().toISOString(),
      lines: [{ code: "APPLE", name: "Apple", qtyMilli: 1000, unitPriceMinor: 100, totalMinor: 100 }],
      totalMinor: 100,
      audit: [
        {
          action: "line.voided",
          at: new Date().toISOString(),
          userId: f.cashierId,
          approvedBy: null,
          detail: { code: "PEAR" },
        },
      ],
    });
    await till.drainNow();
    expect(till.status().pending).toBe(0);
    const res = await f.store.api(`/api/v1/audit?tillId=${TILL_ID}`);
    const trail = (await res.json()) as {
      entries: { action: string; refId: string | null; userId: string | null }[];
    };
    const mine = trail.entries.filter((e) => e.refId === id);
    expect(mine.map((e) => e.action).sort()).toEqual(["line.voided", "sale.cancelled"]);
    expect(mine.every((e) => e.userId === f.cashierId)).toBe(true);
  });

  test("a product the store does not know is recorded as rung, with an exception for the manager", async () => {
    const s = sale([APPLE]);
    const line = s.quote.lines[0];
    if (!line) throw new Error("no line");
    const unknown = {
      ...s,
      lines: [{ code: "NEW1", qtyMilli: 1000 }],
      quote: { ...s.quote, lines: [{ ...line, code: "NEW1", name: "New item" }] },
    };
    await till.completeSale(unknown);
    await till.drainNow();
    expect(await countAtStore([unknown.id])).toEqual([1]);
    const res = await f.store.api(`/api/v1/sales/${unknown.id}`);
    const recorded = (await res.json()) as {
      totalMinor: number;
      exceptions: { code: string; kind: string }[];
    };
    expect(recorded.totalMinor).toBe(s.quote.totalMinor);
    expect(recorded.exceptions).toEqual([expect.objectContaining({ code: "NEW1", kind: "unknown" })]);
  });

  test("a session ended at the store keeps sales pending until a cashier logs in again", async () => {
    // Another log-in for this till id ends the till's session at the store.
    const res = await fetch(`${f.server}/api/v1/sessions`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ tillId: TILL_ID, pin: CASHIER_PIN }),
    });
    expect(res.status).toBe(201);
    const s = sale();
    await till.completeSale(s);
    await till.drainNow();
    expect(till.status()).toMatchObject({ online: true, pending: 1, rejected: 1 });
    expect(till.status().lastError).toContain("log in again");
    await till.login(CASHIER_PIN);
    await waitFor("the outbox to drain after the log-in", () => till.status().pending === 0);
    expect(await countAtStore([s.id])).toEqual([1]);
  });

  test("a till on a fresh data dir continues the store's receipt numbers for its till id", async () => {
    const last =
      (await f.storeSales()).map((s) => Number(s.receiptNo.split("-")[2])).sort((a, b) => b - a)[0] ?? 0;
    const other = await f.openTill({ dataDir: join(f.tillDir, "replacement") });
    await other.login(CASHIER_PIN);
    await other.syncNow();
    expect(other.nextReceiptNo()).toBe(`S1-T1-${String(last + 1).padStart(6, "0")}`);
    await other.close();
  });
});
