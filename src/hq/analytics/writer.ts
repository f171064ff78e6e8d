/**
 * Keeps the summary tables (schema/hq-analytics.ts) current: each sale, return and void adds its
 * figures to its day's rows, read back from the detail rows ingest just wrote, so ingest and a
 * rebuild take the one path. Prepared statements; they run inside the ingest transaction.
 */
import type { Database, Statement } from "bun:sqlite";
import type { StoreEvent } from "../../core/events.ts";

type Params = Record<string, string | number>;

interface DocRow {
  id: string;
  storeId: string;
  day: string;
  at: string;
  cashierId: string | null;
  customerId: string | null;
  status: string;
  taxMinor: number;
  totalMinor: number;
}

interface LineRow {
  code: string;
  name: string;
  department: string | null;
  qtyMilli: number;
  taxMinor: number;
  totalMinor: number;
}

type Kind = "sale" | "return";

const DOC = `id, store_id AS storeId, day, at, cashier_id AS cashierId, customer_id AS customerId,
  tax_minor AS taxMinor, total_minor AS totalMinor`;
const LINE = `code, name, department, qty_milli AS qtyMilli, tax_minor AS taxMinor, total_minor AS totalMinor`;

/** `INSERT … ON CONFLICT DO UPDATE` adding every figure column to the row of the key. */
function upsert(table: string, keys: readonly string[], figures: readonly string[], keep: string[] = []) {
  const columns = [...keys, ...keep, ...figures];
  const set = [
    ...keep.map((c) => `${c} = excluded.${c}`),
    // The table-qualified old value: PostgreSQL finds a bare name ambiguous beside `excluded`.
    ...figures.map((c) => `${c} = ${table}.${c} + excluded.${c}`),
  ];
  return `INSERT INTO ${table} (${columns.join(", ")}) VALUES (${columns.map((c) => `$${c}`).join(", ")})
    ON CONFLICT (${keys.join(", ")}) DO UPDATE SET ${set.join(", ")}`;
}

const MONEY = ["qty_milli", "net_minor", "tax_minor", "cost_minor", "uncosted_net_minor"];

