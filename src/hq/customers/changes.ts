/**
 * Customers, groups and cards into the change log stores replicate from (kinds `customer`,
 * `customer_group`, `card`, every store), inside the transaction that changes them; the caller
 * hands the entries to the publisher after the commit.
 */
import { and, eq } from "drizzle-orm";
import {
  accountBalances,
  cards,
  customerGroupMembers,
  customerGroups,
  customers,
} from "../../../schema/hq.ts";
import { ALL_STORES, type CatalogChange } from "../../core/catalog-changes.ts";
import { recordChange } from "../catalog/change-log.ts";
import type { HqTx } from "../context.ts";

export function groupIdsOf(tx: HqTx, customerId: string): string[] {
  return tx
    .select({ groupId: customerGroupMembers.groupId })
    .from(customerGroupMembers)
    .where(eq(customerGroupMembers.customerId, customerId))
    .all()
    .map((r) => r.groupId)
    .sort();
}

export function recordCustomer(tx: HqTx, id: string, at: Date): CatalogChange {
  const row = tx.select().from(customers).where(eq(customers.id, id)).get();
  if (!row) throw new Error(`customer ${id} vanished before it was recorded`);
  return recordChange(
    tx,
    {
      storeId: ALL_STORES,
      kind: "customer",
      key: id,
      value: {
        id,
        name: row.name,
        phone: row.phone,
        email: row.email,
        birthday: row.birthday,
        groups: groupIdsOf(tx, id),
        mergedInto: row.mergedInto,
        erased: row.erasedAt !== null,
      },
    },
    at,
  );
}

export function recordGroup(tx: HqTx, id: string, at: Date): CatalogChange {
  const row = tx.select().from(customerGroups).where(eq(customerGroups.id, id)).get();
  if (!row) throw new Error(`group ${id} vanished before it was recorded`);
  return recordChange(
    tx,
    {
      storeId: ALL_STORES,
      kind: "customer_group",
      key: id,
      value: { id, name: row.name, discountBp: row.discountBp },
    },
    at,
  );
}

export function balanceOf(tx: HqTx, card: string, unit: "points" | "money" | "account"): number {
  return (
    tx
      .select({ balance: accountBalances.balance })
      .from(accountBalances)
      .where(and(eq(accountBalances.card, card), eq(accountBalances.unit, unit)))
      .get()?.balance ?? 0
  );
}

export function recordCard(tx: HqTx, number: string, at: Date): CatalogChange {
  const row = tx.select().from(cards).where(eq(cards.number, number)).get();
  if (!row) throw new Error(`card ${number} vanished before it was recorded`);
  return recordChange(
    tx,
    {
      storeId: ALL_STORES,
      kind: "card",
      key: number,
      value: {
        number,
        kind: row.kind,
        customerId: row.customerId,
        blocked: row.blockedAt !== null,
        replacedBy: row.replacedBy,
        expiresAt: row.expiresAt,
        points: balanceOf(tx, number, "points"),
        balanceMinor: balanceOf(tx, number, "money"),
      },
    },
    at,
  );
}
