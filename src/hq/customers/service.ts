/**
 * Customers at head office: create, read, search, change, merge, export and erase. Every change
 * is recorded in the change log (stores replicate customers) in the same transaction, and handed
 * to the publisher after the commit. Nothing here knows HTTP.
 */
import { and, asc, eq, gt, inArray, isNull, like, or, type SQL } from "drizzle-orm";
import {
  accountEntries,
  cards,
  customerGroupMembers,
  customerGroups,
  customerNotificationOutbox,
  customers,
  hqSales,
} from "../../../schema/hq.ts";
import type {
  CustomerAnswer,
  CustomerInput,
  CustomerPatch,
  CustomersQuery,
  GroupRule,
} from "../../api/hq/customers.ts";
import type { CatalogChange } from "../../core/catalog-changes.ts";
import { uuidv7 } from "../../core/ids.ts";
import { publishCommitted } from "../catalog/service.ts";
import type { HqContext, HqTx } from "../context.ts";
import { groupIdsOf, recordCard, recordCustomer } from "./changes.ts";
import { CustomerError } from "./errors.ts";
import { type Answer, listFields, mergeAnswers } from "./fields.ts";
import { ruleHolds } from "./rules.ts";

type CustomerRow = typeof customers.$inferSelect;

/** What an erased customer is called (their sales keep the id, nothing else). */
export const ERASED_NAME = "(erased)";
const DAY_MS = 86_400_000;

export type UpsertOutcome = "created" | "updated" | "unchanged";

function parseJson<T>(text: string): T {
  return JSON.parse(text) as T;
}

export class CustomersService {
  constructor(private readonly ctx: HqContext) {}

  answer(tx: HqTx, row: CustomerRow): CustomerAnswer {
    return {
      id: row.id,
      name: row.name,
      phone: row.phone,
      email: row.email,
      birthday: row.birthday,
      address: row.address,
      consents: parseJson<Record<string, boolean>>(row.consents),
      groups: groupIdsOf(tx, row.id),
      fields: parseJson<Record<string, Answer>>(row.fields),
      notes: row.notes,
      cards: tx
        .select({ number: cards.number })
        .from(cards)
        .where(eq(cards.customerId, row.id))
        .orderBy(asc(cards.number))
        .all()
        .map((c) => c.number),
      mergedInto: row.mergedInto,
      erased: row.erasedAt !== null,
      createdAt: row.createdAt,
      updatedAt: row.updatedAt,
    };
  }

  private row(tx: HqTx, id: string): CustomerRow {
    const row = tx.select().from(customers).where(eq(customers.id, id)).get();
    if (!row) throw new CustomerError("CUSTOMER_NOT_FOUND", `no customer "${id}"`, { id });
    return row;
  }

  /** A customer that may still change: not merged away, not erased. */
  private live(tx: HqTx, id: string, role = "the customer"): CustomerRow {
    const row = this.row(tx, id);
    if (row.mergedInto !== null) {
      throw new CustomerError(
        "CUSTOMER_MERGED",
        `${role} "${id}" was merged into "${row.mergedInto}": use that customer instead`,
        { id, mergedInto: row.mergedInto },
      );
    }
    if (row.erasedAt !== null) {
      throw new CustomerError("CUSTOMER_ERASED", `${role} "${id}" was erased on request and cannot change`, {
        id,
      });
    }
    return row;
  }

  get(id: string): CustomerAnswer {
    return this.ctx.db.transaction((tx) => this.answer(tx, this.row(tx, id)));
  }

  /** Customers (not merged away, not erased) that match, in id order, a page at a time. */
  search(query: CustomersQuery): { customers: CustomerAnswer[]; next: string | null } {
    const where: (SQL | undefined)[] = [isNull(customers.mergedInto), isNull(customers.erasedAt)];
    if (query.after !== undefined) where.push(gt(customers.id, query.after));
    const byCard = (number: string) =>
      inArray(
        customers.id,
        this.ctx.db
          .select({ id: cards.customerId })
          .from(cards)
          .where(eq(cards.number, number))
          .all()
          .flatMap((c) => (c.id === null ? [] : [c.id])),
      );
    const byName = (name: string) =>
      like(customers.nameKey, `%${name.toLowerCase().replace(/[%_\\]/g, "")}%`);
    if (query.name !== undefined) where.push(byName(query.name));
    if (query.phone !== undefined) where.push(eq(customers.phone, query.phone));
    if (query.email !== undefined) where.push(eq(customers.email, query.email));
    if (query.card !== undefined) where.push(byCard(query.card));
    if (query.q !== undefined) {
      const q = query.q;
      const digits = q.replace(/[\s().-]/g, "");
      where.push(
        or(
          byName(q),
          eq(customers.email, q.toLowerCase()),
          /^\+?\d{6,15}$/.test(digits) ? eq(customers.phone, digits) : undefined,
          byCard(q),
        ),
      );
    }
    return this.ctx.db.transaction((tx) => {
      const rows = tx
        .select()
        .from(customers)
        .where(and(...where))
        .orderBy(asc(customers.id))
        .limit(query.limit + 1)
        .all();
      const page = rows.slice(0, query.limit);
      return {
        customers: page.map((r) => this.answer(tx, r)),
        next: rows.length > query.limit ? (page.at(-1)?.id ?? null) : null,
      };
    });
  }

