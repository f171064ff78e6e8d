/** Shapes of the closures API (`/closures`) and of the signed archive export (`/archive`). */
import { z } from "zod";
import { closureRecordSchema, closureTypeSchema } from "../../core/closures.ts";
import { tillIdSchema } from "../../core/ids.ts";
import { reportDaySchema } from "../../core/report-figures.ts";

export const closeRequestSchema = z.strictObject({
  type: closureTypeSchema,
  /** A day of the period: the day itself, any day of the month or of the year. */
  date: reportDaySchema,
  /** Close one till; absent: the whole store. */
  tillId: tillIdSchema.optional(),
});

export const closuresQuerySchema = z.strictObject({
  type: closureTypeSchema.optional(),
  tillId: z.union([tillIdSchema, z.literal("store")]).optional(),
  from: reportDaySchema.optional(),
  to: reportDaySchema.optional(),
});

export const closureParamsSchema = z.object({
  number: z.coerce.number().int("must be a closure number").positive("must be a closure number"),
});

export const closureAnswerSchema = closureRecordSchema;
export const closuresAnswerSchema = z.object({ closures: z.array(closureRecordSchema) });
/** The closure as a receipt printer prints it, one line per entry. */
export const closureTextAnswerSchema = z.object({ lines: z.array(z.string()) });

export const archiveQuerySchema = z.strictObject({ from: reportDaySchema, to: reportDaySchema });
/** The archive's text: one JSON value per line (see src/shared/archive.ts). */
export const archiveAnswerSchema = z.string();
export const archiveKeyAnswerSchema = z.object({ storeId: z.string(), publicKey: z.string() });
