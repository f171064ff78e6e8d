/**
 * The floor under the store server's sale commit: the same rows a recorded 3-line cash sale
 * writes (sale, 3 lines, tender, tax breakdown, 3 stock movements and stock levels, the receipt
 * counter, one journal event), inserted with prepared bun:sqlite statements in one transaction
 * per sale, on the store's own schema, in WAL mode (synchronous=FULL unless asked for NORMAL),
 * in a fresh file. No HTTP, no validation, no pricing, no hashing: only what SQLite must do to
 * store the sale.
 */
import type { Database } from "bun:sqlite";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { migrations } from "../../schema/migrations/store/index.ts";
import { uuidv7 } from "../../src/core/ids.ts";
import { openDatabase } from "../../src/shared/sqlite.ts";

export interface RawSaleTemplate {
  /** Product codes of the 3 lines. */
  codes: readonly [string, string, string];
  /** A recorded sale's response JSON: stored as the sale's response and as the event payload. */
  responseJson: string;
}

export interface RawSaleWriter {
  /** Writes one sale in its own durable transaction. */
  writeSale(): void;
  close(): Promise<void>;
}

export async function openRawSaleWriter(
  template: RawSaleTemplate,
  synchronous: "FULL" | "NORMAL" = "FULL",
): Promise<RawSaleWriter> {
  const dir = await mkdtemp(join(tmpdir(), "ringup-raw-sqlite-"));
  const db: Database = openDatabase(join(dir, "store.db"), migrations, { synchronous });
  const insertSale = db.prepare(
    `INSERT INTO sales (id, receipt_no, till_id, cashier_id, shift_id, customer_id, at, day, status,
       subtotal_minor, discount_minor, tax_minor, total_minor, change_minor, cash_rounding_minor, response)
     VALUES (?, ?, 'T1', NULL, NULL, NULL, ?, ?, 'completed', 1000, 0, 89, 1089, 8911, 0, ?)`,
  );
  const insertLine = db.prepare(
    `INSERT INTO sale_lines (sale_id, line_no, code, name, department, tax_class, qty_milli,
       unit_price_minor, extended_minor, discount_minor, tax_minor, total_minor)
     VALUES (?, ?, ?, 'Product', NULL, '1', 2000, 250, 500, 0, 44, 544)`,
  );
  const insertTender = db.prepare(
    `INSERT INTO tenders (doc_id, idx, doc_kind, type, amount_minor, day, shift_id)
     VALUES (?, 0, 'sale', 'cash', 10000, ?, NULL)`,
  );
  const insertTax = db.prepare(
    `INSERT INTO sale_taxes (doc_id, doc_kind, tax_class, rate, base_minor, tax_minor, day)
     VALUES (?, 'sale', '1', '8.875', 1000, 89, ?)`,
  );
  const insertMovement = db.prepare(
    `INSERT INTO stock_movements (product_code, qty_milli, kind, ref_id, reason, user_id, at)
     VALUES (?, -2000, 'sale', ?, NULL, NULL, ?)`,
  );
  const upsertLevel = db.prepare(
    `INSERT INTO stock_levels (product_code, on_hand_milli) VALUES (?, -2000)
     ON CONFLICT(product_code) DO UPDATE SET on_hand_milli = on_hand_milli - 2000`,
  );
  const nextReceipt = db.prepare(
    `INSERT INTO counters (name, value) VALUES ('receipt:T1', 1)
     ON CONFLICT(name) DO UPDATE SET value = value + 1 RETURNING value`,
  );
  const insertEvent = db.prepare(
    `INSERT INTO events (seq, id, type, version, at, payload, prev_hash, hash)
     VALUES (?, ?, 'sale.completed', 1, ?, ?, ?, ?)`,
  );

  let seq = 0;
  let prevHash: string | null = null;
  const write = db.transaction(() => {
    const id = uuidv7();
    const at = new Date().toISOString();
    const day = at.slice(0, 10);
    const receipt = nextReceipt.get() as { value: number };
    insertSale.run(id, `S1-T1-${String(receipt.value).padStart(6, "0")}`, at, day, template.responseJson);
    template.codes.forEach((code, i) => {
      insertLine.run(id, i + 1, code);
      insertMovement.run(code, id, at);
      upsertLevel.run(code);
    });
    insertTender.run(id, day);
    insertTax.run(id, day);
    seq++;
    const hash = `${id.replaceAll("-", "")}${id.replaceAll("-", "")}`;
    insertEvent.run(seq, uuidv7(), at, template.responseJson, prevHash, hash);
    prevHash = hash;
  });

  return {
    writeSale: () => {
      write();
    },
    close: async () => {
      db.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
