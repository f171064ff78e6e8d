/**
 * What a recorded sale does to services, in the sale's own transaction: a line with a staff
 * member earns their commission, a package line gives the customer a package of visits, and a
 * line paid by a package takes a visit off it (never below zero: the sale is then refused).
 */
import { and, eq, gte, inArray, sql } from "drizzle-orm";
import {
  commissionRules,
  commissions,
  customerPackages,
  packageVisits,
  products,
  services,
} from "../../../schema/store.ts";
import type { QuotedLine, SaleResponse } from "../../api/store/sales.ts";
import { uuidv7 } from "../../core/ids.ts";
import { commissionOf, ruleFor } from "../../core/services/commission.ts";
import type { StoreContext, StoreTx } from "../context.ts";
import { categoryChainOf } from "../promotions/book.ts";
import { ServicesError } from "./errors.ts";

export interface RecordedSale {
  sale: SaleResponse;
  customerId: string | null;
  shiftId: string | null;
  at: Date;
  day: string;
}

/** Whole units of a line (a package or a visit is counted in whole units). */
function units(line: QuotedLine): number {
  return Math.max(1, Math.round(line.qtyMilli / 1000));
}

export function recordServiceLines(ctx: StoreContext, tx: StoreTx, recorded: RecordedSale): void {
  const { sale } = recorded;
  const codes = [...new Set(sale.lines.map((l) => l.code))];
  const packages = new Map(
    tx
      .select()
      .from(services)
      .where(and(inArray(services.code, codes), eq(services.kind, "package")))
      .all()
      .map((row) => [row.code, row] as const),
  );
  const staffed = sale.lines.some((l) => l.staffId !== undefined);
  if (packages.size === 0 && !staffed && !sale.lines.some((l) => l.packageId !== undefined)) return;
  const rules = staffed ? tx.select().from(commissionRules).all() : [];
  const atIso = recorded.at.toISOString();
  sale.lines.forEach((line, i) => {
    const lineNo = i + 1;
    const pack = packages.get(line.code);
    if (pack !== undefined) sellPackage(tx, recorded, line, lineNo, pack);
    if (line.packageId !== undefined) takeVisit(tx, recorded, line, lineNo, line.packageId);
    if (line.staffId === undefined) return;
    const category =
      tx.select({ category: products.category }).from(products).where(eq(products.code, line.code)).get()
        ?.category ?? null;
    const input = {
      staffId: line.staffId,
      code: line.code,
      categories: categoryChainOf(ctx, category),
      qtyMilli: line.qtyMilli,
      netMinor: line.totalMinor - line.taxMinor,
    };
    const rule = ruleFor(rules, input);
    tx.insert(commissions)
      .values({
        saleId: sale.id,
        lineNo,
        staffId: line.staffId,
        code: line.code,
        baseMinor: input.netMinor,
        commissionMinor: rule === null ? 0 : commissionOf(rule, input),
        ruleId: rule?.id ?? null,
        shiftId: recorded.shiftId,
        at: atIso,
        day: recorded.day,
      })
      .run();
  });
}

function sellPackage(
  tx: StoreTx,
  recorded: RecordedSale,
  line: QuotedLine,
  lineNo: number,
  pack: typeof services.$inferSelect,
): void {
  if (recorded.customerId === null) {
    throw new ServicesError(
      "PACKAGE_NEEDS_CUSTOMER",
      `line ${lineNo} sells the package ${line.code}: a package belongs to a customer, attach one to the sale`,
      { lineNo, code: line.code },
    );
  }
  const visits = (pack.visits ?? 0) * units(line);
  tx.insert(customerPackages)
    .values({
      id: uuidv7(recorded.at.getTime()),
      customerId: recorded.customerId,
      packageCode: line.code,
      serviceCode: pack.serviceCode ?? line.code,
      visitsTotal: visits,
      visitsLeft: visits,
      saleId: recorded.sale.id,
      lineNo,
      createdAt: recorded.at.toISOString(),
    })
    .run();
}

function takeVisit(
  tx: StoreTx,
  recorded: RecordedSale,
  line: QuotedLine,
  lineNo: number,
  packageId: string,
): void {
  const pack = tx.select().from(customerPackages).where(eq(customerPackages.id, packageId)).get();
  if (pack === undefined) {
    throw new ServicesError("PACKAGE_NOT_FOUND", `line ${lineNo}: no package has the id ${packageId}`, {
      lineNo,
      packageId,
    });
  }
  if (pack.serviceCode !== line.code) {
    throw new ServicesError(
      "PACKAGE_OTHER_SERVICE",
      `line ${lineNo}: package ${packageId} pays for ${pack.serviceCode}, not ${line.code}`,
      { lineNo, packageId, serviceCode: pack.serviceCode },
    );
  }
  if (recorded.customerId !== null && recorded.customerId !== pack.customerId) {
    throw new ServicesError(
      "PACKAGE_OTHER_CUSTOMER",
      `line ${lineNo}: package ${packageId} belongs to another customer than the sale's`,
      { lineNo, packageId },
    );
  }
  const taken = units(line);
  const updated = tx
    .update(customerPackages)
    .set({ visitsLeft: sql`${customerPackages.visitsLeft} - ${taken}` })
    .where(and(eq(customerPackages.id, packageId), gte(customerPackages.visitsLeft, taken)))
    .returning({ visitsLeft: customerPackages.visitsLeft })
    .get();
  if (updated === undefined) {
    const left = tx
      .select({ visitsLeft: customerPackages.visitsLeft })
      .from(customerPackages)
      .where(eq(customerPackages.id, packageId))
      .get();
    throw new ServicesError(
      "PACKAGE_USED_UP",
      `line ${lineNo}: package ${packageId} has ${left?.visitsLeft ?? 0} visit(s) left, the line takes ${taken}`,
      { lineNo, packageId, visitsLeft: left?.visitsLeft ?? 0 },
    );
  }
  tx.insert(packageVisits)
    .values({ saleId: recorded.sale.id, lineNo, packageId, at: recorded.at.toISOString() })
    .run();
}
