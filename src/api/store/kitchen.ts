/**
 * The kitchen's contract: a round of lines sent to the kitchen (`POST /kitchen/rounds`, or
 * `enqueueKitchenRound` from a table order), the tickets a kitchen display reads and bumps, and a
 * round's status back to the waiter.
 */
import { z } from "zod";
import { MAX_QTY_MILLI } from "../../core/quantity.ts";

/** The most lines one round may carry. */
export const MAX_ROUND_LINES = 100;

const label = z.string().trim().min(1).max(40);
const refId = z.string().trim().min(1).max(40);

export const kitchenRoundLineSchema = z.strictObject({
  lineId: z.string().trim().min(1).max(64),
  name: z.string().trim().min(1).max(80),
  quantityMilli: z.int().min(1, "must be positive").max(MAX_QTY_MILLI, "is absurd: at most 10,000 units"),
  /** Routes the line to a station (`[[kitchen.stations]]`'s categories). */
  categoryId: refId.optional(),
  /** Routes the line when no station lists its category. */
  departmentId: refId.optional(),
  modifiers: z.array(z.string().trim().min(1).max(60)).max(20).default([]),
  notes: z.string().trim().min(1).max(200).optional(),
  seat: z.int().min(1).max(99).optional(),
});
export type KitchenRoundLine = z.infer<typeof kitchenRoundLineSchema>;

export const kitchenRoundSchema = z.strictObject({
  id: z.uuid("must be a UUID"),
  tableLabel: label.optional(),
  /** A takeaway or delivery order's label when there is no table. */
  orderLabel: label.optional(),
  waiterId: refId.optional(),
  waiterName: label.optional(),
  /** "1", "2", "mains"…: a course held back until it is fired. */
  course: z.string().trim().min(1).max(20).optional(),
  /** false: the kitchen sees the tickets on hold until `POST /kitchen/rounds/:id/fire`. */
  fired: z.boolean().default(true),
  lines: z
    .array(kitchenRoundLineSchema)
    .min(1, "a round has at least one line")
    .max(MAX_ROUND_LINES, `a round has at most ${MAX_ROUND_LINES} lines`),
});
export type KitchenRound = z.infer<typeof kitchenRoundSchema>;
export type KitchenRoundInput = z.input<typeof kitchenRoundSchema>;

export const TICKET_STATUSES = ["new", "in_progress", "bumped"] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];

export const kitchenTicketSchema = z.object({
  id: z.string(),
  number: z.int(),
  roundId: z.string(),
  stationId: z.string(),
  status: z.enum(TICKET_STATUSES),
  /** false: the course is held; the kitchen waits for it to be fired. */
  fired: z.boolean(),
  tableLabel: z.string().nullable(),
  orderLabel: z.string().nullable(),
  waiterName: z.string().nullable(),
  course: z.string().nullable(),
  lines: z.array(kitchenRoundLineSchema),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  bumpedAt: z.string().nullable(),
  /** "none": the station has no printer; "queued": waiting for it; "printed". */
  print: z.enum(["none", "queued", "printed"]),
  changeSeq: z.int(),
});
export type KitchenTicket = z.infer<typeof kitchenTicketSchema>;

export const kitchenTicketsQuerySchema = z.object({
  station: z.string().regex(/^[A-Za-z0-9_-]{1,20}$/, "must be a station id"),
  /** The last `seq` seen: only tickets changed after it (0: the tickets not bumped, and the last bumped ones). */
  since: z.coerce.number().int().min(0).default(0),
  /** ms to wait for a change when there is none yet (long poll); 0 answers at once. */
  wait: z.coerce.number().int().min(0).max(25_000).default(0),
});

export const kitchenTicketsAnswerSchema = z.object({
  station: z.object({ id: z.string(), name: z.string() }),
  tickets: z.array(kitchenTicketSchema),
  /** Ask again with `since` = this. */
  seq: z.int(),
  lateAfterMinutes: z.int(),
});
export type KitchenTicketsAnswer = z.infer<typeof kitchenTicketsAnswerSchema>;

export const kitchenTicketParamsSchema = z.object({ id: z.uuid("must be a ticket id") });
export const kitchenRoundParamsSchema = z.object({ id: z.uuid("must be a round id") });

export const kitchenRoundStatusSchema = z.object({
  id: z.string(),
  fired: z.boolean(),
  /** Every station's ticket is bumped. */
  done: z.boolean(),
  stations: z.array(
    z.object({
      stationId: z.string(),
      ticketId: z.string(),
      number: z.int(),
      status: z.enum(TICKET_STATUSES),
      done: z.boolean(),
    }),
  ),
});
export type KitchenRoundStatus = z.infer<typeof kitchenRoundStatusSchema>;
