/**
 * The store's answers to the routes the till does not call (the admin CLI and integrations
 * read them): each names the fields the store answers, read leniently (loose objects) so that a
 * reader accepts a newer store that answers more.
 */
import { z } from "zod";
import { productAnswerSchema } from "./admin-answers.ts";
import { heldAnswerSchema, recordedSaleAnswerSchema, returnAnswerSchema } from "./answers.ts";
import { appliedPromotionsAnswerSchema } from "./promotions.ts";

const int = z.number().int();
const str = z.string();

/** `GET /products?q=`: products whose name or code matches. */
export const productSearchAnswerSchema = z.looseObject({ products: z.array(productAnswerSchema) });

/** `POST /departments`: the department as stored. */
export const departmentAnswerSchema = z.looseObject({
  id: str,
  name: str,
  taxClass: str.nullable(),
  openRing: z.boolean().optional(),
  openRingMaxMinor: int.nullable().optional(),
  openRingMinMinor: int.nullable().optional(),
  minAge: int.nullable().optional(),
});

const taxRowSchema = z.looseObject({ taxClass: str, rate: str, baseMinor: int, taxMinor: int });

/** `POST /baskets/quote`: the basket as the store prices it (not recorded). */
export const quoteAnswerSchema = z.looseObject({
  lines: z.array(
    z.looseObject({
      code: str,
      name: str,
      qtyMilli: int,
      unitPriceMinor: int,
      discountMinor: int,
      taxMinor: int,
      totalMinor: int,
    }),
  ),
  subtotalMinor: int,
  discountMinor: int,
  taxMinor: int,
  totalMinor: int,
  cashDueMinor: int,
  cashRoundingMinor: int,
  taxes: z.array(taxRowSchema),
  currency: str,
  /** Absent from a store that predates promotions. */
  promotions: appliedPromotionsAnswerSchema.optional(),
});

/** A sale as the store recorded it (`GET /sales/by-receipt/:receiptNo`, `POST /sales/:id/void`). */
export const saleRecordAnswerSchema = recordedSaleAnswerSchema
  .extend({
    tillId: str,
    cashierId: str.nullable(),
    tenders: z.array(z.looseObject({ type: str, amountMinor: int })),
    changeMinor: int,
  })
  .loose();

/** `DELETE /sessions/current`. */
export const loggedOutAnswerSchema = z.looseObject({
  loggedOut: z.literal(true),
  userId: str.nullable().optional(),
  tillId: str.nullable().optional(),
});

/** `GET /audit`: cashier actions, newest first. */
export const auditAnswerSchema = z.looseObject({
  entries: z.array(
    z.looseObject({ id: int, at: str, action: str, userId: str.nullable(), tillId: str.nullable() }),
  ),
});

/** `GET /returns/:id`, `POST /returns` as recorded. */
export const returnRecordAnswerSchema = returnAnswerSchema.extend({ id: str }).loose();
/** `GET /returns?originalSaleId=`. */
export const returnsAnswerSchema = z.looseObject({ returns: z.array(returnRecordAnswerSchema) });

/** `POST /exchanges`: the return, the new sale and what the customer pays (or gets) on balance. */
export const exchangeAnswerSchema = z.looseObject({
  return: returnRecordAnswerSchema,
  sale: saleRecordAnswerSchema,
  differenceMinor: int,
});

/** `DELETE /held/:id`: the held sale discarded. */
export const discardedAnswerSchema = z.looseObject({ discarded: heldAnswerSchema });

const movementSchema = z.looseObject({
  id: int,
  code: str,
  kind: str,
  qtyMilli: int,
  refId: str.nullable(),
  reason: str.nullable(),
  userId: str.nullable(),
  at: str,
  valueMinor: int.nullable().optional(),
  costMinor: int.nullable().optional(),
  settledMinor: int.nullable().optional(),
});
const stockLevelSchema = z.looseObject({
  code: str,
  name: str.nullable(),
  onHandMilli: int,
  negative: z.boolean(),
  movements: z.array(movementSchema).optional(),
  /** With `?code=`: reserved, available, weighted average cost and value, by location and lot. */
  reserved: z.number().optional(),
  available: z.number().optional(),
  avgCostMinor: int.nullable().optional(),
  valueMinor: int.nullable().optional(),
  byLocation: z.array(z.looseObject({ location: str, onHand: z.number() })).optional(),
  lots: z.array(z.looseObject({ lot: str, expiry: str.nullable(), onHand: z.number() })).optional(),
});
/** `GET /stock`: one product's level (`?code=`), or every product's. */
export const stockAnswerSchema = z.union([
  stockLevelSchema,
  z.looseObject({ levels: z.array(stockLevelSchema) }),
]);
/** `GET /stock/movements`. */
export const movementsAnswerSchema = z.looseObject({ code: str, movements: z.array(movementSchema) });
/** `POST /stock/adjustments`: the level after the adjustment. */
export const adjustmentAnswerSchema = stockLevelSchema.extend({
  movementId: int.nullable(),
  deltaMilli: int,
  kind: str,
  reason: str,
});

const figures = { grossMinor: int, discountMinor: int, netMinor: int, taxMinor: int, totalMinor: int };
/** `GET /reports/by-hour`. */
export const byHourAnswerSchema = z.looseObject({
  date: str,
  timeZone: str,
  hours: z.array(
    z.looseObject({ hour: int, salesCount: int, returnsCount: int, netMinor: int, totalMinor: int }),
  ),
});
/** `GET /reports/by-department`. */
export const byDepartmentAnswerSchema = z.looseObject({
  date: str,
  departments: z.array(
    z.looseObject({ department: str.nullable(), name: str.nullable(), lineCount: int, ...figures }),
  ),
});
/** `GET /reports/by-cashier`. */
export const byCashierAnswerSchema = z.looseObject({
  date: str,
  cashiers: z.array(
    z.looseObject({
      cashierId: str.nullable(),
      name: str.nullable(),
      salesCount: int,
      voidedCount: int,
      returnsCount: int,
      refundedMinor: int,
      ...figures,
    }),
  ),
});
/** `GET /reports/by-tender`. */
export const byTenderAnswerSchema = z.looseObject({
  from: str,
  to: str,
  currency: str,
  tenders: z.array(
    z.looseObject({
      type: str,
      count: int,
      receivedMinor: int,
      changeMinor: int,
      refundedMinor: int,
      netMinor: int,
    }),
  ),
});

/** `GET /journal/events`: events after a sequence number, for replication. */
export const journalEventsAnswerSchema = z.looseObject({
  storeId: str,
  events: z.array(z.looseObject({ seq: int, id: str, type: str, storeId: str, payload: z.unknown() })),
  lastSeq: int,
});