  create(input: CustomerInput): CustomerAnswer {
    const now = this.ctx.now();
    const { answer, changes } = this.ctx.db.transaction((tx) => {
      const id = input.id ?? uuidv7(now.getTime());
      if (tx.select({ id: customers.id }).from(customers).where(eq(customers.id, id)).get()) {
        throw new CustomerError(
          "CUSTOMER_EXISTS",
          `a customer "${id}" already exists: change it with PATCH`,
          {
            id,
          },
        );
      }
      this.insert(tx, id, input, now);
      return { answer: this.answer(tx, this.row(tx, id)), changes: [recordCustomer(tx, id, now)] };
    });
    publishCommitted(this.ctx, changes);
    return answer;
  }

  /** For imports: creates the customer, or changes it to match (by id); the same row twice changes nothing. */
  upsertInTx(
    tx: HqTx,
    input: CustomerInput & { id: string },
    now: Date,
  ): { outcome: UpsertOutcome; change?: CatalogChange } {
    const existing = tx.select().from(customers).where(eq(customers.id, input.id)).get();
    if (!existing) {
      this.insert(tx, input.id, input, now);
      return { outcome: "created", change: recordCustomer(tx, input.id, now) };
    }
    const before = JSON.stringify(this.answer(tx, existing));
    const { id: _id, ...patch } = input;
    this.update(tx, existing, patch, now, true);
    const after = this.answer(tx, this.row(tx, input.id));
    if (JSON.stringify({ ...after, updatedAt: existing.updatedAt }) === before) {
      // Put the time back: an unchanged row is not a change.
      tx.update(customers).set({ updatedAt: existing.updatedAt }).where(eq(customers.id, input.id)).run();
      return { outcome: "unchanged" };
    }
    return { outcome: "updated", change: recordCustomer(tx, input.id, now) };
  }

  patch(id: string, patch: CustomerPatch): CustomerAnswer {
    const now = this.ctx.now();
    const { answer, changes } = this.ctx.db.transaction((tx) => {
      const row = this.live(tx, id);
      this.update(tx, row, patch, now, false);
      return { answer: this.answer(tx, this.row(tx, id)), changes: [recordCustomer(tx, id, now)] };
    });
    publishCommitted(this.ctx, changes);
    return answer;
  }

  private insert(tx: HqTx, id: string, input: Omit<CustomerInput, "id">, now: Date): void {
    const at = now.toISOString();
    const fields = mergeAnswers(listFields(tx), {}, input.fields ?? {});
    tx.insert(customers)
      .values({
        id,
        name: input.name,
        nameKey: input.name.toLowerCase(),
        phone: input.phone ?? null,
        email: input.email ?? null,
        birthday: input.birthday ?? null,
        address: input.address ?? null,
        consents: JSON.stringify(input.consents ?? {}),
        fields: JSON.stringify(fields),
        notes: input.notes ?? null,
        createdAt: at,
        updatedAt: at,
      })
      .run();
    this.setMembership(tx, id, input.groups ?? [], fields, now);
  }

