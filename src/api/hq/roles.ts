/** Shapes of head office's roles API: one zod schema each, types inferred. */
import { z } from "zod";
import { PERMISSIONS, roleIdSchema, roleSchema } from "../../core/permissions.ts";

/** `POST /roles`: a custom role, defined or replaced under its id. */
export const roleInputSchema = roleSchema;
export type RoleInput = z.infer<typeof roleInputSchema>;

export const roleIdParamsSchema = z.object({ id: roleIdSchema });

/** A role as head office answers it. */
export const roleAnswerSchema = z.strictObject({
  id: z.string(),
  name: z.string(),
  permissions: z.array(z.enum(PERMISSIONS)),
  maxDiscountPercent: z.int().min(0).max(100),
  builtIn: z.boolean(),
});
export type RoleAnswer = z.infer<typeof roleAnswerSchema>;

export const rolesAnswerSchema = z.strictObject({ roles: z.array(roleAnswerSchema) });
export const roleDeletedAnswerSchema = z.strictObject({ id: z.string(), deleted: z.literal(true) });
