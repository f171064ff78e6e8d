/**
 * A message to the cashier and/or for the receipt, tied to an event of the sale (`POST /messages`,
 * CONTRACT.md "Promotions and messages"): one zod schema, the type inferred from it.
 *
 * Events: `scan` (a product by `code`, or any of a `category`), `lines` (the sale passes `over`
 * lines), `total` (its total passes `over` minor units), `promotionNear` (a scanned item is one
 * unit short of a promotion; `code`/`category` narrow it to some items), `customer` (a customer
 * is attached), `birthday` (an attached customer's birthday is today) and `time` (a time of day:
 * from `from` to `to`, local time, on `days` — ISO weekdays, every day without; shown on the
 * till's status line while it lasts, see time.ts).
 *
 * `display` is shown to the customer on the till's pole display when the message fires.
 *
 * Texts are templates: `{item}` the scanned item's name, `{customer}` the customer's name,
 * `{promotion}` the promotion almost met, and on the receipt `{prizeCode}`, the sale's prize-draw
 * code (one per sale, recorded at the store).
 */
import { z } from "zod";
import { categoryIdSchema } from "../catalog-stock.ts";
import { productCodeSchema } from "../product-input.ts";

export const MESSAGE_EVENTS = [
  "customer",
  "scan",
  "lines",
  "total",
  "birthday",
  "promotionNear",
  "time",
] as const;
export type MessageEvent = (typeof MESSAGE_EVENTS)[number];

export const messageIdSchema = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9._:-]{1,40}$/, "must be 1 to 40 letters, digits or . _ : -");

const timeOfDay = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time of day "HH:MM"');

const text = z.string().trim().min(1, "must not be empty").max(200, "must be at most 200 characters");

export const messageSchema = z
  .strictObject({
    id: messageIdSchema,
    when: z.strictObject({
      event: z.enum(MESSAGE_EVENTS),
      code: productCodeSchema.optional(),
      category: categoryIdSchema.optional(),
      /** `lines`: a count of lines; `total`: an amount in minor units. */
      over: z.number().int("must be a whole number").min(0, "must not be negative").optional(),
      /** `time`: from (inclusive) and to (exclusive), local "HH:MM"; over midnight when from > to. */
      from: timeOfDay.optional(),
      to: timeOfDay.optional(),
      /** `time`: ISO weekdays, 1 = Monday … 7 = Sunday (every day without). */
      days: z
        .array(z.number().int().min(1, "must be 1 to 7").max(7, "must be 1 to 7"))
        .min(1)
        .max(7)
        .optional(),
    }),
    /** Shown to the cashier on the status line. */
    cashier: text.optional(),
    /** Printed on the receipt of the sale it fired in. */
    receipt: text.optional(),
    /** Shown to the customer on the till's pole display (2 lines of 20 characters), after the item. */
    display: z
      .string()
      .trim()
      .min(1, "must not be empty")
      .max(40, "must be at most 40 characters (the customer display's 2 lines of 20)")
      .refine((t) => !t.includes("{prizeCode}"), "the prize-draw code is for the receipt text")
      .optional(),
    /** The cashier must press Enter to go on (a prompt), instead of a line on the status bar. */
    confirm: z.boolean().optional(),
  })
  .superRefine((m, ctx) => {
    const { event, code, category, over } = m.when;
    if (m.cashier === undefined && m.receipt === undefined && m.display === undefined) {
      ctx.addIssue({
        code: "custom",
        path: ["cashier"],
        message: "give cashier, receipt or display text (or several)",
      });
    }
    if ((event === "lines" || event === "total") && over === undefined) {
      ctx.addIssue({ code: "custom", path: ["when", "over"], message: `a ${event} message needs over` });
    }
    if (event !== "lines" && event !== "total" && over !== undefined) {
      ctx.addIssue({
        code: "custom",
        path: ["when", "over"],
        message: `over is for lines and total messages`,
      });
    }
    if (event === "scan" && code === undefined && category === undefined) {
      ctx.addIssue({
        code: "custom",
        path: ["when", "code"],
        message: "a scan message needs code or category",
      });
    }
    if (event !== "scan" && event !== "promotionNear" && (code !== undefined || category !== undefined)) {
      ctx.addIssue({
        code: "custom",
        path: ["when", "code"],
        message: "code and category are for scan and promotionNear messages",
      });
    }
    const { from, to, days } = m.when;
    if (event === "time") {
      if (from === undefined || to === undefined) {
        ctx.addIssue({
          code: "custom",
          path: ["when", from === undefined ? "from" : "to"],
          message: "a time message needs from and to",
        });
      } else if (from === to) {
        ctx.addIssue({ code: "custom", path: ["when", "to"], message: "must not be the same time as from" });
      }
      if (m.receipt !== undefined || m.confirm !== undefined || m.display !== undefined) {
        ctx.addIssue({
          code: "custom",
          path: [m.receipt !== undefined ? "receipt" : m.display !== undefined ? "display" : "confirm"],
          message: "a time message shows on the till's status line: give cashier text only",
        });
      }
    } else if (from !== undefined || to !== undefined || days !== undefined) {
      ctx.addIssue({
        code: "custom",
        path: ["when", from !== undefined ? "from" : to !== undefined ? "to" : "days"],
        message: "from, to and days are for time messages",
      });
    }
    if (m.confirm === true && m.cashier === undefined) {
      ctx.addIssue({ code: "custom", path: ["confirm"], message: "confirm needs cashier text" });
    }
  });
export type Message = z.infer<typeof messageSchema>;

/** A message as a store keeps it, read back leniently: one a till cannot read is left out. */
export function readableMessages(list: readonly unknown[]): Message[] {
  return list.flatMap((m) => {
    const {
      source: _s,
      active: _a,
      updatedAt: _u,
      createdAt: _c,
      ...message
    } = typeof m === "object" && m !== null ? (m as Record<string, unknown>) : {};
    const parsed = messageSchema.safeParse(message);
    return parsed.success ? [parsed.data] : [];
  });
}
