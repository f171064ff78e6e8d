/**
 * Rounds sent to the kitchen: each is split into one ticket per station (by its lines'
 * categories), in the caller's transaction, once: the same round sent again changes nothing.
 * A station with a printer gets its ticket queued for printing as soon as the round is fired.
 */
import { eq, sql } from "drizzle-orm";
import { kitchenPrintQueue, kitchenRounds, kitchenTickets } from "../../../schema/store.ts";
import {
  type KitchenRound,
  type KitchenRoundInput,
  type KitchenRoundLine,
  type KitchenRoundStatus,
  kitchenRoundSchema,
} from "../../api/store/kitchen.ts";
import { canonicalJson } from "../../core/events.ts";
import { uuidv7 } from "../../core/ids.ts";
import { type KitchenSettings, stationFor } from "../../core/kitchen-settings.ts";
import { AUDIT_ACTIONS, type AuditAction } from "../audit/actions.ts";
import { recordAudit } from "../audit/service.ts";
import { nextCounter } from "../catalog/service.ts";
import type { StoreContext, StoreDb, StoreTx } from "../context.ts";
import { KitchenError } from "./errors.ts";
import { kitchenWatchOf } from "./watch.ts";

/** Who sent or changed something in the kitchen (for the audit trail). */
export interface KitchenActor {
  userId?: string | null;
  tillId?: string | null;
}

export function kitchenSettingsOf(ctx: StoreContext): KitchenSettings {
  const kitchen = ctx.settings.kitchen;
  if (kitchen === undefined) {
    throw new KitchenError(
      "KITCHEN_NOT_CONFIGURED",
      "this store has no kitchen stations: add [[kitchen.stations]] to its configuration",
    );
  }
  return kitchen;
}

/** A kitchen action in the audit trail, journaled so head office receives it. */
export function auditKitchen(
  ctx: StoreContext,
  tx: StoreTx,
  entry: { action: AuditAction; at: Date; by: KitchenActor; refId: string; detail?: Record<string, unknown> },
): void {
  recordAudit(
    ctx,
    tx,
    {
      action: entry.action,
      at: entry.at,
      userId: entry.by.userId ?? null,
      tillId: entry.by.tillId ?? null,
      refId: entry.refId,
      ...(entry.detail ? { detail: entry.detail } : {}),
    },
    true,
  );
}

/** The next change number of the kitchen's tickets (a display asks for what came after the last it saw). */
export function nextChangeSeq(tx: StoreTx): number {
  const row = tx
    .select({ max: sql<number | null>`max(${kitchenTickets.changeSeq})` })
    .from(kitchenTickets)
    .get();
  return (row?.max ?? 0) + 1;
}

/** The kitchen changed: waiting displays wake once the transaction is over, and so do the printers. */
export function kitchenChanged(ctx: StoreContext): void {
  kitchenWatchOf(ctx).catalogChanged();
  ctx.wakeKitchenPrinters?.();
}

function queuePrint(tx: StoreTx, settings: KitchenSettings, ticketId: string, stationId: string, at: string) {
  if (settings.stations.find((s) => s.id === stationId)?.printer === undefined) return;
  tx.insert(kitchenPrintQueue).values({ ticketId, stationId, nextAt: at, createdAt: at }).run();
}

/**
 * Puts a round in the kitchen: one ticket per station. Sent again with the same id and content,
 * it changes nothing (`created` false); the same id with other content is refused.
 */
