/**
 * Shapes of head office's chain analytics (`GET /reports/chain/…`), answered from the summary
 * tables ingest keeps (schema/hq-analytics.ts). Filters are comma-separated lists; each report
 * takes only the filters that apply to it and refuses the others. Business days from…to, both
 * included, at most MAX_REPORT_RANGE_DAYS. Money in minor units, quantities in milli-units.
 */
import { z } from "zod";
import { storeIdSchema } from "../../core/ids.ts";
import { reportDaySchema } from "../../core/report-figures.ts";

/** Most entries one filter list may hold. */
export const MAX_FILTER_ITEMS = 200;

/**
 * A comma-separated list (or the parameter repeated) of up to MAX_FILTER_ITEMS distinct
 * entries, each checked by `item`.
 */
function list(item: z.ZodString, what: string) {
  return z.preprocess(
    (v) =>
      typeof v === "string" || Array.isArray(v)
        ? [
            ...new Set(
              [v]
                .flat()
                .flatMap((s) => String(s).split(","))
                .map((s) => s.trim()),
            ),
          ]
        : v,
    z.array(item).min(1).max(MAX_FILTER_ITEMS, `name at most ${MAX_FILTER_ITEMS} ${what}`),
  );
}

const name = z.string().min(1, "must not be empty").max(64);

const base = {
  from: reportDaySchema,
  to: reportDaySchema,
  /** Only these stores (default: the whole chain). */
  stores: list(storeIdSchema, "stores").optional(),
};
const groups = {
  /** Only lines of these departments ("-" for lines without one). */
  departments: list(name, "departments").optional(),
  /** Only lines of products in these categories ("-" for products without one). */
  categories: list(name, "categories").optional(),
};

export const chainQuerySchema = z.strictObject(base);
export const chainDepartmentQuerySchema = z.strictObject({ ...base, departments: groups.departments });
export const chainCategoryQuerySchema = z.strictObject({ ...base, categories: groups.categories });
export const chainProductQuerySchema = z.strictObject({
  ...base,
  ...groups,
  sort: z.enum(["net", "margin", "qty"]).default("net"),
  limit: z.coerce.number().int().min(1).max(10_000).default(100),
});
export const chainCashierQuerySchema = z.strictObject({
  ...base,
  /** Only these cashiers ("-" for sales without one). */
  cashiers: list(name, "cashiers").optional(),
});
export const chainSitesQuerySchema = z.strictObject({ stores: base.stores });

export type ChainQuery = z.infer<typeof chainQuerySchema>;
export type ChainDepartmentQuery = z.infer<typeof chainDepartmentQuerySchema>;
export type ChainCategoryQuery = z.infer<typeof chainCategoryQuerySchema>;
export type ChainProductQuery = z.infer<typeof chainProductQuerySchema>;
export type ChainCashierQuery = z.infer<typeof chainCashierQuerySchema>;
export type ChainSitesQuery = z.infer<typeof chainSitesQuerySchema>;

const int = z.number().int();
const range = { from: z.string(), to: z.string(), stores: z.array(z.string()).nullable() };

const dayFigures = { salesCount: int, returnsCount: int, netMinor: int, taxMinor: int, totalMinor: int };
const compared = z.object({ date: z.string(), salesCount: int, netMinor: int });

export const chainDailyAnswerSchema = z.object({
  ...range,
  days: z.array(
    z.object({
      date: z.string(),
      ...dayFigures,
      /** The same weekday a week earlier, and 52 weeks (364 days) earlier. */
      lastWeek: compared,
      lastYear: compared,
    }),
  ),
});

const profit = {
  qtyMilli: int,
  netMinor: int,
  taxMinor: int,
  /** Catalog cost of the quantities that had one; margin is net less cost over those. */
  costMinor: int,
  marginMinor: int,
  uncostedNetMinor: int,
};

export const chainProductsAnswerSchema = z.object({
  ...range,
  products: z.array(
    z.object({ code: z.string(), name: z.string(), department: z.string(), category: z.string(), ...profit }),
  ),
});

export const chainGroupsAnswerSchema = z.object({
  ...range,
  groups: z.array(z.object({ key: z.string(), ...profit })),
});

export const chainHoursAnswerSchema = z.object({
  ...range,
  hours: z.array(z.object({ hour: int, ...dayFigures })),
});

export const chainCashiersAnswerSchema = z.object({
  ...range,
  cashiers: z.array(
    z.object({
      storeId: z.string(),
      cashierId: z.string(),
      salesCount: int,
      netMinor: int,
      voidsCount: int,
      voidsMinor: int,
      refundsCount: int,
      refundsMinor: int,
    }),
  ),
});

export const chainCustomersAnswerSchema = z.object({
  ...range,
  /** Customers who bought in the range, orders they placed and their net. */
  customers: int,
  orders: int,
  netMinor: int,
  averageOrderMinor: int,
  /** Of those customers: first purchase in the range (new) or before it (returning). */
  newCustomers: int,
  returningCustomers: int,
  /** Of the customers who bought in the range: their orders and net to date, over the whole chain. */
  lifetime: z.object({ orders: int, netMinor: int, averageValueMinor: int, averageOrders: z.number() }),
});

export const chainSitesAnswerSchema = z.object({
  stores: z.array(z.string()).nullable(),
  sites: z.array(
    z.object({
      storeId: z.string(),
      name: z.string().nullable(),
      products: int,
      onHandMilli: int,
      /** On hand × the catalog cost (positive quantities of products with a cost). */
      valueMinor: int,
      uncostedProducts: int,
    }),
  ),
  totalValueMinor: int,
});

export type ChainDailyAnswer = z.infer<typeof chainDailyAnswerSchema>;
export type ChainProductsAnswer = z.infer<typeof chainProductsAnswerSchema>;
export type ChainGroupsAnswer = z.infer<typeof chainGroupsAnswerSchema>;
export type ChainHoursAnswer = z.infer<typeof chainHoursAnswerSchema>;
export type ChainCashiersAnswer = z.infer<typeof chainCashiersAnswerSchema>;
export type ChainCustomersAnswer = z.infer<typeof chainCustomersAnswerSchema>;
export type ChainSitesAnswer = z.infer<typeof chainSitesAnswerSchema>;
