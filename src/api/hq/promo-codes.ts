/**
 * Shapes of head office's promo-code claims (docs/promotions.md "Codes and their limits"): a
 * store claims the uses of limited codes a sale makes before recording it, and releases them
 * when the sale is not completed.
 */
import { z } from "zod";
import { storeIdSchema } from "../../core/ids.ts";
import { promoCodeSchema, promotionIdSchema } from "../../core/promotions/index.ts";

export const codeClaimInputSchema = z.strictObject({
  saleId: z.uuid("must be the sale's id (a UUID)"),
  storeId: storeIdSchema,
  customerId: z.string().min(1).max(40).optional(),
  /** When the sale was made (ISO 8601 UTC). */
  at: z.iso.datetime({ error: "must be an ISO 8601 UTC time" }),
  uses: z
    .array(
      z.strictObject({
        promotionId: promotionIdSchema,
        code: promoCodeSchema,
        discountMinor: z.number().int().min(0),
      }),
    )
    .min(1, "claim at least one use")
    .max(20),
  /** Uses a store accepted while head office was unreachable: counted, never refused. */
  offline: z.boolean().optional(),
  /** Only checks that the uses could be counted now (a till asking before the sale): counts nothing. */
  dryRun: z.boolean().optional(),
});
export type CodeClaimInput = z.infer<typeof codeClaimInputSchema>;

export const codeUseAnswerSchema = z.object({
  promotionId: z.string(),
  code: z.string(),
  /** Uses counted now, this one included. */
  uses: z.number().int(),
  maxUses: z.number().int().nullable(),
});
export const codeClaimAnswerSchema = z.object({
  saleId: z.string(),
  uses: z.array(codeUseAnswerSchema),
});
export type CodeClaimAnswer = z.infer<typeof codeClaimAnswerSchema>;

export const codeReleaseParamsSchema = z.object({ saleId: z.uuid("must be the sale's id (a UUID)") });
export const codeReleaseAnswerSchema = z.object({ saleId: z.string(), released: z.number().int() });

/** `GET /reports/promotion-codes`: each limited code's uses, by store. */
export const codeUsageAnswerSchema = z.object({
  codes: z.array(
    z.object({
      promotionId: z.string(),
      code: z.string(),
      maxUses: z.number().int().nullable(),
      maxUsesPerCustomer: z.number().int().nullable(),
      uses: z.number().int(),
      offlineUses: z.number().int(),
      discountMinor: z.number().int(),
      byStore: z.array(z.object({ storeId: z.string(), uses: z.number().int() })),
    }),
  ),
});
export type CodeUsageAnswer = z.infer<typeof codeUsageAnswerSchema>;
