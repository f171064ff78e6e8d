/** Shapes of the shifts, cash and drawer API. */
import { z } from "zod";
import { tillIdSchema, uuidSchema } from "../../core/ids.ts";
import { pinSchema } from "./users.ts";

/** Largest amount a drawer count, float or cash movement may carry (absurd-amount guard). */
export const MAX_DRAWER_MINOR = 100_000_000;

const drawerAmount = z
  .number({ error: "must be a whole number of minor units" })
  .int("must be whole minor units")
  .min(0, "must not be negative")
  .max(MAX_DRAWER_MINOR, `is absurd: at most ${MAX_DRAWER_MINOR} minor units`);

const tenderType = z
  .string()
  .min(1)
  .max(20)
  .regex(/^[A-Za-z0-9_-]+$/, "must be a tender type such as cash or card");

export const openShiftSchema = z.strictObject({ tillId: tillIdSchema, floatMinor: drawerAmount });
export type OpenShiftInput = z.infer<typeof openShiftSchema>;

export const tillQuerySchema = z.object({ tillId: tillIdSchema });

export const listShiftsQuerySchema = z.object({
  tillId: tillIdSchema.optional(),
  status: z.enum(["open", "closed"], { error: "must be open or closed" }).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
});
export type ListShiftsQuery = z.infer<typeof listShiftsQuerySchema>;

export const shiftParamsSchema = z.object({ id: uuidSchema });

export const cashMoveSchema = z.strictObject({
  kind: z.enum(["in", "out"], { error: 'must be "in" or "out"' }),
  amountMinor: drawerAmount.refine((v) => v > 0, "must be more than zero"),
  reason: z
    .string()
    .trim()
    .min(1, "give a reason")
    .max(200, "must be at most 200 characters")
    .regex(/^[^\p{Cc}]+$/u, "must not contain control characters"),
});
export type CashMoveInput = z.infer<typeof cashMoveSchema>;

export const denominationSchema = z.strictObject({
  /** Face value of the coin or note in minor units, e.g. 2000 for a 20 note. */
  valueMinor: z.number().int().min(1).max(10_000_000),
  count: z.number().int().min(0).max(1_000_000),
});

export const closeShiftSchema = z
  .strictObject({
    /** Counted amount per tender type, e.g. {"cash": 15230, "card": 48200}. */
    counted: z
      .record(tenderType, drawerAmount)
      .refine((r) => Object.keys(r).length <= 20, "at most 20 tender types")
      .optional(),
    /** The cash counted per coin and note, instead of `counted.cash`. */
    cashDenominations: z.array(denominationSchema).min(1).max(50).optional(),
  })
  .superRefine((body, ctx) => {
    const cashGiven = body.counted?.cash !== undefined;
    if (cashGiven && body.cashDenominations) {
      ctx.addIssue({
        code: "custom",
        path: ["cashDenominations"],
        message: "give the counted cash either as counted.cash or as cashDenominations, not both",
      });
    }
    if (!cashGiven && !body.cashDenominations) {
      ctx.addIssue({
        code: "custom",
        path: ["counted", "cash"],
        message: "count the cash in the drawer: give counted.cash or cashDenominations",
      });
    }
    const total = (body.cashDenominations ?? []).reduce((sum, d) => sum + d.valueMinor * d.count, 0);
    if (total > MAX_DRAWER_MINOR) {
      ctx.addIssue({
        code: "custom",
        path: ["cashDenominations"],
        message: `the counted cash is absurd: at most ${MAX_DRAWER_MINOR} minor units`,
      });
    }
  });
export type CloseShiftInput = z.infer<typeof closeShiftSchema>;

export const DRAWER_REASONS = ["sale", "return", "noSale", "cashIn", "cashOut"] as const;

export const drawerOpenSchema = z
  .strictObject({
    tillId: tillIdSchema,
    reason: z.enum(DRAWER_REASONS, { error: `must be one of ${DRAWER_REASONS.join(", ")}` }),
    /** A supervisor's PIN, when a no-sale needs approval. */
    approvalPin: pinSchema.optional(),
    /** Or an approval obtained with POST /approvals for action "noSale". */
    approvalId: uuidSchema.optional(),
    /** The sale, return or cash movement the drawer opened for. */
    refId: uuidSchema.optional(),
  })
  .refine((b) => !(b.approvalPin && b.approvalId), {
    message: "give approvalPin or approvalId, not both",
    path: ["approvalId"],
  });
export type DrawerOpenInput = z.infer<typeof drawerOpenSchema>;

export interface ShiftView {
  id: string;
  tillId: string;
  status: "open" | "closed";
  openedBy: string;
  openedAt: string;
  floatMinor: number;
  closedAt: string | null;
  closedBy: string | null;
  zNumber: number | null;
}

export interface TenderReportLine {
  type: string;
  /** Taken in sales (cash: tendered before change). */
  salesMinor: number;
  /** Paid back in returns. */
  refundsMinor: number;
  /** What the drawer (or card batch…) should hold for this tender. */
  expectedMinor: number;
  /** Z only: what was counted, null when it was not counted. */
  countedMinor?: number | null;
  /** Z only: counted − expected (positive: over, negative: short). */
  overShortMinor?: number | null;
}

/** Tips left on the restaurant's checks paid in a shift, per waiter. */
export interface WaiterTips {
  waiterId: string;
  name: string | null;
  tipMinor: number;
  /** Checks with a tip. */
  checks: number;
}

export interface ShiftReport {
  kind: "X" | "Z";
  zNumber: number | null;
  storeId: string;
  shiftId: string;
  tillId: string;
  currency: string;
  openedAt: string;
  openedBy: string;
  /** When the report was taken (the closing time of a Z report). */
  at: string;
  closedBy: string | null;
  salesCount: number;
  returnsCount: number;
  /** Sales minus returns, as the daily report counts them. */
  grossMinor: number;
  discountMinor: number;
  taxMinor: number;
  netMinor: number;
  totalMinor: number;
  salesTotalMinor: number;
  returnsTotalMinor: number;
  /** Net takings per tender (sales − change − refunds). */
  byTender: { type: string; amountMinor: number }[];
  byTaxClass: { taxClass: string; rate: string; baseMinor: number; taxMinor: number }[];
  cash: {
    openingFloatMinor: number;
    cashSalesMinor: number;
    changeGivenMinor: number;
    cashRefundsMinor: number;
    cashInMinor: number;
    cashOutMinor: number;
    expectedMinor: number;
    countedMinor?: number;
  };
  noSaleOpenings: number;
  /** The restaurant mode: tips per waiter (absent when none were left). */
  tips?: WaiterTips[];
  tenders: TenderReportLine[];
  expected: Record<string, number>;
  /** Staff commissions earned on the shift's service lines (absent when none). */
  commissions?: {
    staffId: string;
    staffName: string | null;
    lines: number;
    baseMinor: number;
    commissionMinor: number;
  }[];
  /** Z only. */
  counted?: Record<string, number>;
  overShort?: Record<string, number>;
  overShortMinor?: number;
  cashDenominations?: { valueMinor: number; count: number }[];
}
