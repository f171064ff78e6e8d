/**
 * Version 1 payloads of back-office events: stock adjustments, products changed at the store,
 * user changes and audit entries.
 */
import { z } from "zod";
import { roleIdSchema } from "../role-id.ts";
import {
  departmentId,
  MAX_ROWS,
  moneyMinor,
  productCode,
  productName,
  reasonText,
  refId,
  signedMilli,
  taxClassId,
  tillId,
  utcTimestamp,
} from "./fields.ts";

/**
 * Stock moved other than by a sale or a return (those are implied by their own events):
 * receipts, counts, damage, shrink, corrections.
 */
export const stockAdjustedV1 = z.strictObject({
  code: productCode,
  /** Signed change in milli-units; never zero. */
  deltaMilli: signedMilli.refine((v) => v !== 0, "a stock adjustment changes the quantity"),
  /** On-hand quantity after the change (may be negative when sales ran ahead of receipts). */
  onHandMilli: signedMilli,
  kind: z.enum(["receive", "count", "damage", "shrink", "transfer", "correction"]),
  reason: reasonText.nullable(),
  refId: refId.nullable(),
  userId: refId.nullable(),
  at: utcTimestamp,
});

/** A product created or changed at the store (catalog changes from HQ are not re-sent). */
export const productUpsertedV1 = z.strictObject({
  code: productCode,
  name: productName,
  barcodes: z.array(z.string().min(1).max(64)).max(MAX_ROWS),
  priceMinor: moneyMinor,
  taxClass: taxClassId.nullable(),
  department: departmentId.nullable(),
  soldByWeight: z.boolean(),
  openPrice: z.boolean().optional(),
  costMinor: moneyMinor.nullable().optional(),
  /** Absent means active. */
  active: z.boolean().optional(),
  userId: refId.nullable().optional(),
  /** When the change was made, if other than the event's own time. */
  at: utcTimestamp.optional(),
});

export const USER_ROLES = ["cashier", "supervisor", "manager", "admin"] as const;

/** A user account changed. Never carries a PIN or its hash. */
export const userChangedV1 = z.strictObject({
  userId: refId,
  name: z.string().min(1).max(80),
  /** A built-in role or a custom one from head office. */
  role: roleIdSchema,
  active: z.boolean(),
  change: z.enum(["created", "updated", "deactivated", "reactivated", "pin_reset", "locked", "unlocked"]),
  changedBy: refId.nullable(),
  at: utcTimestamp,
});

/** Anything worth an audit trail that has no event of its own: log-ins, lock-outs, no-sales… */
export const auditRecordedV1 = z.strictObject({
  /** Dotted lower-case action, e.g. "login.failed", "till.locked", "report.printed". */
  action: z
    .string()
    .max(64)
    .regex(/^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+$/, "expected a dotted action such as login.failed"),
  userId: refId.nullable(),
  tillId: tillId.nullable(),
  approvedBy: refId.nullable(),
  refId: refId.nullable(),
  detail: z.string().max(2000).nullable(),
  at: utcTimestamp,
});