  private update(tx: HqTx, row: CustomerRow, patch: CustomerPatch, now: Date, revive: boolean): void {
    if (!revive) this.live(tx, row.id);
    const fields =
      patch.fields === undefined
        ? parseJson<Record<string, Answer>>(row.fields)
        : mergeAnswers(listFields(tx), parseJson<Record<string, Answer>>(row.fields), patch.fields);
    const set: Partial<typeof customers.$inferInsert> = {
      updatedAt: now.toISOString(),
      fields: JSON.stringify(fields),
    };
    if (patch.name !== undefined) {
      set.name = patch.name;
      set.nameKey = patch.name.toLowerCase();
    }
    if (patch.phone !== undefined) set.phone = patch.phone;
    if (patch.email !== undefined) set.email = patch.email;
    if (patch.birthday !== undefined) set.birthday = patch.birthday;
    if (patch.address !== undefined) set.address = patch.address;
    if (patch.notes !== undefined) set.notes = patch.notes;
    if (patch.consents !== undefined) {
      set.consents = JSON.stringify({
        ...parseJson<Record<string, boolean>>(row.consents),
        ...patch.consents,
      });
    }
    tx.update(customers).set(set).where(eq(customers.id, row.id)).run();
    const hand =
      patch.groups ??
      tx
        .select({ groupId: customerGroupMembers.groupId })
        .from(customerGroupMembers)
        .where(and(eq(customerGroupMembers.customerId, row.id), eq(customerGroupMembers.source, "hand")))
        .all()
        .map((r) => r.groupId);
    this.setMembership(tx, row.id, hand, fields, now);
  }

  /** The customer's spend over the last `days` days (all time without), theirs and of those merged into them. */
  spendMinor(id: string, now: Date, days: number | undefined): number {
    const since = days === undefined ? "" : new Date(now.getTime() - days * DAY_MS).toISOString();
    const row = this.ctx.sqlite
      .query<{ total: number }, [string, string]>(
        `SELECT coalesce(sum(total_minor), 0) AS total FROM hq_sales
         WHERE status = 'completed' AND at >= ?2
           AND customer_id IN (SELECT id FROM customers WHERE id = ?1 OR merged_into = ?1)`,
      )
      .get(id, since);
    return row?.total ?? 0;
  }

  /** Groups by hand as given; rule groups by their rules. Answers whether membership changed. */
  setMembership(
    tx: HqTx,
    id: string,
    hand: readonly string[],
    fields: Record<string, Answer>,
    now: Date,
  ): boolean {
    const groups = tx.select().from(customerGroups).all();
    const known = new Set(groups.map((g) => g.id));
    const unknown = hand.filter((g) => !known.has(g));
    if (unknown.length > 0) {
      throw new CustomerError(
        "UNKNOWN_GROUP",
        `no customer group ${unknown.map((g) => `"${g}"`).join(", ")}: create it with POST /api/v1/customer-groups first`,
        { groups: unknown },
      );
    }
    const before = groupIdsOf(tx, id).join(",");
    tx.delete(customerGroupMembers).where(eq(customerGroupMembers.customerId, id)).run();
    const members = new Map<string, "hand" | "rule">(hand.map((g) => [g, "hand"]));
    const spend = new Map<number | undefined, number>();
    const facts = {
      fields,
      spendMinor: (days: number | undefined) => {
        const cached = spend.get(days);
        if (cached !== undefined) return cached;
        const value = this.spendMinor(id, now, days);
        spend.set(days, value);
        return value;
      },
    };
    for (const g of groups) {
      if (g.rule === null || members.has(g.id)) continue;
      if (ruleHolds(parseJson<GroupRule>(g.rule), facts)) members.set(g.id, "rule");
    }
    if (members.size > 0) {
      tx.insert(customerGroupMembers)
        .values([...members].map(([groupId, source]) => ({ groupId, customerId: id, source })))
        .run();
    }
    return groupIdsOf(tx, id).join(",") !== before;
  }

