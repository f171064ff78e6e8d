/**
 * The kitchen's tickets as a display sees them: a station's tickets changed after a change
 * number (waiting for one when asked), and a ticket started, bumped (done) or recalled.
 */
import { and, desc, eq, gt, inArray, ne, sql } from "drizzle-orm";
import { kitchenRounds, kitchenTickets } from "../../../schema/store.ts";
import {
  type KitchenRound,
  type KitchenTicket,
  type KitchenTicketsAnswer,
  kitchenRoundLineSchema,
  type TicketStatus,
} from "../../api/store/kitchen.ts";
import type { KitchenSettings, KitchenStation } from "../../core/kitchen-settings.ts";
import { AUDIT_ACTIONS, type AuditAction } from "../audit/actions.ts";
import type { StoreContext, StoreDb } from "../context.ts";
import { KitchenError } from "./errors.ts";
import {
  auditKitchen,
  type KitchenActor,
  kitchenChanged,
  kitchenSettingsOf,
  nextChangeSeq,
} from "./rounds.ts";
import { kitchenWatchOf } from "./watch.ts";

/** The most tickets one answer carries; a display asks again from the last one's change. */
const PAGE = 200;
/** Bumped tickets a display is given when it starts (to recall one). */
const RECENT_BUMPED = 10;

type TicketRow = typeof kitchenTickets.$inferSelect;

export function stationOf(settings: KitchenSettings, stationId: string): KitchenStation {
  const station = settings.stations.find((s) => s.id === stationId);
  if (!station) {
    throw new KitchenError(
      "UNKNOWN_STATION",
      `no kitchen station "${stationId}": the stations are ${settings.stations.map((s) => s.id).join(", ")}`,
    );
  }
  return station;
}

function ticketsOf(db: StoreDb, settings: KitchenSettings, rows: TicketRow[]): KitchenTicket[] {
  const roundIds = [...new Set(rows.map((r) => r.roundId))];
  const rounds = new Map(
    roundIds.length === 0
      ? []
      : db
          .select()
          .from(kitchenRounds)
          .where(inArray(kitchenRounds.id, roundIds))
          .all()
          .map((r) => [r.id, { fired: r.fired, body: JSON.parse(r.body) as KitchenRound }] as const),
  );
  return rows.map((row) => {
    const round = rounds.get(row.roundId);
    const printer = settings.stations.find((s) => s.id === row.stationId)?.printer;
    return {
      id: row.id,
      number: row.number,
      roundId: row.roundId,
      stationId: row.stationId,
      status: row.status as TicketStatus,
      fired: round?.fired ?? true,
      tableLabel: round?.body.tableLabel ?? null,
      orderLabel: round?.body.orderLabel ?? null,
      waiterName: round?.body.waiterName ?? null,
      course: round?.body.course ?? null,
      lines: kitchenRoundLineSchema.array().parse(JSON.parse(row.lines)),
      createdAt: row.createdAt,
      startedAt: row.startedAt,
      bumpedAt: row.bumpedAt,
      print: printer === undefined ? "none" : row.printedAt === null ? "queued" : "printed",
      changeSeq: row.changeSeq,
    };
  });
}

function lastChange(db: StoreDb): number {
  const row = db
    .select({ max: sql<number | null>`max(${kitchenTickets.changeSeq})` })
    .from(kitchenTickets)
    .get();
  return row?.max ?? 0;
}

export class KitchenTickets {
  constructor(private readonly ctx: StoreContext) {}

  /** A station's tickets changed after `since` (0: those open, and the last bumped). */
  list(stationId: string, since: number): KitchenTicketsAnswer {
    const settings = kitchenSettingsOf(this.ctx);
    const station = stationOf(settings, stationId);
    const db = this.ctx.db;
    const seq = lastChange(db);
    let rows: TicketRow[];
    if (since === 0) {
      const open = db
        .select()
        .from(kitchenTickets)
        .where(and(eq(kitchenTickets.stationId, station.id), ne(kitchenTickets.status, "bumped")))
        .orderBy(kitchenTickets.changeSeq)
        .limit(PAGE)
        .all();
      const bumped = db
        .select()
        .from(kitchenTickets)
        .where(and(eq(kitchenTickets.stationId, station.id), eq(kitchenTickets.status, "bumped")))
        .orderBy(desc(kitchenTickets.bumpedAt))
        .limit(RECENT_BUMPED)
        .all();
      rows = [...bumped.reverse(), ...open];
    } else {
      rows = db
        .select()
        .from(kitchenTickets)
        .where(and(eq(kitchenTickets.stationId, station.id), gt(kitchenTickets.changeSeq, since)))
        .orderBy(kitchenTickets.changeSeq)
        .limit(PAGE)
        .all();
    }
    const full = since > 0 && rows.length === PAGE;
    return {
      station: { id: station.id, name: station.name },
      tickets: ticketsOf(db, settings, rows),
      seq: full ? (rows.at(-1)?.changeSeq ?? seq) : Math.max(seq, since),
      lateAfterMinutes: settings.lateAfterMinutes,
    };
  }

