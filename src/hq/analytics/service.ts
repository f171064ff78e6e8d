/**
 * Chain analytics from the summary tables: daily sales against the same weekday a week and a
 * year earlier, profit per product, departments, categories, hours, cashiers, customers, and
 * stock value per site. Nothing here knows HTTP.
 */
import type { Database } from "bun:sqlite";
import type {
  ChainCashierQuery,
  ChainCashiersAnswer,
  ChainCategoryQuery,
  ChainCustomersAnswer,
  ChainDailyAnswer,
  ChainDepartmentQuery,
  ChainGroupsAnswer,
  ChainHoursAnswer,
  ChainProductQuery,
  ChainProductsAnswer,
  ChainQuery,
  ChainSitesAnswer,
  ChainSitesQuery,
} from "../../api/hq/analytics.ts";
import { MAX_REPORT_RANGE_DAYS } from "../../core/report-figures.ts";
import type { HqDialect } from "../db/dialect.ts";
import { InvalidRangeError } from "../errors.ts";
import {
  cashiersSql,
  customersSql,
  daysSql,
  groupsSql,
  hoursSql,
  type ProductSort,
  productsSql,
  SITES_SQL,
  STORE_PARAMS_FROM,
} from "./queries.ts";

type Param = string | number | null;
const DAY_MS = 86_400_000;

/** A filter list as the summaries store it: "-" names the empty key (no department, …). */
function keys(list: readonly string[] | undefined): string | null {
  return list === undefined ? null : JSON.stringify(list.map((k) => (k === "-" ? "" : k)));
}