  /**
   * Merges `id` into `into`: the cards, hand-given groups and answers `into` lacks move over,
   * and `id` answers from then on with `mergedInto`. Sales keep their customer id; reports count
   * them for `into`.
   */
  merge(id: string, into: string): CustomerAnswer {
    if (id === into) {
      throw new CustomerError("MERGE_INTO_SELF", `a customer cannot be merged into itself ("${id}")`, { id });
    }
    const now = this.ctx.now();
    const at = now.toISOString();
    const { answer, changes } = this.ctx.db.transaction((tx) => {
      const source = this.live(tx, id);
      const target = this.live(tx, into, "the customer to merge into");
      const moved = tx.select({ number: cards.number }).from(cards).where(eq(cards.customerId, id)).all();
      tx.update(cards).set({ customerId: into }).where(eq(cards.customerId, id)).run();
      const hand = tx
        .select({ groupId: customerGroupMembers.groupId })
        .from(customerGroupMembers)
        .where(
          and(inArray(customerGroupMembers.customerId, [id, into]), eq(customerGroupMembers.source, "hand")),
        )
        .all()
        .map((r) => r.groupId);
      const fields = {
        ...parseJson<Record<string, Answer>>(source.fields),
        ...parseJson<Record<string, Answer>>(target.fields),
      };
      tx.update(customers)
        .set({
          phone: target.phone ?? source.phone,
          email: target.email ?? source.email,
          birthday: target.birthday ?? source.birthday,
          address: target.address ?? source.address,
          fields: JSON.stringify(fields),
          updatedAt: at,
        })
        .where(eq(customers.id, into))
        .run();
      tx.update(customers).set({ mergedInto: into, updatedAt: at }).where(eq(customers.id, id)).run();
      // Customers merged into `id` earlier now point at `into` (one hop for every reader).
      tx.update(customers).set({ mergedInto: into }).where(eq(customers.mergedInto, id)).run();
      tx.delete(customerGroupMembers).where(eq(customerGroupMembers.customerId, id)).run();
      this.setMembership(tx, into, [...new Set(hand)], fields, now);
      return {
        answer: this.answer(tx, this.row(tx, into)),
        changes: [
          recordCustomer(tx, id, now),
          recordCustomer(tx, into, now),
          ...moved.map((c) => recordCard(tx, c.number, now)),
        ],
      };
    });
    publishCommitted(this.ctx, changes);
    return answer;
  }

  /** Everything head office holds about a customer (a privacy-law request). */
  exportData(id: string) {
    return this.ctx.db.transaction((tx) => {
      const row = this.row(tx, id);
      const ids = [
        id,
        ...tx
          .select({ id: customers.id })
          .from(customers)
          .where(eq(customers.mergedInto, id))
          .all()
          .map((r) => r.id),
      ];
      const cardRows = tx
        .select()
        .from(cards)
        .where(inArray(cards.customerId, ids))
        .orderBy(asc(cards.number))
        .all();
      const numbers = cardRows.map((c) => c.number);
      return {
        exportedAt: this.ctx.now().toISOString(),
        customer: this.answer(tx, row),
        cards: cardRows.map((c) => ({
          number: c.number,
          kind: c.kind,
          blocked: c.blockedAt !== null,
          expiresAt: c.expiresAt,
          createdAt: c.createdAt,
        })),
        ledger: tx
          .select()
          .from(accountEntries)
          .where(inArray(accountEntries.card, numbers))
          .orderBy(asc(accountEntries.id))
          .all()
          .map((e) => ({
            card: e.card,
            unit: e.unit,
            type: e.type,
            amount: e.amount,
            at: e.at,
            storeId: e.storeId,
            saleId: e.saleId,
          })),
        sales: tx
          .select({
            id: hqSales.id,
            storeId: hqSales.storeId,
            at: hqSales.at,
            totalMinor: hqSales.totalMinor,
            status: hqSales.status,
          })
          .from(hqSales)
          .where(inArray(hqSales.customerId, ids))
          .orderBy(asc(hqSales.at))
          .all(),
      };
    });
  }

  /**
   * Erases a customer's personal data on request: profile, answers, notes, consents and groups
   * go, the id stays (sales and card balances keep it, anonymised), and waiting notifications
   * about them are dropped. Stores are told to forget them too.
   */
  erase(id: string): CustomerAnswer {
    const now = this.ctx.now();
    const at = now.toISOString();
    const { answer, changes } = this.ctx.db.transaction((tx) => {
      const row = this.row(tx, id);
      if (row.erasedAt !== null) {
        throw new CustomerError("CUSTOMER_ERASED", `customer "${id}" was already erased`, { id });
      }
      tx.update(customers)
        .set({
          name: ERASED_NAME,
          nameKey: "",
          phone: null,
          email: null,
          birthday: null,
          address: null,
          consents: "{}",
          fields: "{}",
          notes: null,
          erasedAt: at,
          updatedAt: at,
        })
        .where(eq(customers.id, id))
        .run();
      tx.delete(customerGroupMembers).where(eq(customerGroupMembers.customerId, id)).run();
      tx.delete(customerNotificationOutbox).where(eq(customerNotificationOutbox.customerId, id)).run();
      return { answer: this.answer(tx, this.row(tx, id)), changes: [recordCustomer(tx, id, now)] };
    });
    publishCommitted(this.ctx, changes);
    return answer;
  }
}
