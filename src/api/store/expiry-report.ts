/** Shapes of `GET /reports/expiry?days=N`: lots on hand expiring within N days. */
import { z } from "zod";

export const expiryQuerySchema = z.object({
  /** Lots whose expiry is at most this many days after today (past ones included). */
  days: z.coerce
    .number()
    .int("must be a whole number of days")
    .min(0, "must not be negative")
    .max(3650, "must be at most 3650")
    .default(30),
});

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const expiryReportAnswerSchema = z.object({
  days: z.int(),
  /** Today in the store's time zone, and the last expiry day listed. */
  today: day,
  until: day,
  lots: z.array(
    z.object({
      code: z.string(),
      name: z.string().nullable(),
      location: z.string(),
      lot: z.string(),
      expiry: day,
      onHand: z.number(),
      onHandMilli: z.int(),
      /** Days from today to the expiry day: negative once expired, 0 on the day. */
      daysLeft: z.int(),
    }),
  ),
});
export type ExpiryReport = z.infer<typeof expiryReportAnswerSchema>;
