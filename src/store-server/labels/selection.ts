/**
 * Which products get a shelf label: named codes (in the order given), a department's active
 * products, those whose price differs from the price they had at a date (new ones included:
 * the catalog journal's `product.upserted` events say what each product cost when), or those
 * whose price differs from what this template's labels last showed.
 */
import { and, asc, eq, gt, inArray, lte, sql } from "drizzle-orm";
import { departments, events, labelPrints, products } from "../../../schema/store.ts";
import type { LabelPrintRequest } from "../../api/store/labels.ts";
import type { StoreContext } from "../context.ts";
import { LabelsError } from "./errors.ts";

export type LabelProduct = typeof products.$inferSelect;

const productCode = sql<string>`json_extract(${events.payload}, '$.code')`;
const productPrice = sql<number | null>`json_extract(${events.payload}, '$.priceMinor')`;

/** The start of a date at the store (its time zone), or a UTC time as given. */
function instantOf(ctx: StoreContext, since: string): string {
  if (since.includes("T")) return new Date(since).toISOString();
  // The store's offset at noon of that day, applied to its midnight.
  const noonUtc = new Date(`${since}T12:00:00Z`);
  const local = new Date(noonUtc.toLocaleString("en-US", { timeZone: ctx.settings.timeZone }));
  const utc = new Date(noonUtc.toLocaleString("en-US", { timeZone: "UTC" }));
  return new Date(new Date(`${since}T00:00:00Z`).getTime() - (local.getTime() - utc.getTime())).toISOString();
}

function byCodes(ctx: StoreContext, codes: readonly string[]): LabelProduct[] {
  const unique = [...new Set(codes)];
  const found = ctx.db.select().from(products).where(inArray(products.code, unique)).all();
  const byCode = new Map(found.map((p) => [p.code, p]));
  const missing = unique.filter((c) => !byCode.has(c));
  if (missing.length > 0) {
    throw new LabelsError(
      "LABEL_UNKNOWN_PRODUCT",
      `codes: no product ${missing.slice(0, 10).join(", ")}${missing.length > 10 ? ` and ${missing.length - 10} more` : ""}; nothing was printed`,
      { missing },
    );
  }
  return unique.flatMap((c) => {
    const p = byCode.get(c);
    return p === undefined ? [] : [p];
  });
}

function byDepartment(ctx: StoreContext, departmentId: string): LabelProduct[] {
  const department = ctx.db.select().from(departments).where(eq(departments.id, departmentId)).get();
  if (department === undefined) {
    throw new LabelsError("LABEL_UNKNOWN_DEPARTMENT", `departmentId: no department ${departmentId}`, {
      departmentId,
    });
  }
  return ctx.db
    .select()
    .from(products)
    .where(and(eq(products.department, departmentId), eq(products.active, true)))
    .orderBy(asc(products.code))
    .all();
}

function changedSinceDate(ctx: StoreContext, since: string): LabelProduct[] {
  const at = instantOf(ctx, since);
  const touched = ctx.db
    .selectDistinct({ code: productCode })
    .from(events)
    .where(and(eq(events.type, "product.upserted"), gt(events.at, at)))
    .all()
    .map((r) => r.code);
  if (touched.length === 0) return [];
  const before = new Map<string, number | null>();
  for (const row of ctx.db
    .select({ code: productCode, price: productPrice, seq: events.seq })
    .from(events)
    .where(and(eq(events.type, "product.upserted"), lte(events.at, at), inArray(productCode, touched)))
    .orderBy(asc(events.seq))
    .all()) {
    before.set(row.code, row.price);
  }
  return ctx.db
    .select()
    .from(products)
    .where(and(inArray(products.code, touched), eq(products.active, true)))
    .orderBy(asc(products.code))
    .all()
    .filter((p) => before.get(p.code) !== p.priceMinor);
}

function changedSinceLastPrint(ctx: StoreContext, template: string): LabelProduct[] {
  const rows = ctx.db
    .select({ product: products, printed: labelPrints.priceMinor })
    .from(products)
    .leftJoin(
      labelPrints,
      and(eq(labelPrints.productCode, products.code), eq(labelPrints.template, template)),
    )
    .where(eq(products.active, true))
    .orderBy(asc(products.code))
    .all();
  return rows.filter((r) => r.printed !== r.product.priceMinor).map((r) => r.product);
}

export function selectLabelProducts(ctx: StoreContext, request: LabelPrintRequest): LabelProduct[] {
  if (request.codes !== undefined) return byCodes(ctx, request.codes);
  if (request.departmentId !== undefined) return byDepartment(ctx, request.departmentId);
  if (request.changedSince === "last-print") return changedSinceLastPrint(ctx, request.template);
  return changedSinceDate(ctx, request.changedSince ?? "");
}
