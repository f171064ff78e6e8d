/**
 * A rehearsal of the scan, off screen, while the till waits for its first cashier.
 *
 * Right after a start, the runtime runs the till's code in its interpreter and compiles it
 * only once it has run for a while: a scan among the first 200 of the day (or after a restart
 * in the middle of a rush) was about five times as likely to take over 5 ms as a later one
 * (docs/benchmarks.md).
 * So while the log-in screen waits, a second till, drawn on a terminal nobody sees, logs in and
 * scans a few hundred codes through the very same code: the key decoder, the controller and
 * reducer, the pricing engine, React, the layout and Ink's output. It sells nothing: its
 * services answer for made-up products and refuse everything else, and nothing it draws is
 * written anywhere.
 *
 * It runs one scan at a time, each after whatever else waits on the event loop, and stops for
 * good once a cashier logs in: the PIN typed meanwhile waits for one rehearsed scan at most,
 * and a sale never does.
 */
import { PassThrough, Writable } from "node:stream";
import type { Instance } from "ink";
import { DomainError } from "../../core/errors.ts";
import type { TillLanguage } from "../i18n/index.ts";
import type { Keymap } from "../keys/keymap.ts";
import type { Cashier, TillLookup, TillServices } from "../services.ts";
import { TillController } from "./controller.ts";
import type { GarbagePolicy } from "./garbage.ts";

/** Scans rehearsed; enough for the runtime to compile the scan's code (docs/benchmarks.md). */
export const REHEARSED_SCANS = 200;
/** Products the rehearsal scans, in turn. */
const PRODUCTS = 12;
/** How long a rehearsed step (the log-in, a scan's line) may take before the rehearsal gives up. */
const STEP_TIMEOUT_MS = 2_000;
/** The PIN the rehearsal logs in with (its services accept any). */
const PIN = "0000";

class RehearsalOnly extends DomainError {
  readonly code = "REHEARSAL";
}

/** Thirteen digits, as a scanner types an EAN-13. */
function codeOf(index: number): string {
  return String(2_000_000_000_000 + (index % PRODUCTS) * 7_919);
}

/** The till's services as the rehearsal sees them: the real settings, made-up products, no sales. */
function rehearsalServices(real: TillServices): TillServices {
  const refuse = (): Promise<never> => Promise.reject(new RehearsalOnly("not during the rehearsal"));
  const cashier: Cashier = { id: "rehearsal", name: "Rehearsal", role: "cashier" };
  const taxClass = (): string | null => real.settings().taxClasses[0]?.id ?? null;
  return {
    identity: () => real.identity(),
    settings: () => real.settings(),
    lookup: (code: string): TillLookup => {
      const index = (Number(code.slice(-6)) / 7_919) % PRODUCTS;
      return {
        product: {
          code,
          name: `Rehearsed product ${index + 1}`,
          priceMinor: 100 + index * 37,
          taxClass: taxClass(),
          department: null,
          soldByWeight: false,
          openPrice: false,
          unit: "each",
        },
      };
    },
    search: () => [],
    login: () => Promise.resolve(cashier),
    logout: () => Promise.resolve(),
    approve: refuse,
    nextReceiptNo: () => "REHEARSAL",
    completeSale: refuse,
    cancelSale: refuse,
    holdSale: refuse,
    listHeld: refuse,
    resumeHeld: refuse,
    findSale: refuse,
    recordReturn: refuse,
    openDrawer: refuse,
    currentShift: () =>
      Promise.resolve({ id: "rehearsal", floatMinor: 0, openedAt: new Date(0).toISOString() }),
    openShift: refuse,
    moveCash: refuse,
    xReport: refuse,
    closeShift: refuse,
    journalPrint: (doc) => ({
      id: 0,
      kind: doc.type === "receipt" ? "receipt" : "report",
      receiptNo: null,
      title: "REHEARSAL",
      at: new Date(0).toISOString(),
    }),
    recentPrints: () => [],
    reprint: () => {
      throw new RehearsalOnly("not during the rehearsal");
    },
    refusedSales: () => [],
    exportRefused: () => {
      throw new RehearsalOnly("not during the rehearsal");
    },
    resendRefused: () => {
      throw new RehearsalOnly("not during the rehearsal");
    },
    // Nothing the rehearsal does is a cashier's action: nothing is kept for the store.
    trace: () => {
      throw new RehearsalOnly("not during the rehearsal");
    },
    status: () => real.status(),
    subscribe: () => () => {},
  };
}

