/** Shapes of `GET /serials/:serial`: a serial number's history at this store. */
import { z } from "zod";

export const serialParamsSchema = z.object({
  serial: z.string().trim().min(1, "give a serial number").max(64, "must be at most 64 characters"),
});

export const SERIAL_STATUSES = ["in_stock", "sold", "returned"] as const;

const unitHistorySchema = z.object({
  code: z.string(),
  /** Where the unit is now: in stock, sold (and not returned) or returned. */
  status: z.enum(SERIAL_STATUSES),
  /** Stock documents (receipts) that brought the unit in. */
  received: z.array(z.object({ documentId: z.string(), number: z.int(), at: z.string() })),
  sold: z.array(z.object({ saleId: z.string(), receiptNo: z.string(), at: z.string() })),
  returned: z.array(z.object({ returnId: z.string(), receiptNo: z.string(), at: z.string() })),
});

export const serialHistoryAnswerSchema = z.object({
  serial: z.string(),
  /** The status of the unit last moved (one unit per product code may carry the serial). */
  status: z.enum(SERIAL_STATUSES),
  units: z.array(unitHistorySchema),
});
export type SerialHistory = z.infer<typeof serialHistoryAnswerSchema>;
export type SerialUnitHistory = z.infer<typeof unitHistorySchema>;
