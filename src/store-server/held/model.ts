/** Shapes of the held (parked) sales API: a basket kept by the store so any till can resume it. */
import { z } from "zod";
import { quoteRequestSchema } from "../sales/model.ts";

const tillId = z.string().regex(/^[A-Za-z0-9_]{1,16}$/, "must be 1 to 16 letters, digits or underscores");

export const holdRequestSchema = z.strictObject({
  /** Made by the till (UUIDv7); a repeat of the same id answers the held sale already kept. */
  id: z.uuid("must be a UUID (the till makes a UUIDv7 per held sale)"),
  tillId,
  cashierId: z.string().max(40).optional(),
  label: z.string().trim().max(60, "must be at most 60 characters").optional(),
  /** The basket as the till would quote it. */
  basket: quoteRequestSchema,
});
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
}