export function enqueueKitchenRound(
  ctx: StoreContext,
  tx: StoreTx,
  input: KitchenRound | KitchenRoundInput,
  now: Date,
  by: KitchenActor = {},
): { status: KitchenRoundStatus; created: boolean } {
  const settings = kitchenSettingsOf(ctx);
  const round = kitchenRoundSchema.parse(input);
  const body = canonicalJson(round);
  const existing = tx.select().from(kitchenRounds).where(eq(kitchenRounds.id, round.id)).get();
  if (existing) {
    if (existing.body !== body) {
      throw new KitchenError("ROUND_ID_REUSED", `round ${round.id} was already sent with other lines`);
    }
    return { status: roundStatus(tx, round.id), created: false };
  }
  const at = now.toISOString();
  tx.insert(kitchenRounds)
    .values({ id: round.id, body, fired: round.fired, createdAt: at, firedAt: round.fired ? at : null })
    .run();
  const byStation = new Map<string, KitchenRoundLine[]>();
  for (const line of round.lines) {
    const station = stationFor(settings, line);
    byStation.set(station.id, [...(byStation.get(station.id) ?? []), line]);
  }
  // In the order the stations are configured, so ticket numbers read the same way every time.
  for (const station of settings.stations) {
    const lines = byStation.get(station.id);
    if (lines === undefined) continue;
    const ticketId = uuidv7(now.getTime());
    tx.insert(kitchenTickets)
      .values({
        id: ticketId,
        roundId: round.id,
        stationId: station.id,
        number: nextCounter(tx, "kitchen_ticket"),
        status: "new",
        lines: JSON.stringify(lines),
        changeSeq: nextChangeSeq(tx),
        createdAt: at,
      })
      .run();
    if (round.fired) queuePrint(tx, settings, ticketId, station.id, at);
  }
  auditKitchen(ctx, tx, {
    action: AUDIT_ACTIONS.kitchenRoundSent,
    at: now,
    by,
    refId: round.id,
    detail: {
      lines: round.lines.length,
      stations: [...byStation.keys()],
      fired: round.fired,
      ...(round.tableLabel ? { table: round.tableLabel } : {}),
    },
  });
  kitchenChanged(ctx);
  return { status: roundStatus(tx, round.id), created: true };
}

/** Fires a held round: its tickets show as ready to cook, and print. */
export function fireKitchenRound(
  ctx: StoreContext,
  tx: StoreTx,
  roundId: string,
  now: Date,
  by: KitchenActor = {},
) {
  const settings = kitchenSettingsOf(ctx);
  const round = tx.select().from(kitchenRounds).where(eq(kitchenRounds.id, roundId)).get();
  if (!round) throw new KitchenError("ROUND_NOT_FOUND", `no round ${roundId} was sent to the kitchen`);
  if (round.fired) throw new KitchenError("ROUND_ALREADY_FIRED", `round ${roundId} is already fired`);
  const at = now.toISOString();
  tx.update(kitchenRounds).set({ fired: true, firedAt: at }).where(eq(kitchenRounds.id, roundId)).run();
  for (const ticket of tx.select().from(kitchenTickets).where(eq(kitchenTickets.roundId, roundId)).all()) {
    tx.update(kitchenTickets)
      .set({ changeSeq: nextChangeSeq(tx) })
      .where(eq(kitchenTickets.id, ticket.id))
      .run();
    queuePrint(tx, settings, ticket.id, ticket.stationId, at);
  }
  auditKitchen(ctx, tx, { action: AUDIT_ACTIONS.kitchenRoundFired, at: now, by, refId: roundId });
  kitchenChanged(ctx);
  return roundStatus(tx, roundId);
}

/** A round's tickets, station by station, and whether each is done (bumped). */
export function roundStatus(db: StoreDb | StoreTx, roundId: string): KitchenRoundStatus {
  const round = db.select().from(kitchenRounds).where(eq(kitchenRounds.id, roundId)).get();
  if (!round) throw new KitchenError("ROUND_NOT_FOUND", `no round ${roundId} was sent to the kitchen`);
  const tickets = db
    .select()
    .from(kitchenTickets)
    .where(eq(kitchenTickets.roundId, roundId))
    .orderBy(kitchenTickets.number)
    .all();
  const stations = tickets.map((t) => {
    const status = t.status as KitchenRoundStatus["stations"][number]["status"];
    return { stationId: t.stationId, ticketId: t.id, number: t.number, status, done: status === "bumped" };
  });
  return { id: round.id, fired: round.fired, done: stations.every((s) => s.done), stations };
}
