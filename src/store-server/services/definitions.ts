/**
 * The store's services: a product of its catalog made a service (its duration and staff) or a
 * package of visits of a service, and the commission rules. Defining one is audited and journaled.
 */
import { asc, eq } from "drizzle-orm";
import { commissionRules, products, services, users } from "../../../schema/store.ts";
import type {
  CommissionRule,
  CommissionRuleRequest,
  ServiceAnswer,
  ServiceRequest,
} from "../../api/store/services.ts";
import { recordAudit } from "../audit/service.ts";
import type { Principal } from "../auth/tokens.ts";
import type { StoreContext, StoreDb, StoreTx } from "../context.ts";
import { ServicesError } from "./errors.ts";

type ServiceRow = typeof services.$inferSelect;
type RuleRow = typeof commissionRules.$inferSelect;

export function toRule(row: RuleRow): CommissionRule {
  return {
    id: row.id,
    staffId: row.staffId,
    serviceCode: row.serviceCode,
    category: row.category,
    percent: row.percent,
    fixedMinor: row.fixedMinor,
    origin: row.origin,
  };
}

export function serviceRow(db: StoreDb | StoreTx, code: string): ServiceRow | undefined {
  return db.select().from(services).where(eq(services.code, code)).get();
}

function productOf(db: StoreDb | StoreTx, code: string): { name: string; priceMinor: number } | undefined {
  return db
    .select({ name: products.name, priceMinor: products.priceMinor })
    .from(products)
    .where(eq(products.code, code))
    .get();
}

/** A service as answered: its row with the product's name and price. */
export function toService(
  row: ServiceRow,
  product: { name: string; priceMinor: number } | undefined,
): ServiceAnswer {
  return {
    code: row.code,
    name: product?.name ?? row.code,
    kind: row.kind,
    durationMin: row.durationMin,
    staffIds: JSON.parse(row.staffIds) as string[],
    serviceCode: row.serviceCode,
    visits: row.visits,
    priceMinor: product?.priceMinor ?? 0,
    origin: row.origin,
  };
}

/** A service by code, or SERVICE_NOT_FOUND (a package is not bookable). */
export function requireBookableService(db: StoreDb | StoreTx, code: string): ServiceAnswer {
  const row = serviceRow(db, code);
  if (row === undefined || row.kind !== "service") {
    throw new ServicesError(
      "SERVICE_NOT_FOUND",
      `${code} is not a service of this store: define it with POST /services (kind "service")`,
      { serviceCode: code },
    );
  }
  return toService(row, productOf(db, code));
}

/** An active user of the store, or STAFF_NOT_FOUND. */
export function requireStaff(db: StoreDb | StoreTx, staffId: string): { id: string; name: string } {
  const user = db
    .select({ id: users.id, name: users.name, active: users.active })
    .from(users)
    .where(eq(users.id, staffId))
    .get();
  if (user === undefined || !user.active) {
    throw new ServicesError("STAFF_NOT_FOUND", `no active staff member has the id ${staffId}`, { staffId });
  }
  return { id: user.id, name: user.name };
}

/** A definition head office sent is head office's to change: the store's own write is refused. */
function refuseHqDefinition(existing: { origin: "store" | "hq" } | undefined, what: string): void {
  if (existing?.origin === "hq") {
    throw new ServicesError(
      "DEFINED_AT_HQ",
      `${what} is defined at head office, which wins for it: change it there (or use another id)`,
      { what },
    );
  }
}

export class ServiceDefinitions {
  constructor(private readonly ctx: StoreContext) {}

  define(request: ServiceRequest, principal: Principal): ServiceAnswer {
    const product = productOf(this.ctx.db, request.code);
    if (product === undefined) {
      throw new ServicesError(
        "PRODUCT_NOT_FOUND",
        `no product has the code ${request.code}: a service is a product of the catalog, add it first`,
        { code: request.code },
      );
    }
    if (request.kind === "service") {
      for (const staffId of request.staffIds) requireStaff(this.ctx.db, staffId);
    } else {
      requireBookableService(this.ctx.db, request.serviceCode);
    }
    refuseHqDefinition(serviceRow(this.ctx.db, request.code), `service ${request.code}`);
    const at = this.ctx.now();
    const row: ServiceRow = {
      code: request.code,
      kind: request.kind,
      durationMin: request.kind === "service" ? request.durationMin : null,
      staffIds: JSON.stringify(request.kind === "service" ? [...new Set(request.staffIds)] : []),
      serviceCode: request.kind === "package" ? request.serviceCode : null,
      visits: request.kind === "package" ? request.visits : null,
      updatedAt: at.toISOString(),
      origin: "store",
    };
    this.ctx.db.transaction((tx) => {
      tx.insert(services).values(row).onConflictDoUpdate({ target: services.code, set: row }).run();
      recordAudit(
        this.ctx,
        tx,
        {
          action: "service.defined",
          at,
          userId: principal.userId,
          tillId: principal.tillId,
          refId: request.code,
          detail: {
            kind: row.kind,
            durationMin: row.durationMin,
            serviceCode: row.serviceCode,
            visits: row.visits,
          },
        },
        true,
      );
    });
    return toService(row, product);
  }

  list(): ServiceAnswer[] {
    return this.ctx.db
      .select()
      .from(services)
      .leftJoin(products, eq(products.code, services.code))
      .orderBy(asc(services.code))
      .all()
      .map((r) => toService(r.services, r.products ?? undefined));
  }

  addRule(request: CommissionRuleRequest, principal: Principal): { rule: CommissionRule; created: boolean } {
    const existing = this.ctx.db
      .select()
      .from(commissionRules)
      .where(eq(commissionRules.id, request.id))
      .get();
    const row: RuleRow = {
      id: request.id,
      staffId: request.staffId ?? null,
      serviceCode: request.serviceCode ?? null,
      category: request.category ?? null,
      percent: request.percent ?? null,
      fixedMinor: request.fixedMinor ?? null,
      createdAt: this.ctx.now().toISOString(),
      origin: existing?.origin ?? "store",
    };
    if (existing) {
      const same = JSON.stringify(toRule(existing)) === JSON.stringify(toRule(row));
      if (same) return { rule: toRule(existing), created: false };
      refuseHqDefinition(existing, `commission rule ${request.id}`);
      throw new ServicesError(
        "COMMISSION_RULE_ID_REUSED",
        `commission rule ${request.id} already exists with other terms: a new rule needs a new id`,
        { id: request.id },
      );
    }
    if (row.staffId !== null) requireStaff(this.ctx.db, row.staffId);
    if (row.serviceCode !== null && serviceRow(this.ctx.db, row.serviceCode) === undefined) {
      requireBookableService(this.ctx.db, row.serviceCode);
    }
    const at = this.ctx.now();
    this.ctx.db.transaction((tx) => {
      tx.insert(commissionRules).values(row).run();
      recordAudit(
        this.ctx,
        tx,
        {
          action: "commission_rule.added",
          at,
          userId: principal.userId,
          tillId: principal.tillId,
          refId: row.id,
          detail: toRule(row),
        },
        true,
      );
    });
    return { rule: toRule(row), created: true };
  }

  rules(): CommissionRule[] {
    return this.ctx.db
      .select()
      .from(commissionRules)
      .orderBy(asc(commissionRules.createdAt))
      .all()
      .map(toRule);
  }
}