export class SummaryWriter {
  readonly #s: {
    sale: Statement<DocRow, [string]>;
    saleDay: Statement<{ day: string }, [string]>;
    returnDay: Statement<{ day: string }, [string]>;
    ret: Statement<DocRow, [string]>;
    saleLines: Statement<LineRow, [string]>;
    returnLines: Statement<LineRow, [string]>;
    product: Statement<{ cost: number | null; category: string | null }, [string]>;
    products: Statement<unknown, [Params]>;
    chainProducts: Statement<unknown, [Params]>;
    lifetimes: Statement<unknown, [Params]>;
    groups: Statement<unknown, [Params]>;
    hours: Statement<unknown, [Params]>;
    cashiers: Statement<unknown, [Params]>;
    customers: Statement<unknown, [Params]>;
  };

  constructor(sqlite: Database) {
    this.#s = {
      sale: sqlite.query(`SELECT ${DOC}, status FROM hq_sales WHERE id = ?1`),
      saleDay: sqlite.query("SELECT day FROM hq_sales WHERE id = ?1"),
      returnDay: sqlite.query("SELECT day FROM hq_returns WHERE id = ?1"),
      ret: sqlite.query(`SELECT ${DOC}, 'completed' AS status FROM hq_returns WHERE id = ?1`),
      saleLines: sqlite.query(`SELECT ${LINE} FROM hq_sale_lines WHERE sale_id = ?1`),
      returnLines: sqlite.query(`SELECT ${LINE} FROM hq_return_lines WHERE return_id = ?1`),
      product: sqlite.query("SELECT cost_minor AS cost, category FROM hq_products WHERE code = ?1"),
      products: sqlite.query(
        upsert("hq_sum_products", ["day", "store_id", "code"], MONEY, ["name", "department", "category"]),
      ),
      chainProducts: sqlite.query(
        upsert("hq_sum_chain_products", ["day", "code"], MONEY, ["name", "department", "category"]),
      ),
      lifetimes: sqlite.query(
        upsert("hq_sum_customer_lifetimes", ["customer_id"], ["orders_count", "net_minor"]),
      ),
      groups: sqlite.query(upsert("hq_sum_groups", ["day", "store_id", "kind", "key"], MONEY)),
      hours: sqlite.query(
        upsert(
          "hq_sum_hours",
          ["day", "store_id", "hour"],
          ["sales_count", "returns_count", "net_minor", "tax_minor", "total_minor"],
        ),
      ),
      cashiers: sqlite.query(
        upsert(
          "hq_sum_cashiers",
          ["day", "store_id", "cashier_id"],
          ["sales_count", "net_minor", "voids_count", "voids_minor", "refunds_count", "refunds_minor"],
        ),
      ),
      customers: sqlite.query(
        upsert(
          "hq_sum_customers",
          ["day", "store_id", "customer_id"],
          ["orders_count", "returns_count", "net_minor"],
        ),
      ),
    };
  }

  /**
   * Applies `write` (the event's detail rows) and adds the event's effect to the summaries: a
   * completed sale adds, a return subtracts, a void takes a completed sale back out.
   */
  apply(event: StoreEvent, write: () => void): void {
    switch (event.type) {
      case "sale.voided": {
        const before = this.#s.sale.get(event.payload.saleId);
        write();
        if (before?.status === "completed" && before.storeId === event.storeId) this.voided(before.id);
        return;
      }
      case "sale.completed": {
        write();
        const p = event.payload;
        this.#fromEvent(event.storeId, p.saleId, p, "sale");
        return;
      }
      case "return.recorded": {
        write();
        const p = event.payload;
        this.#fromEvent(event.storeId, p.returnId, { ...p, customerId: p.customerId ?? null }, "return");
        return;
      }
      default:
        write();
    }
  }

  /** Adds a sale or subtracts a return from its event: its lines as sent, its day as written. */
  #fromEvent(
    storeId: string,
    id: string,
    p: Omit<DocRow, "id" | "storeId" | "day" | "status"> & {
      day?: string | undefined;
      lines: readonly LineRow[];
    },
    kind: Kind,
  ): void {
    const day = p.day ?? (kind === "sale" ? this.#s.saleDay : this.#s.returnDay).get(id)?.day;
    if (day === undefined) return;
    const doc: DocRow = { ...p, id, storeId, day, status: "completed" };
    this.#add(doc, p.lines, kind, kind === "sale" ? 1 : -1);
  }

  /** Adds a completed sale from its detail rows. */
  sale(id: string): void {
    const doc = this.#s.sale.get(id);
    if (doc) this.#add(doc, this.#s.saleLines.all(id), "sale", 1);
  }

  /** Subtracts a return from its detail rows. */
  returned(id: string): void {
    const doc = this.#s.ret.get(id);
    if (doc) this.#add(doc, this.#s.returnLines.all(id), "return", -1);
  }

  /** Takes a sale out again and counts the void against the cashier who rang it. */
  voided(id: string): void {
    const doc = this.#s.sale.get(id);
    if (!doc) return;
    this.#add(doc, this.#s.saleLines.all(id), "sale", -1);
    this.#s.cashiers.run({
      ...this.#cashierZero(doc),
      voids_count: 1,
      voids_minor: doc.totalMinor,
    });
  }

  #cashierZero(doc: DocRow): Params {
    return {
      day: doc.day,
      store_id: doc.storeId,
      cashier_id: doc.cashierId ?? "",
      sales_count: 0,
      net_minor: 0,
      voids_count: 0,
      voids_minor: 0,
      refunds_count: 0,
      refunds_minor: 0,
    };
  }

  #add(doc: DocRow, lines: readonly LineRow[], kind: Kind, sign: 1 | -1): void {
    const key = { day: doc.day, store_id: doc.storeId };
    const net = doc.totalMinor - doc.taxMinor;
    const count = kind === "sale" ? sign : 0;
    const returns = kind === "return" ? 1 : 0;
    this.#s.hours.run({
      ...key,
      hour: Number(doc.at.slice(11, 13)),
      sales_count: count,
      returns_count: returns,
      net_minor: sign * net,
      tax_minor: sign * doc.taxMinor,
      total_minor: sign * doc.totalMinor,
    });
    this.#s.cashiers.run({
      ...this.#cashierZero(doc),
      sales_count: count,
      net_minor: kind === "sale" ? sign * net : 0,
      refunds_count: returns,
      refunds_minor: kind === "return" ? doc.totalMinor : 0,
    });
    if (doc.customerId !== null) {
      this.#s.customers.run({
        ...key,
        customer_id: doc.customerId,
        orders_count: count,
        returns_count: returns,
        net_minor: sign * net,
      });
      this.#s.lifetimes.run({ customer_id: doc.customerId, orders_count: count, net_minor: sign * net });
    }
    // A line's total is after discounts, with its tax inside when the store prices gross and
    // without it when net; the document tells which (as the chain reports read it, queries.ts).
    const lineTotal = lines.reduce((s, l) => s + l.totalMinor, 0);
    const gross = Math.abs(lineTotal - doc.totalMinor) <= Math.abs(lineTotal + doc.taxMinor - doc.totalMinor);
    for (const line of lines) {
      const catalog = this.#s.product.get(line.code);
      const lineNet = gross ? line.totalMinor - line.taxMinor : line.totalMinor;
      const cost = catalog?.cost ?? null;
      const figures = {
        qty_milli: sign * line.qtyMilli,
        net_minor: sign * lineNet,
        tax_minor: sign * line.taxMinor,
        cost_minor: cost === null ? 0 : sign * Math.round((cost * line.qtyMilli) / 1000),
        uncosted_net_minor: cost === null ? sign * lineNet : 0,
      };
      const department = line.department ?? "";
      const category = catalog?.category ?? "";
      const row = { code: line.code, name: line.name, department, category, ...figures };
      this.#s.products.run({ ...key, ...row });
      this.#s.chainProducts.run({ day: doc.day, ...row });
      this.#s.groups.run({ ...key, kind: "department", key: department, ...figures });
      this.#s.groups.run({ ...key, kind: "category", key: category, ...figures });
    }
  }
}
