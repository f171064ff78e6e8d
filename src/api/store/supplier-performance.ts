/**
 * Shapes of supplier performance (`GET /reports/vendors`, `/reports/vendors/:id`,
 * `/reports/cheapest-vendor`), answered the same by the store and, for any store or the whole
 * chain, by head office. Periods are the store's local days, both ends included; either end may
 * be left open. Money in minor units, quantities in milli-units, rates as fractions (4 decimals).
 */
import { z } from "zod";
import { reportDaySchema } from "../../core/report-figures.ts";
import { vendorIdSchema } from "./purchasing.ts";

const periodShape = { from: reportDaySchema.optional(), to: reportDaySchema.optional() };

/** A query of a period (`from`, `to`, either open) with the fields given. */
export function periodQuery<T extends z.ZodRawShape>(shape: T) {
  return z.object({ ...shape, ...periodShape }).refine(
    (q) => {
      const { from, to } = q as { from?: string; to?: string };
      return from === undefined || to === undefined || from <= to;
    },
    {
      message: "from must not be after to",
      path: ["from"],
    },
  );
}

export const vendorReportQuerySchema = periodQuery({});
export const vendorReportParamsSchema = z.object({ id: vendorIdSchema });
export const cheapestVendorQuerySchema = periodQuery({
  code: z.string().trim().min(1, "must not be empty").max(32),
});

const int = z.number().int();
const rate = z.number().nullable();
const str = z.string();

export const vendorPerformanceSchema = z.looseObject({
  vendorId: str,
  name: str,
  ordersMeasured: int,
  ordersOpen: int,
  fill: z.looseObject({
    orderedMilli: int,
    receivedMilli: int,
    orderedValueMinor: int,
    receivedValueMinor: int,
    byQty: rate,
    byValue: rate,
  }),
  onTime: z.looseObject({ receipts: int, onTime: int, rate }),
  leadTime: z.looseObject({ orders: int, observedDays: rate, promisedDays: rate }),
  costChanges: z.looseObject({ count: int, increases: int, decreases: int }),
  credits: z.looseObject({ count: int, openMinor: int, settledMinor: int }),
  purchasedMinor: int,
});

const period = { from: str.nullable(), to: str.nullable() };

export const vendorsReportAnswerSchema = z.looseObject({
  ...period,
  vendors: z.array(vendorPerformanceSchema),
});
export type VendorsReport = z.infer<typeof vendorsReportAnswerSchema>;

export const vendorReportAnswerSchema = z.looseObject({
  ...period,
  vendor: vendorPerformanceSchema,
  orders: z.array(
    z.looseObject({
      orderId: str,
      number: int,
      status: str,
      sentAt: str.nullable(),
      expectedAt: str.nullable(),
      firstReceiptAt: str.nullable(),
      orderedMilli: int,
      receivedMilli: int,
      observedDays: rate,
      promisedDays: rate,
      onTime: z.boolean().nullable(),
    }),
  ),
  costChanges: z.array(
    z.looseObject({
      code: str,
      at: str,
      previousCostMinor: int.nullable(),
      costMinor: int,
      source: z.enum(["manual", "import", "invoice"]),
      refId: str.nullable(),
    }),
  ),
  credits: z.array(
    z.looseObject({ id: str, status: z.enum(["open", "settled"]), totalMinor: int, createdDay: str }),
  ),
});
export type VendorReport = z.infer<typeof vendorReportAnswerSchema>;

export const cheapestVendorAnswerSchema = z.looseObject({
  ...period,
  code: str,
  vendors: z.array(
    z.looseObject({
      vendorId: str,
      name: str,
      qtyMilli: int,
      paidMinor: int,
      receipts: int,
      avgUnitCostMinor: int.nullable(),
      currentCostMinor: int.nullable(),
      atCheapestMinor: int,
      savingMinor: int,
    }),
  ),
  cheapestVendorId: str.nullable(),
  qtyMilli: int,
  paidMinor: int,
  atCheapestMinor: int,
  savingMinor: int,
});
export type CheapestVendorReport = z.infer<typeof cheapestVendorAnswerSchema>;
