/** The label scales at head office: each store's as it last reported them in its journal. */
import { asc, eq } from "drizzle-orm";
import { hqScaleHealth, stores } from "../../../schema/hq.ts";
import type { HqScaleHealth } from "../../api/hq/scales.ts";
import type { HqContext } from "../context.ts";
import { UnknownStoreError } from "../errors.ts";

type Row = typeof hqScaleHealth.$inferSelect;

function view(row: Row): HqScaleHealth {
  return {
    storeId: row.storeId,
    id: row.scaleId,
    protocol: row.protocol,
    reachable: Boolean(row.reachable),
    state: row.state,
    lastSyncAt: row.lastSyncAt,
    plusSent: row.plusSent,
    plusTotal: row.plusTotal,
    programming: row.programming as HqScaleHealth["programming"],
    error:
      row.errorCode === null ? null : { code: row.errorCode, message: row.errorMessage ?? row.errorCode },
    reportedAt: row.reportedAt,
  };
}

/** One store's scales (UnknownStoreError for a store head office does not know). */
export function scalesOfStore(ctx: HqContext, storeId: string): HqScaleHealth[] {
  const known = ctx.db.select({ id: stores.storeId }).from(stores).where(eq(stores.storeId, storeId)).get();
  if (known === undefined) throw new UnknownStoreError(storeId);
  return ctx.db
    .select()
    .from(hqScaleHealth)
    .where(eq(hqScaleHealth.storeId, storeId))
    .orderBy(asc(hqScaleHealth.scaleId))
    .all()
    .map(view);
}

/** Every store's scales, by store and scale. */
export function chainScales(ctx: HqContext): HqScaleHealth[] {
  return ctx.db
    .select()
    .from(hqScaleHealth)
    .orderBy(asc(hqScaleHealth.storeId), asc(hqScaleHealth.scaleId))
    .all()
    .map(view);
}
