/**
 * Prepared statements for the sale-commit hot path. Drizzle stays the schema and the query
 * builder everywhere else; here, where a shop's busiest request runs a dozen statements, the
 * SQL is prepared once per database connection instead of being built and prepared per call.
 * They run on the same connection as a drizzle transaction, so they take part in it.
 */
import { Database, type Statement } from "bun:sqlite";
import type { StoreDb, StoreTx } from "../context.ts";

export interface StoreStatements {
  journalHead: Statement<{ seq: number; hash: string }, []>;
  insertEvent: Statement<unknown, [number, string, string, number, string, string, string | null, string]>;
  nextCounter: Statement<{ value: number }, [string]>;
  insertMovement: Statement<
    { id: number },
    [
      string,
      number,
      string,
      string | null,
      string | null,
      string | null,
      string,
      number,
      number | null,
      string | null,
      number,
      number,
    ]
  >;
  addToLevel: Statement<{ onHandMilli: number }, [string, number]>;
  saleById: Statement<
    { response: string; status: "completed" | "voided"; requestHash: string | null },
    [string]
  >;
  openShiftOfTill: Statement<{ id: string }, [string]>;
  insertSale: Statement<unknown, [SaleRow]>;
  insertSaleLine: Statement<unknown, [SaleLineRow]>;
  insertTender: Statement<unknown, [TenderRow]>;
  insertTax: Statement<unknown, [TaxRow]>;
  /** Who a bearer token (by its hash) belongs to, when it is not revoked. */
  principalByToken: Statement<
    {
      kind: "admin" | "session" | "till";
      userId: string | null;
      tillId: string | null;
      role: string | null;
      createdAt: string;
      lastUsedAt: string | null;
    },
    [string]
  >;
  /** Notes when a token was last used (kept to the minute, not written on every request). */
  touchToken: Statement<unknown, [string, string]>;
  /** What a sale line is checked against: the product as the catalog has it. */
  productForSale: Statement<
    { priceMinor: number; taxClass: string | null; department: string | null; active: number; name: string },
    [string]
  >;
  saleIdByReceiptNo: Statement<{ id: string }, [string]>;
  /** The product as the store's catalog last had it at a time: its latest change before then. */
  productAsOf: Statement<{ payload: string }, [string, string]>;
  raiseCounter: Statement<unknown, [string, number]>;
}

type Bindings = Record<string, string | number | null>;
export interface SaleRow extends Bindings {
  id: string;
  receiptNo: string;
  tillId: string;
  cashierId: string | null;
  shiftId: string | null;
  customerId: string | null;
  at: string;
  day: string;
  subtotalMinor: number;
  discountMinor: number;
  taxMinor: number;
  totalMinor: number;
  changeMinor: number;
  cashRoundingMinor: number;
  requestHash: string | null;
  response: string;
}
export interface SaleLineRow extends Bindings {
  saleId: string;
  lineNo: number;
  code: string;
  name: string;
  department: string | null;
  taxClass: string | null;
  qtyMilli: number;
  unitPriceMinor: number;
  extendedMinor: number;
  discountMinor: number;
  taxMinor: number;
  totalMinor: number;
  /** null: an item; a deposit or returned empties (deposits.ts). */
  kind?: string | null;
  lot?: string | null;
  expiry?: string | null;
  serial?: string | null;
}
export interface TenderRow extends Bindings {
  docId: string;
  idx: number;
  docKind: "sale" | "return";
  type: string;
  amountMinor: number;
  day: string;
  shiftId: string | null;
}
export interface TaxRow extends Bindings {
  docId: string;
  docKind: "sale" | "return";
  taxClass: string;
  rate: string;
  baseMinor: number;
  taxMinor: number;
  day: string;
}

const cache = new WeakMap<Database, StoreStatements>();

