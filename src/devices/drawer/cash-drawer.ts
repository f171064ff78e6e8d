/**
 * The cash drawer, kicked open through the receipt printer (ESC p). Every opening is recorded
 * with its reason, whether the drawer actually received the pulse or not, so a shift's no-sale
 * openings can be counted and a failed kick is visible.
 */
import { InvalidInputError } from "../../core/errors.ts";
import type { ReceiptPrinter } from "../printer/printer.ts";

export const DRAWER_REASONS = ["sale", "refund", "no-sale", "cash-in", "cash-out", "test"] as const;
export type DrawerReason = (typeof DRAWER_REASONS)[number];

export interface DrawerContext {
  saleId?: string;
  cashierId?: string;
  note?: string;
}

export interface DrawerOpening extends DrawerContext {
  at: string;
  reason: DrawerReason;
  /** True when the pulse reached the printer. */
  ok: boolean;
  /** Why it failed, for the cashier. */
  detail?: string;
}

export interface CashDrawer {
  readonly description: string;
  /** Opens the drawer and records why; never throws for device trouble (see `ok`). */
  open(reason: DrawerReason, context?: DrawerContext): Promise<DrawerOpening>;
  /** Every opening so far, oldest first. */
  openings(): readonly DrawerOpening[];
  /** Called for each opening, so the till can record it durably. */
  onOpening(listener: (opening: DrawerOpening) => void): () => void;
}

export class KickDrawer implements CashDrawer {
  private readonly log: DrawerOpening[] = [];
  private readonly listeners = new Set<(opening: DrawerOpening) => void>();

  constructor(
    readonly description: string,
    private readonly kick: () => Promise<void>,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async open(reason: DrawerReason, context: DrawerContext = {}): Promise<DrawerOpening> {
    if (!(DRAWER_REASONS as readonly string[]).includes(reason)) {
      throw new InvalidInputError(
        "INVALID_DRAWER_REASON",
        `"${reason}" is not a drawer reason; use one of ${DRAWER_REASONS.join(", ")}.`,
        { reason },
      );
    }
    let opening: DrawerOpening;
    try {
      await this.kick();
      opening = { at: this.now().toISOString(), reason, ok: true, ...context };
    } catch (error) {
      const detail = `The drawer did not open: ${error instanceof Error ? error.message : String(error)} Open it with its key if needed.`;
      opening = { at: this.now().toISOString(), reason, ok: false, detail, ...context };
    }
    this.log.push(opening);
    for (const listener of [...this.listeners]) listener(opening);
    return opening;
  }

  openings(): readonly DrawerOpening[] {
    return this.log;
  }

  onOpening(listener: (opening: DrawerOpening) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

/** The drawer on a receipt printer's kick-out connector. */
export function printerDrawer(printer: ReceiptPrinter, now?: () => Date): CashDrawer {
  return new KickDrawer(`cash drawer on ${printer.description}`, () => printer.kickDrawer(), now);
}

/** A drawer with nothing behind it (tills without one, demos). */
export function simulatedDrawer(now?: () => Date): CashDrawer {
  return new KickDrawer("simulated cash drawer", async () => undefined, now);
}