  /** As `list`, waiting up to `waitMs` for a change when there is none yet. */
  async listWaiting(stationId: string, since: number, waitMs: number, signal?: AbortSignal) {
    const first = this.list(stationId, since);
    if (first.tickets.length > 0 || waitMs === 0) return first;
    const reason = await kitchenWatchOf(this.ctx).wait(waitMs, signal);
    return reason === "timeout" || reason === "closed" ? first : this.list(stationId, since);
  }

  byId(ticketId: string): KitchenTicket {
    const row = this.ctx.db.select().from(kitchenTickets).where(eq(kitchenTickets.id, ticketId)).get();
    const [ticket] = row ? ticketsOf(this.ctx.db, kitchenSettingsOf(this.ctx), [row]) : [];
    if (!ticket) throw new KitchenError("TICKET_NOT_FOUND", `no kitchen ticket ${ticketId}`);
    return ticket;
  }

  start(ticketId: string, by: KitchenActor): KitchenTicket {
    return this.move(ticketId, by, AUDIT_ACTIONS.kitchenTicketStarted, (row) => {
      if (row.status === "bumped") throw alreadyBumped(row);
      return row.status === "new" ? { status: "in_progress", startedAt: this.ctx.now().toISOString() } : null;
    });
  }

  bump(ticketId: string, by: KitchenActor): KitchenTicket {
    return this.move(ticketId, by, AUDIT_ACTIONS.kitchenTicketBumped, (row) => {
      if (row.status === "bumped") throw alreadyBumped(row);
      return { status: "bumped", bumpedAt: this.ctx.now().toISOString() };
    });
  }

  recall(ticketId: string, by: KitchenActor): KitchenTicket {
    return this.move(ticketId, by, AUDIT_ACTIONS.kitchenTicketRecalled, (row) => {
      if (row.status !== "bumped") {
        throw new KitchenError(
          "TICKET_NOT_BUMPED",
          `ticket ${row.number} is not bumped: there is nothing to recall`,
        );
      }
      return {
        status: "in_progress",
        bumpedAt: null,
        startedAt: row.startedAt ?? this.ctx.now().toISOString(),
      };
    });
  }

  private move(
    ticketId: string,
    by: KitchenActor,
    action: AuditAction,
    change: (row: TicketRow) => Partial<TicketRow> | null,
  ): KitchenTicket {
    kitchenSettingsOf(this.ctx);
    const now = this.ctx.now();
    this.ctx.db.transaction((tx) => {
      const row = tx.select().from(kitchenTickets).where(eq(kitchenTickets.id, ticketId)).get();
      if (!row) throw new KitchenError("TICKET_NOT_FOUND", `no kitchen ticket ${ticketId}`);
      const round = tx.select().from(kitchenRounds).where(eq(kitchenRounds.id, row.roundId)).get();
      if (round && !round.fired) {
        throw new KitchenError("TICKET_ON_HOLD", `ticket ${row.number} is on hold until its course is fired`);
      }
      const set = change(row);
      if (set === null) return;
      tx.update(kitchenTickets)
        .set({ ...set, changeSeq: nextChangeSeq(tx) })
        .where(eq(kitchenTickets.id, ticketId))
        .run();
      auditKitchen(this.ctx, tx, {
        action,
        at: now,
        by,
        refId: ticketId,
        detail: { station: row.stationId, number: row.number, round: row.roundId },
      });
      kitchenChanged(this.ctx);
    });
    return this.byId(ticketId);
  }
}

function alreadyBumped(row: TicketRow): KitchenError {
  return new KitchenError("TICKET_ALREADY_BUMPED", `ticket ${row.number} is already bumped`, {
    ticketId: row.id,
  });
}
