/**
 * A till or cashier in training never records a sale (core/training.ts): its sales stay at the
 * till, marked TRAINING, and only their trace reaches the audit log. One sent anyway is refused
 * before anything is written, so no report, stock, closure or head-office total counts it.
 */
import { inTraining } from "../../core/training.ts";
import type { StoreContext } from "../context.ts";
import { SaleError } from "./errors.ts";

export function refuseTrainingSale(
  ctx: StoreContext,
  tillId: string | null | undefined,
  cashierId: string | null | undefined,
): void {
  if (!inTraining(ctx.settings, tillId ?? "", cashierId)) return;
  throw new SaleError(
    "TRAINING_SALE",
    `till ${tillId ?? "(none)"}${cashierId ? ` (cashier ${cashierId})` : ""} is in training: its sales are kept at the till and never recorded`,
    { tillId: tillId ?? null, cashierId: cashierId ?? null },
  );
}