function prepare(sqlite: Database): StoreStatements {
  return {
    journalHead: sqlite.prepare("SELECT seq, hash FROM events ORDER BY seq DESC LIMIT 1"),
    insertEvent: sqlite.prepare(
      "INSERT INTO events (seq, id, type, version, at, payload, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
    ),
    nextCounter: sqlite.prepare(
      "INSERT INTO counters (name, value) VALUES (?, 1) ON CONFLICT(name) DO UPDATE SET value = value + 1 RETURNING value",
    ),
    insertMovement: sqlite.prepare(
      "INSERT INTO stock_movements (product_code, qty_milli, kind, ref_id, reason, user_id, at, value_minor, settled_minor, sale_line, on_hand_after_milli, value_after_minor) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
    ),
    addToLevel: sqlite.prepare(
      "INSERT INTO stock_levels (product_code, on_hand_milli) VALUES (?1, ?2) ON CONFLICT(product_code) DO UPDATE SET on_hand_milli = on_hand_milli + ?2 RETURNING on_hand_milli AS onHandMilli",
    ),
    saleById: sqlite.prepare("SELECT response, status, request_hash AS requestHash FROM sales WHERE id = ?"),
    openShiftOfTill: sqlite.prepare("SELECT id FROM shifts WHERE till_id = ? AND closed_at IS NULL LIMIT 1"),
    insertSale: sqlite.prepare(
      `INSERT INTO sales (id, receipt_no, till_id, cashier_id, shift_id, customer_id, at, day, status,
         subtotal_minor, discount_minor, tax_minor, total_minor, change_minor, cash_rounding_minor, response,
         request_hash)
       VALUES ($id, $receiptNo, $tillId, $cashierId, $shiftId, $customerId, $at, $day, 'completed',
         $subtotalMinor, $discountMinor, $taxMinor, $totalMinor, $changeMinor, $cashRoundingMinor, $response,
         $requestHash)`,
    ),
    insertSaleLine: sqlite.prepare(
      `INSERT INTO sale_lines (sale_id, line_no, code, name, department, tax_class, qty_milli, unit_price_minor,
         extended_minor, discount_minor, tax_minor, total_minor, kind, lot, expiry, serial)
       VALUES ($saleId, $lineNo, $code, $name, $department, $taxClass, $qtyMilli, $unitPriceMinor,
         $extendedMinor, $discountMinor, $taxMinor, $totalMinor, $kind, $lot, $expiry, $serial)`,
    ),
    insertTender: sqlite.prepare(
      `INSERT INTO tenders (doc_id, idx, doc_kind, type, amount_minor, day, shift_id)
       VALUES ($docId, $idx, $docKind, $type, $amountMinor, $day, $shiftId)`,
    ),
    insertTax: sqlite.prepare(
      `INSERT INTO sale_taxes (doc_id, doc_kind, tax_class, rate, base_minor, tax_minor, day)
       VALUES ($docId, $docKind, $taxClass, $rate, $baseMinor, $taxMinor, $day)`,
    ),
    principalByToken: sqlite.prepare(
      `SELECT t.kind AS kind, t.user_id AS userId, t.till_id AS tillId, u.role AS role,
         t.created_at AS createdAt, t.last_used_at AS lastUsedAt
       FROM api_tokens t LEFT JOIN users u ON u.id = t.user_id
       WHERE t.token_hash = ?1 AND t.revoked_at IS NULL`,
    ),
    touchToken: sqlite.prepare("UPDATE api_tokens SET last_used_at = ?2 WHERE token_hash = ?1"),
    productForSale: sqlite.prepare(
      `SELECT price_minor AS priceMinor, tax_class AS taxClass, department, active, name
       FROM products WHERE code = ?1`,
    ),
    saleIdByReceiptNo: sqlite.prepare("SELECT id FROM sales WHERE receipt_no = ?1"),
    productAsOf: sqlite.prepare(
      `SELECT payload FROM events
       WHERE type = 'product.upserted' AND json_extract(payload, '$.code') = ?1 AND at <= ?2
       ORDER BY seq DESC LIMIT 1`,
    ),
    raiseCounter: sqlite.prepare(
      "INSERT INTO counters (name, value) VALUES (?1, ?2) ON CONFLICT(name) DO UPDATE SET value = max(value, excluded.value)",
    ),
  };
}

/** The connection behind a drizzle database or transaction. */
export function connectionOf(handle: StoreDb | StoreTx): Database {
  const direct = (handle as { $client?: unknown }).$client;
  if (direct instanceof Database) return direct;
  const viaSession = (handle as { session?: { client?: unknown } }).session?.client;
  if (viaSession instanceof Database) return viaSession;
  throw new Error("no SQLite connection behind this drizzle handle");
}

export function statementsOf(handle: StoreDb | StoreTx | Database): StoreStatements {
  const sqlite = handle instanceof Database ? handle : connectionOf(handle);
  let statements = cache.get(sqlite);
  if (!statements) {
    statements = prepare(sqlite);
    cache.set(sqlite, statements);
  }
  return statements;
}
