/**
 * What the till's file waits for fsync on: a completed sale is committed with synchronous=FULL;
 * the marks of what the store answered are written without waiting (a lost mark only sends the
 * sale again), and every such write leaves the file at FULL for the next sale, even one that
 * fails.
 */
import { afterEach, describe, expect, test } from "bun:test";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { uuidv7 } from "../../../src/core/ids.ts";
import type { Quote } from "../../../src/core/pricing.ts";
import { openTillDatabase, relaxed, type TillDatabase } from "../../../src/till/data/db.ts";
import { Outbox } from "../../../src/till/data/outbox.ts";
import type { CompletedSale } from "../../../src/till/services.ts";

const FULL = 2;
const NORMAL = 1;

let dir: string | undefined;
let file: TillDatabase | undefined;
afterEach(() => {
  file?.sqlite.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
  file = undefined;
  dir = undefined;
});

function open(): TillDatabase {
  dir = mkdtempSync(join(tmpdir(), "ringup-till-durability-"));
  file = openTillDatabase(dir);
  return file;
}

const synchronous = (db: TillDatabase) =>
  db.sqlite.query<{ synchronous: number }, []>("PRAGMA synchronous").get()?.synchronous;

function sale(receiptNo: string): CompletedSale {
  return {
    id: uuidv7(),
    tillId: "T1",
    cashierId: "u-1",
    at: new Date().toISOString(),
    receiptNo,
    lines: [{ code: "APPLE", qtyMilli: 1000 }],
    tenders: [{ type: "cash", amountMinor: 100 }],
    audit: [],
    quote: {
      lines: [
        {
          code: "APPLE",
          name: "Apple",
          qtyMilli: 1000,
          unitPriceMinor: 100,
          taxClass: null,
          extendedMinor: 100,
          discountMinor: 0,
          taxMinor: 0,
          totalMinor: 100,
        },
      ],
      subtotalMinor: 100,
      discountMinor: 0,
      taxMinor: 0,
      totalMinor: 100,
      cashDueMinor: 100,
      cashRoundingMinor: 0,
      taxes: [],
    } satisfies Quote,
    changeMinor: 0,
    cashRoundingMinor: 0,
  };
}

const NO_CONTEXT = { taxRates: new Map<string, string>(), madeIn: null };

describe("till file durability", () => {
  test("a sale is kept at FULL, and the file is at FULL after each mark of the store's answer", () => {
    const db = open();
    const outbox = new Outbox(db.db);
    expect(synchronous(db)).toBe(FULL);
    expect(outbox.add(sale("S1-T1-000001"), new Date(), NO_CONTEXT)).toBe(true);
    expect(outbox.add(sale("S1-T1-000002"), new Date(), NO_CONTEXT)).toBe(true);
    expect(outbox.add(sale("S1-T1-000003"), new Date(), NO_CONTEXT)).toBe(true);
    const first = outbox.oldestPending();
    if (first === null) throw new Error("no pending sale");
    outbox.noteAttempt(first.seq, "the store was unreachable");
    expect(synchronous(db)).toBe(FULL);
    outbox.markSent(first.seq, new Date());
    expect(synchronous(db)).toBe(FULL);
    const second = outbox.oldestPending();
    if (second === null) throw new Error("no second pending sale");
    outbox.markRejected(second.seq, "INVALID_SALE: refused");
    expect(synchronous(db)).toBe(FULL);
    expect(outbox.counts()).toEqual({ pending: 1, rejected: 1 });
  });

  test("a relaxed write runs at NORMAL and gives FULL back, even when it fails", () => {
    const db = open();
    expect(relaxed(db.sqlite, () => synchronous(db))).toBe(NORMAL);
    expect(synchronous(db)).toBe(FULL);
    expect(() =>
      relaxed(db.sqlite, () => {
        throw new Error("disk full");
      }),
    ).toThrow("disk full");
    expect(synchronous(db)).toBe(FULL);
  });
});
