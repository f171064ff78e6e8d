/**
 * Head office's accounting export (docs/accounting-export.md): the store's export, per store of
 * the chain, from the records head office ingested. `format=json` answers every store's
 * document; CSV puts every store's rows under one header; SAF-T covers one store (`storeId`).
 */
import { z } from "zod";
import { storeIdSchema } from "../../core/ids.ts";
import { accountingExportSchema, accountingQueryFields, withRangeChecks } from "../store/accounting.ts";

export const hqAccountingQuerySchema = withRangeChecks(
  z.object({ ...accountingQueryFields, storeId: storeIdSchema.optional() }),
).refine((q) => q.format !== "saft" || q.storeId !== undefined, {
  path: ["storeId"],
  message: "a SAF-T file covers one store: give storeId",
});
export type HqAccountingQuery = z.infer<typeof hqAccountingQuerySchema>;

export const hqAccountingAnswerSchema = z.object({ stores: z.array(accountingExportSchema) });
