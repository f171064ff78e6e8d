/**
 * Services and staff commission rules at head office (`POST /services`, `POST /commission-rules`):
 * kept, and recorded in the change log in the same transaction, so every store has them with the
 * catalog. A definition is replaced by posting it again under its code or id (the log keeps the
 * latest, under a new sequence number); posting the same one again records nothing. A rule is
 * ended with `active: false`.
 */
import { asc, eq } from "drizzle-orm";
import type { SQLiteColumn, SQLiteTable } from "drizzle-orm/sqlite-core";
import { hqCategories, hqCommissionRules, hqProducts, hqServices, hqUsers } from "../../../schema/hq.ts";
import { ALL_STORES } from "../../core/catalog-changes.ts";
import {
  type CommissionRuleChangeValue,
  type CommissionRuleDefinition,
  commissionRuleChangeValue,
  commissionRuleValueOf,
  commissionTermsFault,
  type ServiceChangeValue,
  type ServiceDefinition,
  serviceChangeValue,
  serviceValueOf,
} from "../../core/services/definitions.ts";
import { type NewChange, recordChange } from "../catalog/change-log.ts";
import { publishCommitted } from "../catalog/service.ts";
import type { HqContext, HqTx } from "../context.ts";
import { HqServicesError } from "./errors.ts";

function requireStaff(tx: HqTx, staffId: string): void {
  const user = tx.select({ active: hqUsers.active }).from(hqUsers).where(eq(hqUsers.id, staffId)).get();
  if (user === undefined || !user.active) {
    throw new HqServicesError("STAFF_NOT_FOUND", `no active user has the id ${staffId}`, { staffId });
  }
}

function serviceOf(tx: HqTx, code: string): ServiceChangeValue | undefined {
  const row = tx.select().from(hqServices).where(eq(hqServices.code, code)).get();
  return row === undefined ? undefined : serviceChangeValue.parse(JSON.parse(row.body));
}

/** A service (not a package) defined here, or SERVICE_NOT_FOUND. */
function requireService(tx: HqTx, code: string): void {
  if (serviceOf(tx, code)?.kind !== "service") {
    throw new HqServicesError(
      "SERVICE_NOT_FOUND",
      `${code} is not a service of head office: define it with POST /services (kind "service")`,
      { serviceCode: code },
    );
  }
}

/** Throws the error made by `missing` when no row of `table` has `value` in `column`. */
function requireRow(
  tx: HqTx,
  table: SQLiteTable,
  column: SQLiteColumn,
  value: string,
  missing: () => HqServicesError,
): void {
  if (tx.select({ key: column }).from(table).where(eq(column, value)).get() === undefined) throw missing();
}

function checkService(tx: HqTx, definition: ServiceDefinition): void {
  requireRow(tx, hqProducts, hqProducts.code, definition.code, () => {
    return new HqServicesError(
      "PRODUCT_NOT_FOUND",
      `no product has the code ${definition.code}: a service is a product of the catalog, add it first`,
      { code: definition.code },
    );
  });
  if (definition.kind === "service") for (const staffId of definition.staffIds) requireStaff(tx, staffId);
  else requireService(tx, definition.serviceCode);
}

function checkRule(tx: HqTx, rule: CommissionRuleDefinition): void {
  const fault = commissionTermsFault(rule);
  if (fault === "negative") {
    throw new HqServicesError(
      "COMMISSION_NEGATIVE",
      `commission rule ${rule.id}: a commission must not be negative`,
      {
        id: rule.id,
        ...(rule.percent === undefined ? { fixedMinor: rule.fixedMinor } : { percent: rule.percent }),
      },
    );
  }
  if (fault === "over_100") {
    throw new HqServicesError(
      "COMMISSION_PERCENT_OVER_100",
      `commission rule ${rule.id}: a percent of the service is at most 100, not ${rule.percent}`,
      { id: rule.id, percent: rule.percent },
    );
  }
  if (!rule.active) return;
  if (rule.staffId !== undefined) requireStaff(tx, rule.staffId);
  if (rule.serviceCode !== undefined) requireService(tx, rule.serviceCode);
  if (rule.category === undefined) return;
  const category = rule.category;
  requireRow(tx, hqCategories, hqCategories.id, category, () => {
    return new HqServicesError(
      "CATEGORY_NOT_FOUND",
      `no category has the id ${category}: add it with POST /categories first`,
      { category },
    );
  });
}

