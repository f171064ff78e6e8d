/**
 * Kitchen displays waiting for tickets (`GET /kitchen/tickets?…&wait=`): the same bounded waiting
 * room as the tills' catalog changes (one per store), woken when a ticket changes.
 */
import type { Database } from "bun:sqlite";
import { CatalogWatch } from "../catalog/watch.ts";

const watches = new WeakMap<Database, CatalogWatch>();

/** The kitchen's watch of the store whose database this is (made when first asked). */
export function kitchenWatchOf(ctx: { sqlite: Database }): CatalogWatch {
  let watch = watches.get(ctx.sqlite);
  if (watch === undefined) {
    watch = new CatalogWatch();
    watches.set(ctx.sqlite, watch);
  }
  return watch;
}
