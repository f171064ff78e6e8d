/**
 * A courier hands in the cash collected at the door: one cash book entry puts the sum of the
 * named deliveries into the drawer of a till's open register session, and marks each of them
 * handed in; an order among them paid at the door becomes its sale (`cash-on-delivery.ts`). Each
 * delivery must be the courier's, delivered, with cash collected, not handed in, and the cash
 * counted (`amountMinor`) must be what they collected.
 */
import { inArray } from "drizzle-orm";
import { deliveries } from "../../../schema/store.ts";
import type { CashBookEntry, HandInInput } from "../../api/store/cash-book.ts";
import { sha256Hex } from "../../core/sha256.ts";
import { AUDIT_ACTIONS } from "../audit/actions.ts";
import type { Principal } from "../auth/tokens.ts";
import { entryView, existingEntry, writeEntry } from "../cash-book/entries.ts";
import { registerOf } from "../cash-book/service.ts";
import type { StoreContext } from "../context.ts";
import { actorId } from "../users/access.ts";
import { collectPaidAtDoor } from "./cash-on-delivery.ts";
import { DeliveryError } from "./errors.ts";
import { deliveryRow } from "./model.ts";

export function handIn(ctx: StoreContext, input: HandInInput, principal: Principal): CashBookEntry {
  const tillId = registerOf(principal, input.tillId, "handing in a courier's cash");
  const by = actorId(principal);
  const ids = [...new Set(input.deliveryIds)].sort();
  const requestHash = sha256Hex(JSON.stringify({ kind: "hand_in", ...input, deliveryIds: ids, tillId }));
  const at = ctx.now();
  return ctx.db.transaction((tx) => {
    const existing = existingEntry(tx, input.id, requestHash);
    if (existing) return entryView(existing, ids);
    let total = 0;
    const atDoor: { orderId: string; feeMinor: number }[] = [];
    for (const id of ids) {
      const row = deliveryRow(tx, id);
      const refuse = (why: string) => {
        throw new DeliveryError("NOT_HANDED_IN", `delivery ${id} ${why}: nothing was handed in`, {
          deliveryId: id,
          status: row.status,
          courierId: row.courierId,
          handInId: row.handInId,
        });
      };
      if (row.courierId !== input.courierId) refuse(`is not courier ${input.courierId}'s`);
      if (row.status !== "delivered") refuse(`is ${row.status}, not delivered`);
      if (row.handInId !== null) refuse(`was already handed in (${row.handInId})`);
      if (row.collectedMinor === 0) refuse("collected no cash");
      total += row.collectedMinor;
      if (row.orderId !== null) atDoor.push({ orderId: row.orderId, feeMinor: row.feeMinor });
    }
    if (input.amountMinor !== total) {
      throw new DeliveryError(
        "HAND_IN_AMOUNT_MISMATCH",
        `the deliveries collected ${total} minor units, not ${input.amountMinor}: count the courier's cash again; nothing was handed in`,
        { collectedMinor: total, amountMinor: input.amountMinor, courierId: input.courierId },
      );
    }
    const entry = writeEntry(
      ctx,
      tx,
      {
        id: input.id,
        kind: "hand_in",
        tillId,
        userId: by,
        amountMinor: total,
        category: "courier",
        courierId: input.courierId,
        deliveryIds: ids,
        requestHash,
        audit: AUDIT_ACTIONS.cashHandIn,
      },
      at,
    );
    tx.update(deliveries)
      .set({ handInId: input.id, updatedAt: at.toISOString() })
      .where(inArray(deliveries.id, ids))
      .run();
    const collected = collectPaidAtDoor(ctx, tx, atDoor, { tillId, courierId: input.courierId }, principal);
    return { ...entry, collected };
  });
}
