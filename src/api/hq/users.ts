/** Shapes of head office's users API: one zod schema each, types inferred. */
import { z } from "zod";
import { storeIdSchema } from "../../core/ids.ts";
import { roleIdSchema } from "../../core/role-id.ts";

const pin = z.string().regex(/^\d{4,8}$/, "must be 4 to 8 digits");
const name = z.string().trim().min(1, "must not be empty").max(80, "must be at most 80 characters");
/** A built-in role or one defined with `POST /roles` (an unknown one is UNKNOWN_ROLE). */
const role = roleIdSchema;
/** The stores a user works at; absent or null means every store. */
const storeIds = z
  .array(storeIdSchema)
  .min(1, "list at least one store, or leave it out for every store")
  .max(500);

export const userInputSchema = z.strictObject({
  name,
  role,
  pin,
  storeIds: storeIds.nullable().optional(),
  active: z.boolean().optional(),
});
export type UserInput = z.infer<typeof userInputSchema>;

export const userUpdateSchema = z
  .strictObject({
    name: name.optional(),
    role: role.optional(),
    pin: pin.optional(),
    storeIds: storeIds.nullable().optional(),
    active: z.boolean().optional(),
  })
  .refine((u) => Object.keys(u).length > 0, "give at least one of name, role, pin, storeIds, active");
export type UserUpdate = z.infer<typeof userUpdateSchema>;

export const userIdParamsSchema = z.object({ id: z.string().min(1).max(64) });

/** A user as head office answers it (never the PIN or its hash). */
export interface HqUser {
  id: string;
  name: string;
  role: string;
  storeIds: string[] | null;
  active: boolean;
  createdAt: string;
  updatedAt: string;
}
