/** The one error body every server of ours answers with (CONTRACT.md: `{"error": {code, message, details}}`). */
import { z } from "zod";

export const errorBodySchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.unknown().optional(),
  }),
});
export type ErrorBody = z.infer<typeof errorBodySchema>;
