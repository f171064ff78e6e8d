/**
 * Keeps the summary tables (schema/hq-analytics.ts) current: each sale, return and void adds its
 * figures to its day's rows, read back from the detail rows ingest just wrote, so ingest and a
 * rebuild take the one path. Prepared statements; they run inside the ingest transaction.
 */
import type { Database, Statement } from "bun:sqlite";
import type { StoreEvent } from "../../core/events.ts";
import { folding, type SummaryParams, SummaryUpsert } from "./summary-upsert.ts";

type Params = SummaryParams;

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

interface Product {
  cost: number | null;
  category: string | null;
}

const DOC = `id, store_id AS storeId, day, at, cashier_id AS cashierId, customer_id AS customerId,
  tax_minor AS taxMinor, total_minor AS totalMinor`;
const LINE = `code, name, department, qty_milli AS qtyMilli, tax_minor AS taxMinor, total_minor AS totalMinor`;

const MONEY = ["qty_milli", "net_minor", "tax_minor", "cost_minor", "uncosted_net_minor"];
const CUSTOMER_FIGURES = ["orders_count", "returns_count", "net_minor"];

export class SummaryWriter {
  readonly #s: {
    sale: Statement<DocRow, [string]>;
    saleDay: Statement<{ day: string }, [string]>;
    returnDay: Statement<{ day: string }, [string]>;
    ret: Statement<DocRow, [string]>;
    saleLines: Statement<LineRow, [string]>;
    returnLines: Statement<LineRow, [string]>;
    product: Statement<Product, [string]>;
    firstDay: Statement<unknown, [string]>;
  };
  readonly #u: {
    products: SummaryUpsert;
    chainProducts: SummaryUpsert;
    lifetimes: SummaryUpsert;
    groups: SummaryUpsert;
    chainGroups: SummaryUpsert;
    hours: SummaryUpsert;
    cashiers: SummaryUpsert;
    customers: SummaryUpsert;
    customerTotals: SummaryUpsert;
  };
  /** The day a document counts on, as the sales writer gives it (else read back from its row). */
  readonly #dayOf: ((storeId: string, at: string) => string) | null;
  /** Products' cost and category read while folding (the catalog does not change inside a batch). */
  #catalog: Map<string, Product | null> | null = null;
  /** Customers whose first day a void may have moved, looked up again when the fold is written. */
  #firstDaysToFind = new Set<string>();

  constructor(sqlite: Database, options: { dayOf?: (storeId: string, at: string) => string } = {}) {
    this.#dayOf = options.dayOf ?? null;
    this.#s = {
      sale: sqlite.query(`SELECT ${DOC}, status FROM hq_sales WHERE id = ?1`),
      saleDay: sqlite.query("SELECT day FROM hq_sales WHERE id = ?1"),
      returnDay: sqlite.query("SELECT day FROM hq_returns WHERE id = ?1"),
      ret: sqlite.query(`SELECT ${DOC}, 'completed' AS status FROM hq_returns WHERE id = ?1`),
      saleLines: sqlite.query(`SELECT ${LINE} FROM hq_sale_lines WHERE sale_id = ?1`),
      returnLines: sqlite.query(`SELECT ${LINE} FROM hq_return_lines WHERE return_id = ?1`),
      product: sqlite.query("SELECT cost_minor AS cost, category FROM hq_products WHERE code = ?1"),
      // The first day with an order left, through the summary's index on customer and day.
      firstDay: sqlite.query(
        `UPDATE hq_sum_customer_lifetimes SET first_day = (SELECT min(day) FROM hq_sum_customers
           WHERE customer_id = ?1 AND orders_count > 0) WHERE customer_id = ?1`,
      ),
    };
    const keep = ["name", "department", "category"];
    const upsert = (table: string, keys: string[], figures: string[], kept: string[] = []) =>
      new SummaryUpsert(sqlite, { table, keys, figures, keep: kept });
    this.#u = {
      products: upsert("hq_sum_products", ["day", "store_id", "code"], MONEY, keep),
      chainProducts: upsert("hq_sum_chain_products", ["day", "code"], MONEY, keep),
      lifetimes: new SummaryUpsert(sqlite, {
        table: "hq_sum_customer_lifetimes",
        keys: ["customer_id"],
        figures: ["orders_count", "net_minor"],
        earliest: ["first_day"],
      }),
      groups: upsert("hq_sum_groups", ["day", "store_id", "kind", "key"], MONEY),
      chainGroups: upsert("hq_sum_chain_groups", ["day", "kind", "key"], MONEY),
      hours: upsert(
        "hq_sum_hours",
        ["day", "store_id", "hour"],
        ["sales_count", "returns_count", "net_minor", "tax_minor", "total_minor"],
      ),
      cashiers: upsert(
        "hq_sum_cashiers",
        ["day", "store_id", "cashier_id"],
        ["sales_count", "net_minor", "voids_count", "voids_minor", "refunds_count", "refunds_minor"],
      ),
      customers: upsert("hq_sum_customers", ["day", "store_id", "customer_id"], CUSTOMER_FIGURES),
      customerTotals: upsert("hq_sum_customer_totals", ["day", "store_id"], CUSTOMER_FIGURES),
    };
  }

  /**
   * Runs fn with the summaries added up in memory and written once at its end, each row once
   * (see summary-upsert.ts); nothing is written if fn throws. Inside it, nothing may read the
   * summary tables. Nested, it just runs fn.
   */
  fold<R>(fn: () => R): R {
    if (this.#catalog !== null) return fn();
    this.#catalog = new Map();
    try {
      const result = folding(Object.values(this.#u), fn);
      for (const customerId of this.#firstDaysToFind) this.#s.firstDay.run(customerId);
      return result;
    } finally {
      this.#catalog = null;
      this.#firstDaysToFind.clear();
    }
  }

  #product(code: string): Product | null {
    const catalog = this.#catalog;
    if (catalog === null) return this.#s.product.get(code);
    let product = catalog.get(code);
    if (product === undefined) {
      product = this.#s.product.get(code);
      catalog.set(code, product);
    }
    return product;
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
    const day =
      p.day ??
      this.#dayOf?.(storeId, p.at) ??
      (kind === "sale" ? this.#s.saleDay : this.#s.returnDay).get(id)?.day;
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
    this.#u.cashiers.add({
      ...this.#cashierZero(doc),
      voids_count: 1,
      voids_minor: doc.totalMinor,
    });
    // The sale taken out may have been the customer's first order.
    if (doc.customerId === null) return;
    if (this.#catalog === null) this.#s.firstDay.run(doc.customerId);
    else this.#firstDaysToFind.add(doc.customerId);
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
    this.#u.hours.add({
      ...key,
      hour: Number(doc.at.slice(11, 13)),
      sales_count: count,
      returns_count: returns,
      net_minor: sign * net,
      tax_minor: sign * doc.taxMinor,
      total_minor: sign * doc.totalMinor,
    });
    this.#u.cashiers.add({
      ...this.#cashierZero(doc),
      sales_count: count,
      net_minor: kind === "sale" ? sign * net : 0,
      refunds_count: returns,
      refunds_minor: kind === "return" ? doc.totalMinor : 0,
    });
    if (doc.customerId !== null) {
      const figures = { orders_count: count, returns_count: returns, net_minor: sign * net };
      this.#u.customers.add({ ...key, customer_id: doc.customerId, ...figures });
      this.#u.customerTotals.add({ ...key, ...figures });
      this.#u.lifetimes.add({
        customer_id: doc.customerId,
        orders_count: count,
        net_minor: sign * net,
        first_day: count > 0 ? doc.day : null,
      });
    }
    // A line's total is after discounts, with its tax inside when the store prices gross and
    // without it when net; the document tells which (as the chain reports read it, queries.ts).
    const lineTotal = lines.reduce((s, l) => s + l.totalMinor, 0);
    const gross = Math.abs(lineTotal - doc.totalMinor) <= Math.abs(lineTotal + doc.taxMinor - doc.totalMinor);
    for (const line of lines) {
      const catalog = this.#product(line.code);
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
      this.#u.products.add({ ...key, ...row });
      this.#u.chainProducts.add({ day: doc.day, ...row });
      this.#u.groups.add({ ...key, kind: "department", key: department, ...figures });
      this.#u.groups.add({ ...key, kind: "category", key: category, ...figures });
      this.#u.chainGroups.add({ day: doc.day, kind: "department", key: department, ...figures });
      this.#u.chainGroups.add({ day: doc.day, kind: "category", key: category, ...figures });
    }
  }
}
