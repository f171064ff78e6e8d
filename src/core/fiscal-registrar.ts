/**
 * What a fiscal printer (registrar) did with a sale's receipt: printed it and kept it in its
 * fiscal memory under its own number, or could not (out of paper, no answer…). The sale as rung
 * carries it (`registrar`) and the store keeps it with the sale.
 */
import { z } from "zod";

export const REGISTRAR_FAILURES = ["paper-out", "timeout", "garbage", "refused", "offline"] as const;

export const registrarRecordSchema = z.discriminatedUnion("status", [
  z.strictObject({
    status: z.literal("printed"),
    fiscalReceiptNo: z.string().regex(/^[A-Za-z0-9-]{1,32}$/, "must be 1 to 32 letters, digits or -"),
    memoryCounter: z.number().int().positive(),
  }),
  z.strictObject({
    status: z.literal("unavailable"),
    reason: z.enum(REGISTRAR_FAILURES),
    detail: z.string().max(200),
  }),
]);
export type RegistrarRecord = z.infer<typeof registrarRecordSchema>;
