/** Shapes of `POST /exchanges`: goods brought back and a new sale, in one transaction. */
import { z } from "zod";
import { EXCHANGE_TENDER } from "../../core/tenders.ts";
import type { ReturnResponse } from "./returns.ts";
import { returnRequestSchema } from "./returns.ts";
import type { SaleResponse } from "./sales.ts";
import { saleRequestSchema } from "./sales.ts";

const tenderSchema = z.strictObject({
  type: z
    .string()
    .min(1)
    .max(20)
    .refine(
      (t) => t !== EXCHANGE_TENDER,
      `"${EXCHANGE_TENDER}" is the exchange's own credit; name how the difference is paid`,
    ),
  amountMinor: z.number().int("must be whole minor units").positive("must be more than zero"),
});

export const exchangeRequestSchema = z.strictObject({
  tillId: z.string().regex(/^[A-Za-z0-9_]{1,16}$/, "must be 1 to 16 letters, digits or underscores"),
  cashierId: z.string().max(40).optional(),
  /** The goods coming back: a return's body without its tenders (the exchange settles them). */
  return: returnRequestSchema.omit({ tenders: true, tillId: true, cashierId: true }),
  /** The new sale: a sale's body without its tenders, till and cashier. */
  sale: saleRequestSchema.omit({ tenders: true, tillId: true, cashierId: true, at: true, receiptNo: true }),
  /**
   * The difference: paid by the customer when the new sale costs more than the refund, paid
   * back when it costs less (without them, paid back the way the original sale was paid).
   */
  tenders: z.array(tenderSchema).max(20, "at most 20 tenders").optional(),
});
export type ExchangeRequest = z.infer<typeof exchangeRequestSchema>;

export interface ExchangeResponse {
  return: ReturnResponse;
  sale: SaleResponse;
  /** The new sale's total less the refund: positive the customer paid it, negative was paid it back. */
  differenceMinor: number;
}
