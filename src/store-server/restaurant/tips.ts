/** Tips left on paid checks, per waiter, for a shift's report (the checks' sales in that shift). */
import { and, eq, gt, sql } from "drizzle-orm";
import { sales, tableChecks, users } from "../../../schema/store.ts";
import type { WaiterTips } from "../../api/store/shifts.ts";
import type { StoreDb, StoreTx } from "../context.ts";

export function tipsOfShift(db: StoreDb | StoreTx, shiftId: string): WaiterTips[] {
  return db
    .select({
      waiterId: tableChecks.waiterId,
      name: users.name,
      tipMinor: sql<number>`sum(${tableChecks.tipMinor})`,
      checks: sql<number>`count(*)`,
    })
    .from(tableChecks)
    .innerJoin(sales, eq(sales.id, tableChecks.saleId))
    .leftJoin(users, eq(users.id, tableChecks.waiterId))
    .where(and(eq(sales.shiftId, shiftId), eq(sales.status, "completed"), gt(tableChecks.tipMinor, 0)))
    .groupBy(tableChecks.waiterId)
    .orderBy(tableChecks.waiterId)
    .all()
    .map((row) => ({ ...row, name: row.name ?? null }));
}
