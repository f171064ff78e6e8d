/**
 * The store's answers as the admin CLI reads them (products, users, shifts, tills and tokens,
 * reports, stock counts, PIN lock-outs). Loose where the CLI prints or passes a document on
 * whole, so that it can talk to a newer store.
 */
import { z } from "zod";
import { exceptionReportRowSchema } from "../../core/events/sale-events.ts";

const int = z.number().int();

/** A product of the catalog as the store (and head office) answers it. */
export const productAnswerSchema = z.looseObject({
  code: z.string(),
  name: z.string(),
  barcodes: z.array(z.string()),
  priceMinor: int,
  taxClass: z.string().nullable(),
  department: z.string().nullable(),
  soldByWeight: z.boolean(),
  unit: z.string(),
  costMinor: int.nullable(),
  active: z.boolean(),
});
export type ProductAnswer = z.infer<typeof productAnswerSchema>;

/** `POST /products/bulk`, `POST /departments/bulk` (store and head office). */
export const bulkResultAnswerSchema = z.object({
  imported: int,
  errors: z.array(z.object({ line: int.nullable(), code: z.string().nullable(), reason: z.string() })),
});

export const userAnswerSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  role: z.string(),
  active: z.boolean(),
});
export const usersAnswerSchema = z.object({ users: z.array(userAnswerSchema) });
export const createdUserAnswerSchema = z.looseObject({ id: z.string(), name: z.string(), role: z.string() });

export const shiftRowAnswerSchema = z.looseObject({
  id: z.string(),
  tillId: z.string(),
  status: z.enum(["open", "closed"]),
  openedBy: z.string(),
  openedAt: z.string(),
  floatMinor: int,
  closedAt: z.string().nullable(),
  zNumber: int.nullable(),
});
export const shiftsAnswerSchema = z.object({ shifts: z.array(shiftRowAnswerSchema) });

export const cashMovementAnswerSchema = z.looseObject({
  movementId: z.string(),
  kind: z.enum(["in", "out"]),
  amountMinor: int,
  expectedCashMinor: int,
  exceedsExpectedCash: z.literal(true).optional(),
});

/** An X or Z report: the till passes it on to its screens whole, the CLI prints its cash. */
export const shiftReportAnswerSchema = z.looseObject({
  kind: z.enum(["X", "Z"]),
  shiftId: z.string(),
  tillId: z.string(),
  openedAt: z.string(),
  at: z.string(),
  salesCount: int,
  totalMinor: int,
  zNumber: int.nullable(),
  currency: z.string(),
  cash: z.looseObject({ expectedMinor: int, countedMinor: int.optional() }),
  overShortMinor: int.optional(),
  /** The restaurant mode: tips left on checks paid in the shift, per waiter (absent: none). */
  tips: z
    .array(z.object({ waiterId: z.string(), name: z.string().nullable(), tipMinor: int, checks: int }))
    .optional(),
});

export const pairingAnswerSchema = z.object({
  code: z.string(),
  tillId: z.string().nullable(),
  expiresAt: z.string(),
  certificateSha256: z.string().nullable(),
});
export const tillsAnswerSchema = z.object({
  tills: z.array(
    z.object({
      tillId: z.string(),
      tokenId: z.string(),
      pairedAt: z.string(),
      lastSeenAt: z.string().nullable(),
    }),
  ),
});
export const revokedTillAnswerSchema = z.object({ tillId: z.string(), revokedTokens: int });

/** An API token as the store and head office list it (never the secret). */
export const tokenAnswerSchema = z.looseObject({
  id: z.string(),
  kind: z.string().optional(),
  label: z.string().nullable().optional(),
  name: z.string().optional(),
  scopes: z.array(z.string()).optional(),
  tillId: z.string().nullable().optional(),
  userId: z.string().nullable().optional(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
export const tokensAnswerSchema = z.object({ tokens: z.array(tokenAnswerSchema) });
export const rotatedTokenAnswerSchema = z.object({
  token: z.string(),
  id: z.string(),
  revokedId: z.string(),
});

export const exceptionsAnswerSchema = z.object({ exceptions: z.array(exceptionReportRowSchema) });
export const refusedSalesAnswerSchema = z.object({
  sales: z.array(
    z.object({
      saleId: z.string(),
      tillId: z.string(),
      receiptNo: z.string(),
      error: z.string(),
      totalMinor: int.nullable(),
      reportedAt: z.string(),
      resolvedAt: z.string().nullable(),
    }),
  ),
});

export const dailyReportAnswerSchema = z.object({
  date: z.string(),
  currency: z.string().default("USD"),
  salesCount: int,
  returnsCount: int.default(0),
  voidedCount: int.default(0),
  grossMinor: int,
  discountMinor: int,
  taxMinor: int,
  netMinor: int,
  totalMinor: int,
  byTender: z.record(z.string(), int),
  byTaxClass: z.array(z.object({ taxClass: z.string(), rate: z.string(), baseMinor: int, taxMinor: int })),
});
export type DailyReportAnswer = z.infer<typeof dailyReportAnswerSchema>;

export const journalVerifyAnswerSchema = z.object({
  ok: z.boolean(),
  events: int,
  lastSeq: int,
  lastHash: z.string().nullable(),
  problem: z
    .object({ kind: z.string(), seq: int, eventId: z.string().nullable(), message: z.string() })
    .optional(),
});

export const LOCKOUT_SCOPES = ["till", "anonymous", "store", "user"] as const;
export const lockoutAnswerSchema = z.object({
  scope: z.enum(LOCKOUT_SCOPES),
  tillId: z.string().nullable(),
  userId: z.string().nullable().optional(),
  failures: int,
  lockedUntil: z.string(),
  secondsLeft: int,
});
export type LockoutAnswer = z.infer<typeof lockoutAnswerSchema>;
export const lockoutsAnswerSchema = z.object({ lockouts: z.array(lockoutAnswerSchema) });
export const unlockedAnswerSchema = z.object({ unlocked: z.array(lockoutAnswerSchema) });

/** `GET /sales/:id/receipt?format=json`: the receipt's copy as text and as its document. */
export const receiptCopyAnswerSchema = z.object({
  saleId: z.string(),
  receiptNo: z.string(),
  text: z.string(),
  doc: z.unknown(),
});