/** A definition as head office keeps it: its body (JSON) and when it was first defined. */
interface Kept {
  body: string;
  createdAt: string;
}

export class HqServicesService {
  constructor(private readonly ctx: HqContext) {}

  services(): ServiceChangeValue[] {
    return this.ctx.db
      .select()
      .from(hqServices)
      .orderBy(asc(hqServices.code))
      .all()
      .map((row) => serviceChangeValue.parse(JSON.parse(row.body)));
  }

  rules(all: boolean): CommissionRuleChangeValue[] {
    const base = this.ctx.db.select().from(hqCommissionRules);
    return (all ? base : base.where(eq(hqCommissionRules.active, true)))
      .orderBy(asc(hqCommissionRules.createdAt), asc(hqCommissionRules.id))
      .all()
      .map((row) => commissionRuleChangeValue.parse(JSON.parse(row.body)));
  }

  /** Defines or replaces a service or package (answers whether it is new), recorded for every store. */
  defineService(definition: ServiceDefinition): { service: ServiceChangeValue; created: boolean } {
    const value = serviceValueOf(definition);
    const created = this.keep(
      (tx) => {
        checkService(tx, definition);
        return tx.select().from(hqServices).where(eq(hqServices.code, value.code)).get();
      },
      (tx, row) => {
        const full = { code: value.code, ...row };
        tx.insert(hqServices).values(full).onConflictDoUpdate({ target: hqServices.code, set: full }).run();
      },
      { kind: "service", key: value.code, value },
    );
    return { service: value, created };
  }

  /** Defines, replaces or ends a rule (answers whether it is new), recorded for every store. */
  defineRule(rule: CommissionRuleDefinition): { rule: CommissionRuleChangeValue; created: boolean } {
    const value = commissionRuleValueOf(rule);
    const created = this.keep(
      (tx) => {
        checkRule(tx, rule);
        return tx.select().from(hqCommissionRules).where(eq(hqCommissionRules.id, value.id)).get();
      },
      (tx, row) => {
        const full = { id: value.id, active: value.active, ...row };
        tx.insert(hqCommissionRules)
          .values(full)
          .onConflictDoUpdate({ target: hqCommissionRules.id, set: full })
          .run();
      },
      { kind: "commission_rule", key: value.id, value },
    );
    return { rule: value, created };
  }

  /**
   * In one transaction: checks a definition and reads the one kept under its key (`existing`),
   * then keeps it and logs it for every store, unless it is kept as it is already; publishes
   * what it logged. Answers whether the key is new.
   */
  private keep(
    existing: (tx: HqTx) => Kept | undefined,
    write: (tx: HqTx, row: Kept & { updatedAt: string }) => void,
    change: Omit<NewChange, "storeId">,
  ): boolean {
    const text = JSON.stringify(change.value);
    const { created, logged } = this.ctx.db.transaction((tx) => {
      const kept = existing(tx);
      if (kept?.body === text) return { created: false, logged: null };
      const at = this.ctx.now();
      write(tx, { body: text, createdAt: kept?.createdAt ?? at.toISOString(), updatedAt: at.toISOString() });
      return {
        created: kept === undefined,
        logged: recordChange(tx, { storeId: ALL_STORES, ...change }, at),
      };
    });
    if (logged !== null) publishCommitted(this.ctx, [logged]);
    return created;
  }
}
