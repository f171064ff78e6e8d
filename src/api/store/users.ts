/** Shapes of the users, sessions and approvals API. */
import { z } from "zod";
import { USER_ROLES } from "../../core/events/back-office-events.ts";
import { tillIdSchema } from "../../core/ids.ts";

export const pinSchema = z.string().regex(/^\d{4,8}$/, "must be 4 to 8 digits");

/** `POST /staff-discounts`: a staff member's PIN typed at a till, for their staff discount. */
export const staffDiscountRequestSchema = z.strictObject({ tillId: tillIdSchema, pin: pinSchema });
export type StaffDiscountRequest = z.infer<typeof staffDiscountRequestSchema>;
const nameSchema = z
  .string()
  .trim()
  .min(1, "must not be empty")
  .max(60, "must be at most 60 characters")
  .regex(/^[^\p{Cc}]+$/u, "must not contain control characters");
export const roleSchema = z.enum(USER_ROLES, { error: "must be one of cashier, supervisor, manager, admin" });

/** A staff discount percent ("10"); null: none. Same rule as staff-discounts.ts. */
const staffPercentSchema = z
  .string()
  .regex(
    /^(?:100(?:\.0{1,2})?|\d{1,2}(?:\.\d{1,2})?)$/,
    'must be a percent from 0 to 100, e.g. "10" or "12.5"',
  )
  .nullable();

export const createUserSchema = z.strictObject({
  name: nameSchema,
  role: roleSchema,
  pin: pinSchema,
  /** The user's staff discount on their own purchases (percent); left out: none. */
  staffDiscountPercent: staffPercentSchema.optional(),
});
export type CreateUserInput = z.infer<typeof createUserSchema>;

export const updateUserSchema = z
  .strictObject({
    name: nameSchema.optional(),
    role: roleSchema.optional(),
    pin: pinSchema.optional(),
    active: z.boolean().optional(),
    staffDiscountPercent: staffPercentSchema.optional(),
  })
  .refine((u) => Object.values(u).some((v) => v !== undefined), {
    message: "give at least one of name, role, pin, active, staffDiscountPercent",
  });
export type UpdateUserInput = z.infer<typeof updateUserSchema>;

export const userIdParamsSchema = z.object({
  id: z.string().min(1).max(64, "must be a user id"),
});

export const listUsersQuerySchema = z.object({
  includeInactive: z.enum(["true", "false"], { error: "must be true or false" }).default("false"),
});

export const sessionRequestSchema = z.strictObject({ tillId: tillIdSchema, pin: pinSchema });
export type SessionRequest = z.infer<typeof sessionRequestSchema>;

export const pinUnlockSchema = z
  .strictObject({ tillId: tillIdSchema.optional(), storeWide: z.boolean().optional() })
  .refine((u) => u.tillId !== undefined || u.storeWide === true, {
    message: "give the tillId to unlock, storeWide: true, or both",
  });
export type PinUnlockRequest = z.infer<typeof pinUnlockSchema>;

/**
 * A PIN lock-out in force: of a till that shows its token (`till`), of PINs typed without a
 * token naming a till (`anonymous`), of every PIN typed without a token (`store`, `tillId`
 * null), or of a user who chose too many PINs that were refused (`user`).
 */
export interface PinLockout {
  scope: "till" | "anonymous" | "store" | "user";
  tillId: string | null;
  userId: string | null;
  failures: number;
  lockedUntil: string;
  secondsLeft: number;
}

export const APPROVAL_ACTIONS = [
  "refund",
  "voidAfterTotal",
  "priceOverride",
  "noSale",
  "discount",
  "returnWithoutReceipt",
  /** A till's screen of the sales the store refused (export, send again). */
  "refusedSales",
  /** A stock adjustment document (`POST /stock/documents` of type "adjustment"). */
  "stockAdjustment",
  /** Selling a lot past its expiry date (a till's GS1 label scan). */
  "expiredLot",
] as const;
export type ApprovalAction = (typeof APPROVAL_ACTIONS)[number];

export const approvalRequestSchema = z.strictObject({
  action: z.enum(APPROVAL_ACTIONS, { error: `must be one of ${APPROVAL_ACTIONS.join(", ")}` }),
  pin: pinSchema,
  tillId: tillIdSchema,
  /** The sale, line or document the approval is for, if known. */
  refId: z
    .string()
    .min(1)
    .max(64)
    .regex(/^[\x21-\x7e]+$/, "must be 1–64 printable characters without spaces")
    .optional(),
});
export type ApprovalRequest = z.infer<typeof approvalRequestSchema>;

export type Role = z.infer<typeof roleSchema>;

export interface UserView {
  id: string;
  name: string;
  /** A built-in role or a custom one from head office. */
  role: string;
  active: boolean;
  createdAt: string;
  /** Percent off the user's own purchases (staff discount); null: none. */
  staffDiscountPercent: string | null;
}

export interface Approver {
  id: string;
  name: string;
  role: string;
}
