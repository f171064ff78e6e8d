/**
 * The fiscal signatures export (`GET /fiscal/signatures?from&to`, docs/store.md "Fiscal
 * signatures"): every sale of the period that came with a signature device's signature, or
 * with the reason it has none, oldest first. `ringup admin fiscal export` writes it as JSON lines.
 */
import { z } from "zod";
import { FISCAL_UNAVAILABLE_REASONS } from "../../core/fiscal-signature.ts";
import { reportDaySchema } from "../../core/report-figures.ts";
import { withRangeChecks } from "./accounting.ts";

/** From and to are business days of the store (both included). */
export const fiscalExportQuerySchema = withRangeChecks(
  z.object({ from: reportDaySchema, to: reportDaySchema }),
);
export type FiscalExportQuery = z.infer<typeof fiscalExportQuerySchema>;

const nullableText = z.string().nullable();
const nullableInt = z.number().int().nullable();

/** One sale's signature, as exported: one JSON line of the export file. */
export const fiscalExportRowSchema = z.object({
  saleId: z.string(),
  tillId: z.string(),
  receiptNo: z.string(),
  at: z.string(),
  status: z.enum(["signed", "unavailable"]),
  serial: nullableText,
  publicKey: nullableText,
  algorithm: nullableText,
  transactionNo: nullableInt,
  signatureCounter: nullableInt,
  startedAt: nullableText,
  finishedAt: nullableText,
  processData: nullableText,
  signature: nullableText,
  reason: z.enum(FISCAL_UNAVAILABLE_REASONS).nullable(),
  detail: nullableText,
});
export type FiscalExportRow = z.infer<typeof fiscalExportRowSchema>;

export const fiscalExportAnswerSchema = z.object({
  from: z.string(),
  to: z.string(),
  signatures: z.array(fiscalExportRowSchema),
});
export type FiscalExportAnswer = z.infer<typeof fiscalExportAnswerSchema>;
