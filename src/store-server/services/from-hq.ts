/**
 * Services and commission rules head office defines, applied at the store. Head office's
 * definition wins over the store's own for the same code or rule id (it replaces it, and the
 * store's API then refuses to change it: `DEFINED_AT_HQ`); the store's other definitions stay.
 * Each entry is whole, so applying one again changes nothing. Each application is audited and
 * journaled, naming head office as the one who made it.
 */
import { and, eq } from "drizzle-orm";
import { commissionRules, services } from "../../../schema/store.ts";
import type { CommissionRuleChangeValue, ServiceChangeValue } from "../../core/services/definitions.ts";
import { recordAudit } from "../audit/service.ts";
import type { StoreContext, StoreTx } from "../context.ts";

/** Who the audit names for definitions that came from head office. */
const HQ = "hq";

/** Whether a row already holds a definition (but for its time stamp): applying it again is nothing. */
function sameExcept<T extends object>(existing: T, row: T, stamp: keyof T): boolean {
  const strip = (r: T) => JSON.stringify(Object.entries({ ...r, [stamp]: null }).sort());
  return strip(existing) === strip(row);
}

export function applyHqService(ctx: StoreContext, tx: StoreTx, value: ServiceChangeValue, at: Date): void {
  const row = {
    code: value.code,
    kind: value.kind,
    durationMin: value.durationMin,
    staffIds: JSON.stringify(value.staffIds),
    serviceCode: value.serviceCode,
    visits: value.visits,
    updatedAt: at.toISOString(),
    origin: "hq" as const,
  };
  const existing = tx.select().from(services).where(eq(services.code, value.code)).get();
  if (existing !== undefined && sameExcept(existing, row, "updatedAt")) return;
  tx.insert(services).values(row).onConflictDoUpdate({ target: services.code, set: row }).run();
  recordAudit(
    ctx,
    tx,
    {
      action: "service.defined",
      at,
      refId: value.code,
      detail: {
        kind: value.kind,
        durationMin: value.durationMin,
        serviceCode: value.serviceCode,
        visits: value.visits,
        definedBy: HQ,
      },
    },
    true,
  );
}

/** A rule in force is kept (replacing the store's own of that id); an ended one is removed. */
export function applyHqCommissionRule(
  ctx: StoreContext,
  tx: StoreTx,
  value: CommissionRuleChangeValue,
  at: Date,
): void {
  const { active, ...terms } = value;
  const existing = tx.select().from(commissionRules).where(eq(commissionRules.id, value.id)).get();
  if (active) {
    const row = { ...terms, createdAt: existing?.createdAt ?? at.toISOString(), origin: "hq" as const };
    if (existing !== undefined && sameExcept(existing, row, "createdAt")) return;
    tx.insert(commissionRules).values(row).onConflictDoUpdate({ target: commissionRules.id, set: row }).run();
  } else {
    if (existing?.origin !== "hq") return;
    tx.delete(commissionRules)
      .where(and(eq(commissionRules.id, value.id), eq(commissionRules.origin, "hq")))
      .run();
  }
  recordAudit(
    ctx,
    tx,
    {
      action: active ? "commission_rule.added" : "commission_rule.ended",
      at,
      refId: value.id,
      detail: { ...terms, definedBy: HQ },
    },
    true,
  );
}
