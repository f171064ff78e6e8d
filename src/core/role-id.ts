/** A role's id: a built-in one or a custom one (lower case, digits, `_` and `-`). */
import { z } from "zod";

export const roleIdSchema = z
  .string()
  .regex(
    /^[a-z][a-z0-9_-]{0,31}$/,
    "must be 1 to 32 lower-case letters, digits, _ or -, starting with a letter",
  );
export type RoleId = z.infer<typeof roleIdSchema>;
