/**
 * Lots, expiry dates and serial numbers at the till. A GS1 label (GS1-128 or DataMatrix:
 * AI 01 with 10, 17, 21) rings its GTIN with the unit's lot, expiry and serial on the line; a
 * lot past its expiry date is sold only with a supervisor's approval (journaled); a serialised
 * product asks for its serial, scanned or typed.
 */
import { isValidGs1 } from "../../core/barcode.ts";
import { businessDay } from "../../core/business-day.ts";
import { isSerial, looksLikeGs1, parseGs1, parseGs1Product } from "../../core/gs1-128.ts";
import { localErrorMessage } from "../app/error-message.ts";
import type { LineLabel, TillProduct } from "../services.ts";
import { done, fail, failWith, msg } from "./initial.ts";
import type { Prompt, TillEnv, TillState, Transition } from "./types.ts";

/** Enter on a GS1 element string: look its GTIN up, carrying the label's lot, expiry and serial. */
export function submitGs1(state: TillState, text: string, qtyMilli: number | null, env: TillEnv): Transition {
  let element: ReturnType<typeof parseGs1Product>;
  try {
    element = parseGs1Product(text, yearOf(env));
  } catch (err) {
    return failWith({ ...state, input: "" }, localErrorMessage(err));
  }
  const label: LineLabel = {
    ...(element.lot !== undefined ? { lot: element.lot } : {}),
    ...(element.expiry !== undefined ? { expiry: element.expiry } : {}),
    ...(element.serial !== undefined ? { serial: element.serial } : {}),
  };
  const qty = qtyMilli ?? element.netWeightMilli ?? null;
  return done(
    { ...state, input: "", status: null },
    { type: "lookup", code: element.gtin, qtyMilli: qty, label },
  );
}

export { looksLikeGs1 };

function yearOf(env: TillEnv): number {
  return Number(today(env).slice(0, 4));
}

/** Today in the store's time zone, `YYYY-MM-DD`. */
function today(env: TillEnv): string {
  return businessDay(new Date(env.now()), env.settings.timeZone);
}

/**
 * Before a line is added: a serialised product without its serial asks for it; a lot past its
 * expiry asks for a supervisor. Null: nothing to ask, add the line.
 */
export function askBeforeAdding(
  state: TillState,
  product: TillProduct,
  qtyMilli: number,
  priceMinor: number | undefined,
  env: TillEnv,
): Transition | null {
  const label = product.label;
  if (product.serialised === true) {
    if (qtyMilli !== 1000) return fail(state, "error.serialOneEach", { name: product.name });
    if (label?.serial === undefined) {
      return done({
        ...state,
        input: "",
        status: null,
        prompt: { kind: "serial", product, qtyMilli, priceMinor },
      });
    }
    if (state.sale.lines.some((l) => l.code === product.code && l.serial === label.serial)) {
      return fail(state, "error.serialInSale", { serial: label.serial });
    }
  }
  if (label?.expiry !== undefined && label.expiredApproved !== true && label.expiry < today(env)) {
    // Always a supervisor's (as askApproval in approvals.ts, which imports this module).
    return done({
      ...state,
      input: "",
      prompt: {
        kind: "approval",
        action: "expiredLot",
        approved: { type: "lot.expired", product, qtyMilli, priceMinor },
      },
      status: { tone: "info", message: msg("info.approvalNeeded") },
    });
  }
  return null;
}

/** The serial the cashier typed, or `null` with the reason when it is not one. */
export function serialAnswer(
  state: TillState,
  prompt: Extract<Prompt, { kind: "serial" }>,
  scanned: boolean,
  env: TillEnv,
): { product: TillProduct } | { error: Transition } {
  const text = state.input.trim();
  const cleared = { ...state, input: "" };
  let serial = text;
  let label: LineLabel = prompt.product.label ?? {};
  if (looksLikeGs1(text)) {
    // A GS1 label answers with its AI 21; a label of another product or without a serial does not.
    let element: ReturnType<typeof parseGs1>;
    try {
      element = parseGs1(text, yearOf(env));
    } catch (err) {
      return { error: failWith(cleared, localErrorMessage(err)) };
    }
    if (element.serial === undefined) return { error: fail(cleared, "error.notASerial") };
    if (element.gtin !== undefined && !sameItem(element.gtin, prompt.product.code)) {
      return { error: fail(cleared, "error.serialOtherProduct", { name: prompt.product.name }) };
    }
    serial = element.serial;
    label = {
      ...label,
      ...(element.lot !== undefined ? { lot: element.lot } : {}),
      ...(element.expiry !== undefined ? { expiry: element.expiry } : {}),
    };
  } else if (scanned && (isValidGs1(text) || text === prompt.product.code)) {
    // A product's barcode scanned by mistake: the serial label is another one on the box.
    return { error: fail(cleared, "error.notASerial") };
  }
  if (!isSerial(serial)) return { error: fail(cleared, "error.badSerial", { text: serial.slice(0, 24) }) };
  return { product: { ...prompt.product, label: { ...label, serial } } };
}

function sameItem(gtin: string, code: string): boolean {
  const digits = code.replace(/^0+/, "");
  return gtin.replace(/^0+/, "") === digits || !/^\d+$/.test(code);
}
