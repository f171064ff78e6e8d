/** Shapes of the held (parked) sales API: a basket kept by the store so any till can resume it. */
import { z } from "zod";
import {
  auditEntrySchema,
  basketLineSchema,
  lotSchema,
  quoteRequestSchema,
  type SaleAuditEntry,
  serialSchema,
} from "./sales.ts";

const tillId = z.string().regex(/^[A-Za-z0-9_]{1,16}$/, "must be 1 to 16 letters, digits or underscores");

/**
 * The basket as the till would quote it, each line saying where a given price came from (an
 * open price or an override), so a resumed sale sends the store the same document.
 */
export const heldBasketSchema = quoteRequestSchema.extend({
  lines: z
    .array(
      basketLineSchema.extend({
        priceSource: z.enum(["open", "override"]).optional(),
        /** The unit's lot, expiry and serial as rung (from its GS1 label, or asked). */
        lot: lotSchema.optional(),
        expiry: z.iso.date("must be a date YYYY-MM-DD").optional(),
        serial: serialSchema.optional(),
      }),
    )
    .min(1, "a basket needs at least one line")
    .max(500, "at most 500 lines"),
});

export const holdRequestSchema = z.strictObject({
  /** Made by the till (UUIDv7); a repeat of the same id answers the held sale already kept. */
  id: z.uuid("must be a UUID (the till makes a UUIDv7 per held sale)"),
  tillId,
  cashierId: z.string().max(40).optional(),
  label: z.string().trim().max(60, "must be at most 60 characters").optional(),
  /** The basket as the till would quote it, with the discount on the whole sale. */
  basket: heldBasketSchema,
  /** What the cashier did to the sale before holding it (voids, overrides, discounts), with approvers. */
  audit: z.array(auditEntrySchema).max(200).optional(),
});
export type HeldAuditEntry = SaleAuditEntry;
export type HoldRequest = z.infer<typeof holdRequestSchema>;

export const heldListQuerySchema = z.object({
  /** Only the sales held at this till; default every till's (any till may resume any). */
  tillId: tillId.optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
});

export const heldIdParamsSchema = z.object({ id: z.uuid("must be a held sale id (UUID)") });

export const resumeRequestSchema = z
  .strictObject({
    /** The till resuming the sale (default: the till of the session token). */
    tillId: tillId.optional(),
  })
  .optional();

export interface HeldSale {
  id: string;
  tillId: string;
  cashierId: string | null;
  /** The cashier's name, for the tills' list of held sales (null when unknown). */
  cashierName: string | null;
  label: string | null;
  heldAt: string;
  lineCount: number;
  basket: HoldRequest["basket"];
  /** The sale's audit when it was held; empty for sales held before it was kept. */
  audit: HeldAuditEntry[];
}
