/** What the till's effects run with: the services, the devices and the way back to the reducer. */
import type { CashDrawer, CustomerDisplay, ReceiptPrinter, Scale } from "../../devices/index.ts";
import type { PaymentTerminal } from "../../devices/payment/payment-terminal.ts";
import type { Translator } from "../i18n/index.ts";
import type { TillServices } from "../services.ts";
import type { Command, TillState } from "../state/types.ts";
import { errorToMessage } from "./error-message.ts";

export interface TillDevices {
  printer?: ReceiptPrinter;
  scale?: Scale;
  display?: CustomerDisplay;
  drawer?: CashDrawer;
  /** The card terminal: a return's card part is refunded through it. */
  payment?: PaymentTerminal;
}

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
  pin = false,
): void {
  let promise: Promise<T>;
  try {
    promise = work();
  } catch (err) {
    fail(ctx, err, { pin });
    return;
  }
  promise.then(
    (value) => ctx.dispatch(ok(value)),
    (err: unknown) => fail(ctx, err, { pin }),
  );
}
