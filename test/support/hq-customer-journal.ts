/**
 * Stores' journals of sales with customers, voids and returns, sent through head office's real
 * ingest path a batch at a time: for tests of the customer summaries and the customers report.
 * Each sale is named so a later step can void it or return its first line.
 */

import type { Database } from "bun:sqlite";
import { expect } from "bun:test";
import { type EventType, type StoreEvent, sealEvent, type UnsealedEvent } from "../../src/core/events.ts";
import { uuidv7 } from "../../src/core/ids.ts";
import type { EventIngestor } from "../../src/hq/ingest/index.ts";
import { salePayload } from "./replication-journal.ts";

export type JournalStep =
  | { sale: string; storeId: string; day: string; customerId: string }
  | { void: string }
  /** The sale's first line taken back at the sale's store on `day`. */
  | { return: string; day: string };

/** Adds the stores (named by their id) to head office's database. */
export function insertStores(sqlite: Database, storeIds: readonly string[]): void {
  const store = sqlite.query(
    `INSERT INTO stores (store_id, name, time_zone, currency, nats_user, nats_password_hash, created_at, updated_at)
     VALUES (?1, ?1, 'UTC', 'USD', ?1, '-', '2025-01-01T00:00:00.000Z', '2025-01-01T00:00:00.000Z')`,
  );
  for (const s of storeIds) store.run(s);
}

type Sale = ReturnType<typeof salePayload> & { storeId: string };

export class CustomerJournal {
  readonly #journals = new Map<string, { seq: number; prevHash: string | null; receipts: number }>();
  readonly #sales = new Map<string, Sale>();

  constructor(private readonly ingestor: EventIngestor) {}

  #sale(name: string): Sale {
    const sale = this.#sales.get(name);
    if (sale === undefined) throw new Error(`no sale named ${name}`);
    return sale;
  }

  #body(step: JournalStep, receipt: () => number): Pick<UnsealedEvent<EventType>, "type" | "at" | "payload"> {
    if ("void" in step) {
      const s = this.#sale(step.void);
      const payload = {
        saleId: s.saleId,
        receiptNo: s.receiptNo,
        tillId: "T1",
        cashierId: "cashier-1",
        approvedBy: "sup",
        at: s.at,
        reason: "customer left",
        lineCount: 3,
        totalMinor: 0,
      };
      return { type: "sale.voided", at: s.at, payload };
    }
    if ("return" in step) {
      const s = this.#sale(step.return);
      const [line] = s.lines;
      if (line === undefined) throw new Error("a sale without lines");
      const at = `${step.day}T18:00:00.000Z`;
      const totalMinor = line.extendedMinor + line.taxMinor;
      const payload = {
        returnId: uuidv7(),
        receiptNo: `${s.storeId}-T1-R${String(receipt()).padStart(5, "0")}`,
        originalSaleId: s.saleId,
        tillId: "T1",
        cashierId: "cashier-1",
        approvedBy: "sup",
        at,
        day: step.day,
        currency: "USD",
        lines: [{ ...line, lineNo: 1, originalLineNo: 1 }],
        subtotalMinor: line.extendedMinor,
        discountMinor: 0,
        taxMinor: line.taxMinor,
        totalMinor,
        taxes: [],
        tenders: [{ type: "cash", amountMinor: totalMinor }],
        customerId: s.customerId,
      };
      return { type: "return.recorded", at, payload };
    }
    const at = `${step.day}T10:00:00.000Z`;
    const payload = {
      ...salePayload(step.storeId, receipt(), at),
      day: step.day,
      customerId: step.customerId,
    };
    this.#sales.set(step.sale, { ...payload, storeId: step.storeId });
    return { type: "sale.completed", at, payload };
  }

  /** Sends the steps through ingest as one batch; every event must be applied. */
  async send(steps: readonly JournalStep[]): Promise<void> {
    const messages: { subject: string; data: Uint8Array }[] = [];
    for (const step of steps) {
      const storeId =
        "void" in step
          ? this.#sale(step.void).storeId
          : "return" in step
            ? this.#sale(step.return).storeId
            : step.storeId;
      const j = this.#journals.get(storeId) ?? { seq: 0, prevHash: null, receipts: 0 };
      this.#journals.set(storeId, j);
      const body = this.#body(step, () => j.receipts++);
      const e = { id: uuidv7(), storeId, seq: j.seq + 1, version: 1, ...body, prevHash: j.prevHash };
      const event: StoreEvent = await sealEvent(e);
      j.seq++;
      j.prevHash = event.hash;
      messages.push({
        subject: `ringup.v1.store.${storeId}.${event.type}`,
        data: new TextEncoder().encode(JSON.stringify(event)),
      });
    }
    const refused = this.ingestor.ingest(messages).outcomes.filter((o) => o !== "applied");
    expect(refused).toEqual([]);
  }
}
