/**
 * Serial numbers on sales. A serial sold and not returned cannot be sold again; a till's sale as
 * rung is still recorded (it happened, and the customer has the receipt) with a price exception
 * of kind `serial` for the store to look into. A serial repeated within one document counts too.
 */
import { and, eq, lt, sql } from "drizzle-orm";
import { saleLines, sales } from "../../../schema/store.ts";
import type { RungSaleRequest } from "../../api/store/sales.ts";
import type { StoreContext } from "../context.ts";
import { SaleError } from "./errors.ts";
import type { PriceException } from "./exceptions.ts";

/** The sale that has `serial` sold and not returned, if any. */
export function openSaleOfSerial(db: StoreContext["db"], serial: string): string | null {
  const row = db
    .select({ saleId: saleLines.saleId })
    .from(saleLines)
    .innerJoin(sales, eq(sales.id, saleLines.saleId))
    .where(
      and(
        eq(saleLines.serial, serial),
        eq(sales.status, "completed"),
        lt(saleLines.returnedMilli, sql`${saleLines.qtyMilli}`),
      ),
    )
    .get();
  return row?.saleId ?? null;
}

/** A sale the store prices itself: a serial already sold (or twice in it) refuses the sale. */
export function refuseSoldSerials(
  db: StoreContext["db"],
  lines: readonly { code: string; serial?: string | undefined }[],
): void {
  const seen = new Set<string>();
  lines.forEach((line, i) => {
    if (line.serial === undefined) return;
    const soldIn = seen.has(line.serial) ? "this sale" : openSaleOfSerial(db, line.serial);
    seen.add(line.serial);
    if (soldIn === null) return;
    throw new SaleError(
      "SERIAL_SOLD",
      `lines.${i}.serial: serial ${line.serial} was already sold (${soldIn}) and not returned; check the unit`,
      { code: line.code, serial: line.serial, saleId: soldIn },
    );
  });
}

/** A `serial` exception for each line whose serial is already sold (or twice in the document). */
export function serialExceptions(db: StoreContext["db"], lines: RungSaleRequest["lines"]): PriceException[] {
  const out: PriceException[] = [];
  const seen = new Set<string>();
  lines.forEach((line, i) => {
    if (line.serial === undefined) return;
    const soldIn = seen.has(line.serial) ? "this sale" : openSaleOfSerial(db, line.serial);
    seen.add(line.serial);
    if (soldIn === null) return;
    out.push({
      lineNo: i + 1,
      code: line.code,
      kind: "serial",
      rungMinor: line.unitPriceMinor,
      catalogMinor: null,
      detail: `serial ${line.serial} was already sold (${soldIn}) and not returned`,
    });
  });
  return out;
}
