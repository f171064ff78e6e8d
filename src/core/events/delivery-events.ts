/**
 * Version 1 payloads of deliveries and the cash book: a delivery created, assigned or moved
 * on (never its address or phone: they stay at the store), and each entry of the cash book.
 */
import { z } from "zod";
import { id, moneyMinor, reasonText, refId, signedMinor, tillId, utcTimestamp } from "./fields.ts";

export const DELIVERY_STATUSES = ["accepted", "preparing", "on_the_way", "delivered", "failed"] as const;

export const deliveryChangedV1 = z.strictObject({
  deliveryId: id,
  action: z.enum(["created", "courier_assigned", "status", "handed_in"]),
  orderId: id.nullable(),
  saleId: id.nullable(),
  status: z.enum(DELIVERY_STATUSES),
  courierId: refId.nullable(),
  feeMinor: moneyMinor,
  collectMinor: moneyMinor,
  /** Cash the courier holds for it (collected on delivery, until handed in). */
  collectedMinor: moneyMinor,
  userId: refId,
  at: utcTimestamp,
});

export const cashBookRecordedV1 = z.strictObject({
  entryId: id,
  kind: z.enum(["expense", "correction", "hand_in"]),
  shiftId: id,
  tillId,
  userId: refId,
  at: utcTimestamp,
  /** Effect on the drawer: negative out, positive in. */
  amountMinor: signedMinor,
  category: reasonText,
  note: z.string().max(500).nullable(),
  receiptRef: z.string().max(500).nullable(),
  correctsId: id.nullable(),
  courierId: refId.nullable(),
  deliveryIds: z.array(id).max(500),
  movementId: id,
});
