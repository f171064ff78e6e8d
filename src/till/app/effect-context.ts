/** What the till's effects run with: the services, the devices and the way back to the reducer. */
import type { CashDrawer, CustomerDisplay, ReceiptPrinter, Scale, Scanner } from "../../devices/index.ts";
import type { PaymentTerminal } from "../../devices/payment/payment-terminal.ts";
import type { FiscalRegistrar } from "../../devices/registrar/registrar.ts";
import type { Translator } from "../i18n/index.ts";
import type { TillServices } from "../services.ts";
import type { Command, TillState } from "../state/types.ts";
import type { VideoFeed } from "../video/feed.ts";
import { errorToMessage } from "./error-message.ts";
import type { SaleSigner } from "./fiscal-signing.ts";

export interface TillDevices {
  printer?: ReceiptPrinter;
  scale?: Scale;
  display?: CustomerDisplay;
  drawer?: CashDrawer;
  /** The card terminal: card payments, their refunds and a return's card part go through it. */
  payment?: PaymentTerminal;
  /** A second card terminal (`--payment2`): Ctrl+Z in payment charges it instead of the first. */
  payment2?: PaymentTerminal;
  /** Serial scanners (`--scanner`, `--scanner2`): a code from either is rung as a scan. */
  scanners?: Scanner[];
  /** How long the customer has to present the card and the terminal to answer (ms). */
  paymentTimeoutMs?: number;
  /** The fiscal signature device: every sale is started, updated and finished with it. */
  signer?: SaleSigner;
  /** The fiscal printer: it prints each sale's receipt and keeps it in its memory. */
  registrar?: FiscalRegistrar;
  /** The video security feed: every step of the till, to the store's `[[videoFeeds]]`. */
  videoFeed?: VideoFeed;
}

/** Two minutes for the customer to present the card and the terminal to answer. */
export const CARD_TIMEOUT_MS = 120_000;

export interface EffectContext {
  services: TillServices;
  devices: TillDevices;
  translator: () => Translator;
  state: () => TillState;
  dispatch: (command: Command) => void;
  quit: () => void;
  /** Receipt width when no printer says it (characters). */
  receiptColumns: number;
}

export function fail(
  ctx: EffectContext,
  err: unknown,
  context: Parameters<typeof errorToMessage>[1] = {},
): void {
  ctx.dispatch({ type: "request.failed", message: errorToMessage(err, context) });
}

export function settle<T>(
  ctx: EffectContext,
  work: () => Promise<T>,
  ok: (value: T) => Command,
  context: Parameters<typeof errorToMessage>[1] | boolean = {},
): void {
  const said = typeof context === "boolean" ? { pin: context } : context;
  let promise: Promise<T>;
  try {
    promise = work();
  } catch (err) {
    fail(ctx, err, said);
    return;
  }
  promise.then(
    (value) => ctx.dispatch(ok(value)),
    (err: unknown) => fail(ctx, err, said),
  );
}
