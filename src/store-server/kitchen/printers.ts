/**
 * The kitchen printers: tickets wait in the store's database (`kitchen_print_queue`) until their
 * station's printer takes them, so a printer that is off loses nothing: its tickets print, in
 * order, once it is back. A ticket leaves the queue in the transaction that marks it printed.
 */
import { asc, eq, lte } from "drizzle-orm";
import { kitchenPrintQueue, kitchenTickets } from "../../../schema/store.ts";
import type { KitchenStation } from "../../core/kitchen-settings.ts";
import type { TextSlipDoc } from "../../core/receipt-text-slip.ts";
import type { StoreContext } from "../context.ts";
import { kitchenChanged, kitchenSettingsOf } from "./rounds.ts";
import { ticketSlipLines, ticketSlipTitle } from "./slip.ts";
import { KitchenTickets } from "./tickets.ts";

type QueueRow = typeof kitchenPrintQueue.$inferSelect;

/** A kitchen printer as the queue uses it (the store server opens no device itself: see src/cli/kitchen-printer.ts). */
export interface KitchenPrinter {
  readonly description: string;
  /** Prints the slip, or fails when the printer did not take it within `timeoutMs`. */
  printSlip(slip: TextSlipDoc, timeoutMs: number): Promise<void>;
  close(): Promise<void>;
}

/** Opens a station's printer from its URI (tcp://10.0.0.9:9100…). */
export type OpenKitchenPrinter = (uri: string) => KitchenPrinter;

export interface KitchenPrintersOptions {
  log?: (line: string) => void;
  /** How long one attempt may take before the printer counts as off (ms). */
  attemptMs?: number;
  /** The first pause after a failed attempt (ms); it doubles up to `printRetryMaxSeconds`. */
  retryMinMs?: number;
}

export class KitchenPrinters {
  private readonly printers = new Map<string, KitchenPrinter>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private running: Promise<void> | null = null;
  private again = false;
  private stopped = false;
  private readonly tickets: KitchenTickets;

  constructor(
    private readonly ctx: StoreContext,
    private readonly open: OpenKitchenPrinter,
    private readonly options: KitchenPrintersOptions = {},
  ) {
    this.tickets = new KitchenTickets(ctx);
  }

  /** Starts printing what waits, and whatever is queued from now on. */
  start(): void {
    this.ctx.wakeKitchenPrinters = () => this.wake();
    this.wake();
  }

  /** Something was queued: print it soon (after the transaction that queued it is over). */
  wake(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.schedule(0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
    for (const printer of this.printers.values()) await printer.close();
    this.printers.clear();
  }

  private schedule(ms: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.running = this.pass().finally(() => {
        this.running = null;
      });
    }, ms);
  }

  private async pass(): Promise<void> {
    this.again = false;
    try {
      await this.drain();
    } catch (err) {
      this.options.log?.(`store: kitchen printers: ${err instanceof Error ? err.message : String(err)}`);
    }
    if (this.stopped) return;
    if (this.again) {
      this.schedule(0);
      return;
    }
    const next = this.ctx.db
      .select({ nextAt: kitchenPrintQueue.nextAt })
      .from(kitchenPrintQueue)
      .orderBy(asc(kitchenPrintQueue.nextAt))
      .limit(1)
      .get();
    if (next) this.schedule(Math.max(0, new Date(next.nextAt).getTime() - this.ctx.now().getTime()));
  }

  private async drain(): Promise<void> {
    const settings = this.ctx.settings.kitchen;
    if (settings === undefined) return;
    const due = this.ctx.db
      .select()
      .from(kitchenPrintQueue)
      .where(lte(kitchenPrintQueue.nextAt, this.ctx.now().toISOString()))
      .orderBy(asc(kitchenPrintQueue.createdAt), asc(kitchenPrintQueue.ticketId))
      .limit(50)
      .all();
    // A station whose printer failed keeps its later tickets queued, so they print in order.
    const failed = new Set<string>();
    for (const row of due) {
      if (this.stopped) return;
      if (failed.has(row.stationId)) continue;
      const station = settings.stations.find((s) => s.id === row.stationId);
      if (station?.printer === undefined) {
        this.ctx.db.delete(kitchenPrintQueue).where(eq(kitchenPrintQueue.ticketId, row.ticketId)).run();
        continue;
      }
      try {
        await this.printOne(station, row);
      } catch (err) {
        failed.add(row.stationId);
        this.postpone(row, err instanceof Error ? err.message : String(err));
      }
    }
  }

  private async printOne(station: KitchenStation, row: QueueRow): Promise<void> {
    const ticket = this.tickets.byId(row.ticketId);
    const printer = this.printerOf(station);
    await printer.printSlip(
      {
        type: "text-slip",
        title: ticketSlipTitle(station.name, ticket),
        locale: this.ctx.settings.locale,
        lines: ticketSlipLines(ticket),
      },
      this.options.attemptMs ?? 5_000,
    );
    const at = this.ctx.now().toISOString();
    this.ctx.db.transaction((tx) => {
      tx.delete(kitchenPrintQueue).where(eq(kitchenPrintQueue.ticketId, row.ticketId)).run();
      tx.update(kitchenTickets).set({ printedAt: at }).where(eq(kitchenTickets.id, row.ticketId)).run();
    });
    kitchenChanged(this.ctx);
  }

  private postpone(row: QueueRow, error: string): void {
    const maxMs = kitchenSettingsOf(this.ctx).printRetryMaxSeconds * 1000;
    const pauseMs = Math.min((this.options.retryMinMs ?? 1_000) * 2 ** Math.min(row.attempts, 16), maxMs);
    if (row.attempts === 0) {
      this.options.log?.(`store: kitchen ticket for ${row.stationId} waits for its printer: ${error}`);
    }
    this.ctx.db
      .update(kitchenPrintQueue)
      .set({
        attempts: row.attempts + 1,
        nextAt: new Date(this.ctx.now().getTime() + pauseMs).toISOString(),
        lastError: error.slice(0, 500),
      })
      .where(eq(kitchenPrintQueue.ticketId, row.ticketId))
      .run();
  }

  private printerOf(station: KitchenStation): KitchenPrinter {
    let printer = this.printers.get(station.id);
    if (printer === undefined) {
      printer = this.open(station.printer ?? "sim:");
      this.printers.set(station.id, printer);
    }
    return printer;
  }
}
