/**
 * Services and staff commission rules at head office (`POST /services`, `POST /commission-rules`):
 * kept, and recorded in the change log in the same transaction, so every store has them with the
 * catalog. A definition is replaced by posting it again under its code or id (the log keeps the
 * latest, under a new sequence number); posting the same one again records nothing. A rule is
 * ended with `active: false`.
 */
import { asc, eq } from "drizzle-orm";
import { hqCategories, hqCommissionRules, hqProducts, hqServices, hqUsers } from "../../../schema/hq.ts";
import { ALL_STORES, type CatalogChange } from "../../core/catalog-changes.ts";
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

function checkService(tx: HqTx, definition: ServiceDefinition): void {
  const product = tx
    .select({ code: hqProducts.code })
    .from(hqProducts)
    .where(eq(hqProducts.code, definition.code))
    .get();
  if (product === undefined) {
    throw new HqServicesError(
      "PRODUCT_NOT_FOUND",
      `no product has the code ${definition.code}: a service is a product of the catalog, add it first`,
      { code: definition.code },
    );
  }
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
  if (rule.category !== undefined) {
    const category = tx
      .select({ id: hqCategories.id })
      .from(hqCategories)
      .where(eq(hqCategories.id, rule.category))
      .get();
    if (category === undefined) {
      throw new HqServicesError(
        "CATEGORY_NOT_FOUND",
        `no category has the id ${rule.category}: add it with POST /categories first`,
        { category: rule.category },
      );
    }
  }
}

/** Keeps a definition under its key and logs it for every store, unless it is already kept as it is. */
function keep(
  ctx: HqContext,
  tx: HqTx,
  existing: { body: string; createdAt: string } | undefined,
  body: object,
  write: (row: { body: string; createdAt: string; updatedAt: string }) => void,
  change: Omit<NewChange, "storeId">,
): CatalogChange | null {
  const text = JSON.stringify(body);
  if (existing?.body === text) return null;
  const at = ctx.now();
  write({ body: text, createdAt: existing?.createdAt ?? at.toISOString(), updatedAt: at.toISOString() });
  return recordChange(tx, { storeId: ALL_STORES, ...change }, at);
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
    const { created, change } = this.ctx.db.transaction((tx) => {
      checkService(tx, definition);
      const existing = tx.select().from(hqServices).where(eq(hqServices.code, value.code)).get();
      const change = keep(
        this.ctx,
        tx,
        existing,
        value,
        (row) => {
          const full = { code: value.code, ...row };
          tx.insert(hqServices).values(full).onConflictDoUpdate({ target: hqServices.code, set: full }).run();
        },
        { kind: "service", key: value.code, value },
      );
      return { created: existing === undefined, change };
    });
    if (change !== null) publishCommitted(this.ctx, [change]);
    return { service: value, created };
  }

  /** Defines, replaces or ends a rule (answers whether it is new), recorded for every store. */
  defineRule(rule: CommissionRuleDefinition): { rule: CommissionRuleChangeValue; created: boolean } {
    const { created, change, value } = this.ctx.db.transaction((tx) => {
      checkRule(tx, rule);
      const value = commissionRuleValueOf(rule);
      const existing = tx.select().from(hqCommissionRules).where(eq(hqCommissionRules.id, value.id)).get();
      const change = keep(
        this.ctx,
        tx,
        existing,
        value,
        (row) => {
          const full = { id: value.id, active: value.active, ...row };
          tx.insert(hqCommissionRules)
            .values(full)
            .onConflictDoUpdate({ target: hqCommissionRules.id, set: full })
            .run();
        },
        { kind: "commission_rule", key: value.id, value },
      );
      return { created: existing === undefined, change, value };
    });
    if (change !== null) publishCommitted(this.ctx, [change]);
    return { rule: value, created };
  }
}
