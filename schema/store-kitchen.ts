/**
 * The kitchen: rounds sent by waiters (or an API client), the tickets each round is split into
 * (one per station), and the durable queue of tickets waiting for a kitchen printer.
 */
import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";

export const kitchenRounds = sqliteTable("kitchen_rounds", {
  id: text("id").primaryKey(),
  /** The round as sent (JSON, src/api/store/kitchen.ts), so a repeat is recognised. */
  body: text("body").notNull(),
  fired: integer("fired", { mode: "boolean" }).notNull(),
  createdAt: text("created_at").notNull(),
  firedAt: text("fired_at"),
});

export const kitchenTickets = sqliteTable(
  "kitchen_tickets",
  {
    id: text("id").primaryKey(),
    roundId: text("round_id").notNull(),
    stationId: text("station_id").notNull(),
    /** Shown on the screen and the slip: 1, 2, 3… per store. */
    number: integer("number").notNull(),
    /** "new" | "in_progress" | "bumped". */
    status: text("status").notNull(),
    /** This station's lines of the round (JSON). */
    lines: text("lines").notNull(),
    /** Raised on every change: a kitchen display asks for what changed after the last it saw. */
    changeSeq: integer("change_seq").notNull(),
    createdAt: text("created_at").notNull(),
    startedAt: text("started_at"),
    bumpedAt: text("bumped_at"),
    /** Printed on the station's printer (null: not yet, or the station has none). */
    printedAt: text("printed_at"),
  },
  (t) => [
    uniqueIndex("kitchen_tickets_round_station").on(t.roundId, t.stationId),
    uniqueIndex("kitchen_tickets_change_seq").on(t.changeSeq),
    index("kitchen_tickets_station_status").on(t.stationId, t.status),
  ],
);

export const kitchenPrintQueue = sqliteTable(
  "kitchen_print_queue",
  {
    ticketId: text("ticket_id").primaryKey(),
    stationId: text("station_id").notNull(),
    attempts: integer("attempts").notNull().default(0),
    nextAt: text("next_at").notNull(),
    lastError: text("last_error"),
    createdAt: text("created_at").notNull(),
  },
  (t) => [index("kitchen_print_queue_next_at").on(t.nextAt)],
);

export const storeKitchenSchema = { kitchenRounds, kitchenTickets, kitchenPrintQueue };
