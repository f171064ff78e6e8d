/**
 * Head office's customers, customer groups and cards into the store's copy (each entry whole,
 * so applying one again changes nothing). An erased customer's personal data is overwritten.
 */
import { storeCards, storeCustomerGroups, storeCustomers } from "../../../schema/store.ts";
import type { CardAnswer } from "../../api/hq/accounts.ts";
import type {
  CardChangeValue,
  CustomerChangeValue,
  CustomerGroupChangeValue,
} from "../../core/customer-changes.ts";
import type { StoreTx } from "../context.ts";

export function applyCustomer(tx: StoreTx, value: CustomerChangeValue, at: string): void {
  const row = {
    name: value.name,
    nameKey: value.erased ? "" : value.name.toLowerCase(),
    phone: value.phone,
    email: value.email,
    birthday: value.birthday,
    groups: JSON.stringify(value.groups),
    mergedInto: value.mergedInto,
    erased: value.erased,
    updatedAt: at,
  };
  tx.insert(storeCustomers)
    .values({ id: value.id, ...row })
    .onConflictDoUpdate({ target: storeCustomers.id, set: row })
    .run();
}

export function applyCustomerGroup(tx: StoreTx, value: CustomerGroupChangeValue, at: string): void {
  const row = { name: value.name, discountBp: value.discountBp, updatedAt: at };
  tx.insert(storeCustomerGroups)
    .values({ id: value.id, ...row })
    .onConflictDoUpdate({ target: storeCustomerGroups.id, set: row })
    .run();
}

/** Head office's answer for a card (issued, blocked…) into the store's copy, before replication brings it. */
export function applyCardAnswer(tx: StoreTx, card: CardAnswer, at: string): void {
  applyCard(
    tx,
    {
      number: card.number,
      kind: card.kind,
      customerId: card.customerId,
      blocked: card.blocked,
      replacedBy: card.replacedBy ?? null,
      expiresAt: card.expiresAt ?? null,
      points: card.points,
      balanceMinor: card.balanceMinor,
    },
    at,
  );
}

export function applyCard(tx: StoreTx, value: CardChangeValue, at: string): void {
  const row = {
    kind: value.kind,
    customerId: value.customerId,
    blocked: value.blocked,
    replacedBy: value.replacedBy,
    expiresAt: value.expiresAt,
    points: value.points,
    balanceMinor: value.balanceMinor,
    asOf: at,
  };
  tx.insert(storeCards)
    .values({ number: value.number, ...row })
    .onConflictDoUpdate({ target: storeCards.number, set: row })
    .run();
}