/** A terminal of the real one's size that keeps nothing written to it. */
class OffScreen extends Writable {
  readonly isTTY = true;
  constructor(
    readonly columns: number,
    readonly rows: number,
  ) {
    super();
  }
  override _write(_chunk: unknown, _encoding: BufferEncoding, done: (error?: Error | null) => void): void {
    done();
  }
}

export interface RehearsalOptions {
  services: TillServices;
  keymap: Keymap;
  lang: TillLanguage;
  columns: number;
  rows: number;
  /** Draws the rehearsal's till on its streams (ui/mount.ts's mountOnStreams; passed in to keep this module free of the UI). */
  mount: (
    controller: TillController,
    streams: { stdin: NodeJS.ReadStream; stdout: NodeJS.WriteStream },
  ) => Instance;
  /** Asked before each rehearsed scan: false once the real till needs the time (a cashier logged in). */
  goOn: () => boolean;
  /**
   * The real till's garbage policy: the rehearsal's frames are collected after as the real
   * ones are, and what they left is collected and given back once it is over, unless a
   * cashier is waiting. Without this the rehearsal's garbage stayed resident all day: 110 MB at
   * the log-in screen against 77 MB, and 101 MB after 1,000 scanned lines against 87 MB.
   */
  garbage: GarbagePolicy;
  scans?: number;
}

/** Lets whatever waits on the event loop (the real till's keys, its link to the store) run first. */
const yieldToTill = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * Rehearses the scan; resolves with the number of scans rehearsed once done or given way.
 * Never throws: a rehearsal that goes wrong costs the till nothing but its speed at the first
 * scans.
 */
export async function rehearse(options: RehearsalOptions): Promise<number> {
  const stdin = new PassThrough();
  const stdout = new OffScreen(options.columns, options.rows);
  const controller = new TillController({
    services: rehearsalServices(options.services),
    keymap: options.keymap,
    lang: options.lang,
    garbage: options.garbage,
  });
  let instance: Instance | undefined;
  let done = 0;
  // A step that never comes (a code its screen refused, say) ends the rehearsal, not the wait.
  const reached = (test: () => boolean): Promise<void> =>
    new Promise((resolve, reject) => {
      if (test()) return resolve();
      const timer = setTimeout(() => {
        stop();
        reject(new RehearsalOnly("a rehearsed step never showed"));
      }, STEP_TIMEOUT_MS);
      const stop = controller.subscribe(() => {
        if (!test()) return;
        clearTimeout(timer);
        stop();
        resolve();
      });
    });
  const type = (text: string) => {
    // Key by key, as a keyboard-wedge scanner types.
    for (const char of text) stdin.write(char);
  };
  try {
    await yieldToTill();
    if (!options.goOn()) return done;
    instance = options.mount(controller, {
      stdin: stdin as unknown as NodeJS.ReadStream,
      stdout: stdout as unknown as NodeJS.WriteStream,
    });
    type(`${PIN}\r`);
    await reached(() => controller.state.screen.kind === "sale");
    const scans = options.scans ?? REHEARSED_SCANS;
    while (done < scans) {
      await yieldToTill();
      if (!options.goOn()) break;
      const lines = controller.state.sale.lines.length;
      type(`${codeOf(done)}\r`);
      await reached(() => controller.state.sale.lines.length > lines);
      await instance.waitUntilRenderFlush();
      done++;
    }
  } catch {
    // Nothing to tell: the real till is untouched either way.
  } finally {
    instance?.unmount();
    controller.dispose();
    stdin.destroy();
    stdout.destroy();
  }
  if (instance !== undefined && options.goOn()) options.garbage.whenQuiet();
  return done;
}