function shift(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

interface DayRow {
  salesCount: number;
  returnsCount: number;
  netMinor: number;
  taxMinor: number;
  totalMinor: number;
}

/** The customers report's row (customersSql). */
interface CustomerFigures {
  customers: number;
  orders: number;
  netMinor: number;
  newCustomers: number;
  lifetimeOrders: number;
  lifetimeNetMinor: number;
}

const NO_CUSTOMERS: CustomerFigures = {
  customers: 0,
  orders: 0,
  netMinor: 0,
  newCustomers: 0,
  lifetimeOrders: 0,
  lifetimeNetMinor: 0,
};

const NO_SALES: DayRow = { salesCount: 0, returnsCount: 0, netMinor: 0, taxMinor: 0, totalMinor: 0 };

export class ChainAnalyticsService {
  constructor(
    private readonly sqlite: Database,
    private readonly dialect: HqDialect,
  ) {}

  #all<T>(sql: string, ...params: Param[]): T[] {
    return this.sqlite.query<T, Param[]>(sql).all(...params);
  }

  /**
   * A report's query made for the stores of `q` (the whole chain without them), with its
   * parameters and then the stores one by one from STORE_PARAMS_FROM on.
   */
  #report<T>(q: ChainQuery, sql: (stores: number | null) => string, ...params: Param[]): T[] {
    if (q.stores === undefined) return this.#all<T>(sql(null), ...params);
    const padding = Array.from({ length: STORE_PARAMS_FROM - 1 - params.length }, () => null);
    // No store at all matches nothing: one store parameter that is null.
    const stores = q.stores.length === 0 ? [null] : q.stores;
    return this.#all<T>(sql(stores.length), ...params, ...padding, ...stores);
  }

  /** The range's parameters, refused when it runs backwards or is too long. */
  #range(q: ChainQuery): [string, string, string | null] {
    const days = (Date.parse(q.to) - Date.parse(q.from)) / DAY_MS + 1;
    if (days < 1) throw new InvalidRangeError("INVALID_RANGE", `to (${q.to}) is before from (${q.from})`, q);
    if (days > MAX_REPORT_RANGE_DAYS) {
      throw new InvalidRangeError(
        "RANGE_TOO_LONG",
        `the range ${q.from}…${q.to} spans ${days} days; ask for at most ${MAX_REPORT_RANGE_DAYS} at a time`,
        { from: q.from, to: q.to, days },
      );
    }
    return [q.from, q.to, keys(q.stores)];
  }

  #head(q: ChainQuery) {
    return { from: q.from, to: q.to, stores: q.stores ?? null };
  }

  daily(q: ChainQuery): ChainDailyAnswer {
    const [from, to, stores] = this.#range(q);
    const read = (offset: number) =>
      new Map(
        this.#report<DayRow & { day: string }>(
          q,
          daysSql,
          shift(from, -offset),
          shift(to, -offset),
          stores,
        ).map((r) => [r.day, r]),
      );
    const now = read(0);
    const week = read(7);
    const year = read(364);
    const days: ChainDailyAnswer["days"] = [];
    for (let date = from; date <= to; date = shift(date, 1)) {
      const { day: _day, ...figures } = now.get(date) ?? { day: date, ...NO_SALES };
      const compared = (m: Map<string, DayRow>, offset: number) => {
        const d = shift(date, -offset);
        const r = m.get(d);
        return { date: d, salesCount: r?.salesCount ?? 0, netMinor: r?.netMinor ?? 0 };
      };
      days.push({ date, ...figures, lastWeek: compared(week, 7), lastYear: compared(year, 364) });
    }
    return { ...this.#head(q), days };
  }

  products(q: ChainProductQuery): ChainProductsAnswer {
    const [from, to, stores] = this.#range(q);
    const sort: ProductSort = q.sort;
    const products = this.#report<ChainProductsAnswer["products"][number]>(
      q,
      (n) => productsSql(sort, n),
      from,
      to,
      stores,
      keys(q.departments),
      keys(q.categories),
      q.limit,
    );
    return { ...this.#head(q), products };
  }

  departments(q: ChainDepartmentQuery): ChainGroupsAnswer {
    return this.#groups(q, "department", q.departments);
  }

  categories(q: ChainCategoryQuery): ChainGroupsAnswer {
    return this.#groups(q, "category", q.categories);
  }

  #groups(q: ChainQuery, kind: "department" | "category", only: string[] | undefined): ChainGroupsAnswer {
    const [from, to, stores] = this.#range(q);
    const groups = this.#report<ChainGroupsAnswer["groups"][number]>(
      q,
      groupsSql,
      from,
      to,
      stores,
      keys(only),
      kind,
    );
    return { ...this.#head(q), groups };
  }

  hours(q: ChainQuery): ChainHoursAnswer {
    const byHour = new Map(
      this.#report<DayRow & { hour: number }>(q, hoursSql, ...this.#range(q)).map((r) => [r.hour, r]),
    );
    const hours = Array.from({ length: 24 }, (_, hour) => ({ ...NO_SALES, ...byHour.get(hour), hour }));
    return { ...this.#head(q), hours };
  }

  cashiers(q: ChainCashierQuery): ChainCashiersAnswer {
    const cashiers = this.#report<ChainCashiersAnswer["cashiers"][number]>(
      q,
      cashiersSql,
      ...this.#range(q),
      keys(q.cashiers),
    );
    return { ...this.#head(q), cashiers };
  }

  customers(q: ChainQuery): ChainCustomersAnswer {
    const form = this.dialect.customersInRange;
    const [r = NO_CUSTOMERS] = this.#report<CustomerFigures>(
      q,
      (stores) => customersSql(stores, form),
      ...this.#range(q),
    );
    const per = (x: number, n: number) => (n === 0 ? 0 : Math.round(x / n));
    return {
      ...this.#head(q),
      customers: r.customers,
      orders: r.orders,
      netMinor: r.netMinor,
      averageOrderMinor: per(r.netMinor, r.orders),
      newCustomers: r.newCustomers,
      returningCustomers: r.customers - r.newCustomers,
      lifetime: {
        orders: r.lifetimeOrders,
        netMinor: r.lifetimeNetMinor,
        averageValueMinor: per(r.lifetimeNetMinor, r.customers),
        averageOrders: r.customers === 0 ? 0 : Math.round((r.lifetimeOrders / r.customers) * 100) / 100,
      },
    };
  }

  sites(q: ChainSitesQuery): ChainSitesAnswer {
    const sites = this.#all<ChainSitesAnswer["sites"][number]>(SITES_SQL, keys(q.stores));
    return { stores: q.stores ?? null, sites, totalValueMinor: sites.reduce((s, x) => s + x.valueMinor, 0) };
  }
}
