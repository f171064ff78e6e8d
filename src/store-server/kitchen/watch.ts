/**
 * Kitchen displays waiting for tickets (`GET /kitchen/tickets?…&wait=`): the same bounded waiting
 * room as the tills' catalog changes (one per store), woken when a ticket changes.
 */
import { perStoreWatch } from "../catalog/watch.ts";

/** The kitchen's watch of the store whose database this is (made when first asked). */
export const kitchenWatchOf = perStoreWatch();
