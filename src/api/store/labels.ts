/**
 * Shapes of `POST /labels/print`: shelf labels for a selection of products (codes, a department,
 * or those whose price changed since a date or since this template's last print), printed on a
 * label printer given by its URI. `preview: true` only says which products would print.
 */
import { z } from "zod";

const codeSchema = z.string().trim().min(1, "must not be empty").max(64, "must be at most 64 characters");

export const labelPrintRequestSchema = z
  .strictObject({
    template: z.string().trim().min(1, "give a template name").max(40, "must be at most 40 characters"),
    codes: z.array(codeSchema).min(1, "give at least one product code").max(5000).optional(),
    departmentId: z.string().trim().min(1).max(64).optional(),
    /** A date (YYYY-MM-DD, the start of that day at the store), a UTC time, or "last-print". */
    changedSince: z
      .union([
        z.literal("last-print"),
        z.iso.date({ error: 'must be a date YYYY-MM-DD, an ISO 8601 UTC time or "last-print"' }),
        z.iso.datetime({ error: 'must be a date YYYY-MM-DD, an ISO 8601 UTC time or "last-print"' }),
      ])
      .optional(),
    printer: z
      .string()
      .trim()
      .min(1, "give the label printer's URI, e.g. tcp://10.0.0.7:9100?language=zpl")
      .max(300)
      .optional(),
    preview: z.boolean().default(false),
  })
  .superRefine((body, ctx) => {
    const chosen = [body.codes, body.departmentId, body.changedSince].filter((s) => s !== undefined).length;
    if (chosen !== 1) {
      ctx.addIssue({
        code: "custom",
        path: ["codes"],
        message: "choose the products one way: codes, departmentId or changedSince",
      });
    }
    if (!body.preview && body.printer === undefined) {
      ctx.addIssue({
        code: "custom",
        path: ["printer"],
        message: "give the label printer's URI (or preview: true)",
      });
    }
  });
export type LabelPrintRequest = z.infer<typeof labelPrintRequestSchema>;

export const labelPrintAnswerSchema = z.object({
  template: z.string(),
  /** The printer as reached ("tcp://10.0.0.7:9100 (zpl)"); null for a preview. */
  printer: z.string().nullable(),
  /** Labels printed (0 for a preview). */
  printed: z.int(),
  /** The products selected, in print order. */
  codes: z.array(z.string()),
});
export type LabelPrintAnswer = z.infer<typeof labelPrintAnswerSchema>;
