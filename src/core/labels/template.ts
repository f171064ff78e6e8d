/**
 * Shelf-label templates: a label's size in millimetres and the fields printed on it, each at a
 * place (mm from the top-left corner) with a text size (multiples of a 12 × 24-dot character
 * cell) and a width in characters. The store has built-in templates and may define its own
 * (`[[labelTemplates]]` in its configuration).
 */
import { z } from "zod";

export const LABEL_FIELDS = ["name", "price", "unitPrice", "barcode", "promotion", "date", "code"] as const;
export type LabelFieldName = (typeof LABEL_FIELDS)[number];

/** Characters a text field holds when its template does not say. */
export const DEFAULT_MAX_CHARS: Record<Exclude<LabelFieldName, "barcode">, number> = {
  name: 20,
  price: 10,
  unitPrice: 18,
  promotion: 20,
  date: 10,
  code: 14,
};

const mm = (max: number) => z.number().min(0, "must be 0 mm or more").max(max, `must be at most ${max} mm`);

export const labelFieldSchema = z.strictObject({
  field: z.enum(LABEL_FIELDS, { error: `must be one of ${LABEL_FIELDS.join(", ")}` }),
  xMm: mm(300),
  yMm: mm(300),
  /** Text: the character cell's magnification (1: 12 × 24 dots). */
  size: z.number().int().min(1).max(6).default(1),
  /** Text: the characters the field holds on one line. */
  maxChars: z.number().int().min(1).max(80).optional(),
  /** Text: lines a long name wraps onto. */
  lines: z.number().int().min(1).max(4).default(1),
  /** Barcode: bar height, and the narrow bar's width in dots. */
  heightMm: z.number().min(3).max(100).default(10),
  moduleDots: z.number().int().min(1).max(6).default(2),
});
export type LabelField = z.infer<typeof labelFieldSchema>;

export const labelTemplateSchema = z.strictObject({
  name: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]{0,39}$/, "must be lower-case letters, digits and dashes (up to 40)"),
  widthMm: z.number().min(10, "must be at least 10 mm").max(200, "must be at most 200 mm"),
  heightMm: z.number().min(10, "must be at least 10 mm").max(300, "must be at most 300 mm"),
  /** The gap between two labels on the roll. */
  gapMm: z.number().min(0).max(20).default(3),
  fields: z.array(labelFieldSchema).min(1, "needs at least one field").max(16),
});
export type LabelTemplate = z.infer<typeof labelTemplateSchema>;
export type LabelTemplateInput = z.input<typeof labelTemplateSchema>;

/** Templates every store has. */
export const BUILT_IN_TEMPLATES: readonly LabelTemplate[] = [
  labelTemplateSchema.parse({
    name: "shelf-58x40",
    widthMm: 58,
    heightMm: 40,
    fields: [
      { field: "name", xMm: 2, yMm: 2, maxChars: 18, lines: 2 },
      { field: "price", xMm: 2, yMm: 9, size: 2, maxChars: 9 },
      { field: "unitPrice", xMm: 30, yMm: 9, maxChars: 12 },
      { field: "barcode", xMm: 2, yMm: 17, heightMm: 10, moduleDots: 2 },
      { field: "promotion", xMm: 2, yMm: 33, maxChars: 18 },
      { field: "date", xMm: 42, yMm: 33, maxChars: 10 },
    ],
  }),
  labelTemplateSchema.parse({
    name: "shelf-40x30",
    widthMm: 40,
    heightMm: 30,
    fields: [
      { field: "name", xMm: 1, yMm: 1, maxChars: 12 },
      { field: "price", xMm: 1, yMm: 5, size: 2, maxChars: 6 },
      { field: "barcode", xMm: 1, yMm: 13, heightMm: 8, moduleDots: 1 },
      { field: "date", xMm: 24, yMm: 26, maxChars: 10 },
    ],
  }),
];

/** A template by name: the store's own first, then the built-in ones. */
export function findTemplate(name: string, own: readonly LabelTemplate[]): LabelTemplate | undefined {
  return own.find((t) => t.name === name) ?? BUILT_IN_TEMPLATES.find((t) => t.name === name);
}
