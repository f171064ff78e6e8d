/**
 * Customer groups: by hand (a customer's `groups`) or by a rule over questionnaire answers and
 * spend (see docs/customers.md). A group's rule is applied to a customer whenever the customer
 * changes, and to everyone by `POST /customer-groups/refresh` (spend moves with every sale).
 */
import { asc, count, eq } from "drizzle-orm";
import { customerGroupMembers, customerGroups, customers } from "../../../schema/hq.ts";
import type { GroupInput, GroupRule } from "../../api/hq/customers.ts";
import type { CatalogChange } from "../../core/catalog-changes.ts";
import { publishCommitted } from "../catalog/service.ts";
import type { HqContext, HqTx } from "../context.ts";
import { recordCustomer, recordGroup } from "./changes.ts";
import { CustomerError } from "./errors.ts";
import type { Answer } from "./fields.ts";
import type { CustomersService } from "./service.ts";

type GroupRow = typeof customerGroups.$inferSelect;

export function groupAnswer(tx: HqTx, row: GroupRow) {
  const members =
    tx.select({ n: count() }).from(customerGroupMembers).where(eq(customerGroupMembers.groupId, row.id)).get()
      ?.n ?? 0;
  return {
    id: row.id,
    name: row.name,
    discount: row.discountBp === null ? null : { percent: row.discountBp / 100 },
    rule: row.rule === null ? null : (JSON.parse(row.rule) as GroupRule),
    members,
  };
}

export class GroupsService {
  constructor(
    private readonly ctx: HqContext,
    private readonly customers: CustomersService,
  ) {}

  list() {
    return this.ctx.db.transaction((tx) =>
      tx
        .select()
        .from(customerGroups)
        .orderBy(asc(customerGroups.id))
        .all()
        .map((r) => groupAnswer(tx, r)),
    );
  }

  get(id: string) {
    return this.ctx.db.transaction((tx) => {
      const row = tx.select().from(customerGroups).where(eq(customerGroups.id, id)).get();
      if (!row) throw new CustomerError("GROUP_NOT_FOUND", `no customer group "${id}"`, { id });
      return groupAnswer(tx, row);
    });
  }

  /** Creates the group, or replaces its name, discount and rule; a new rule is applied at once. */
  upsert(input: GroupInput): { group: ReturnType<typeof groupAnswer>; created: boolean } {
    const now = this.ctx.now();
    const at = now.toISOString();
    const { group, created, changes } = this.ctx.db.transaction((tx) => {
      const existing = tx.select().from(customerGroups).where(eq(customerGroups.id, input.id)).get();
      const values = {
        name: input.name,
        discountBp: input.discount ? Math.round(input.discount.percent * 100) : null,
        rule: input.rule ? JSON.stringify(input.rule) : null,
        updatedAt: at,
      };
      if (existing) tx.update(customerGroups).set(values).where(eq(customerGroups.id, input.id)).run();
      else
        tx.insert(customerGroups)
          .values({ id: input.id, createdAt: at, ...values })
          .run();
      const changes: CatalogChange[] = [recordGroup(tx, input.id, now)];
      if (input.rule || existing?.rule) changes.push(...this.refreshInTx(tx, now).changes);
      const row = tx.select().from(customerGroups).where(eq(customerGroups.id, input.id)).get();
      if (!row) throw new Error(`group ${input.id} vanished after it was saved`);
      return { group: groupAnswer(tx, row), created: !existing, changes };
    });
    publishCommitted(this.ctx, changes);
    return { group, created };
  }

  /** Applies every rule to every live customer. */
  refresh() {
    const now = this.ctx.now();
    const { result, changes } = this.ctx.db.transaction((tx) => this.refreshInTx(tx, now));
    publishCommitted(this.ctx, changes);
    return result;
  }

  private refreshInTx(tx: HqTx, now: Date) {
    const before = new Map<string, number>(
      tx
        .select({ id: customerGroups.id })
        .from(customerGroups)
        .all()
        .map((g) => [g.id, 0]),
    );
    const membersOf = () => {
      const m = new Map<string, Set<string>>();
      for (const r of tx.select().from(customerGroupMembers).all()) {
        const set = m.get(r.groupId) ?? new Set<string>();
        set.add(r.customerId);
        m.set(r.groupId, set);
      }
      return m;
    };
    const old = membersOf();
    const changes: CatalogChange[] = [];
    const live = tx
      .select()
      .from(customers)
      .all()
      .filter((c) => c.mergedInto === null && c.erasedAt === null);
    for (const c of live) {
      const hand = tx
        .select({ groupId: customerGroupMembers.groupId, source: customerGroupMembers.source })
        .from(customerGroupMembers)
        .where(eq(customerGroupMembers.customerId, c.id))
        .all()
        .filter((r) => r.source === "hand")
        .map((r) => r.groupId);
      const fields = JSON.parse(c.fields) as Record<string, Answer>;
      if (this.customers.setMembership(tx, c.id, hand, fields, now))
        changes.push(recordCustomer(tx, c.id, now));
    }
    const fresh = membersOf();
    const groups = [...before.keys()].map((id) => {
      const was = old.get(id) ?? new Set<string>();
      const is = fresh.get(id) ?? new Set<string>();
      return {
        id,
        members: is.size,
        added: [...is].filter((c) => !was.has(c)).length,
        removed: [...was].filter((c) => !is.has(c)).length,
      };
    });
    return { result: { groups }, changes };
  }
}
