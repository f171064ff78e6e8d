/**
 * Training mode: a till, or a cashier at any till, named in the store's `training` settings
 * sells for practice. Such a sale is marked TRAINING on screen and on its receipt, is kept at
 * the till (its trace goes to the store's audit log as `training.sale`) and is never recorded
 * as a sale: no report, stock, closure, loyalty or head-office total counts it.
 */
import type { StoreSettings } from "./settings.ts";

export function inTraining(
  settings: Pick<StoreSettings, "training">,
  tillId: string,
  cashierId: string | null | undefined,
): boolean {
  const t = settings.training;
  return t.tills.includes(tillId) || (cashierId != null && t.cashiers.includes(cashierId));
}
