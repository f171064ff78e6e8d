/**
 * Ringing up: codes and quantities, weighed and open-price items, voids, price overrides and
 * discounts (with a supervisor's approval where the store asks for one).
 */

import { localErrorMessage } from "../app/error-message.ts";
import type { TillAuditEntry, TillLookup, TillProduct } from "../services.ts";
import { askAge } from "./age-check.ts";
import { appendLine, canAppend } from "./append-pricing.ts";
import { priceSale, promotionsAt } from "./basket.ts";
import { depositLineFor } from "./deposit-lines.ts";
import { done, fail, failWith, msg } from "./initial.ts";
import { askBeforeAdding, looksLikeGs1, submitGs1 } from "./lots-serials.ts";
import { messagesOnScan } from "./messages.ts";
import { parseSaleEntry } from "./parse-input.ts";
import { priceScan } from "./promoted-append.ts";
import type { Sale, SaleLine, TillEnv, TillState, Transition } from "./types.ts";

/** Enter on the sale screen: look the code up (locally, at once). */
export function submitEntry(state: TillState, env: TillEnv): Transition {
  const entry = parseSaleEntry(state.input);
  if (entry === null) return done(state);
  if (entry.kind === "badQuantity") return fail(state, "error.badQuantity", { text: entry.text });
  if (entry.kind === "missingCode") return fail(state, "error.missingCode");
  if (looksLikeGs1(entry.code)) return submitGs1(state, entry.code, entry.qtyMilli, env);
  return done(
    { ...state, input: "", status: null },
    { type: "lookup", code: entry.code, qtyMilli: entry.qtyMilli },
  );
}

/**
 * A code was found: add it, or ask for what is missing (price, weight). A typed quantity wins
 * over a label's; a count label rings its pieces at the product's unit price.
 */
export function addLookup(
  state: TillState,
  lookup: TillLookup,
  typedQty: number | null,
  env: TillEnv,
): Transition {
  const { product } = lookup;
  // A count label's pieces are a whole quantity: they never stand for a weighed item's weight.
  const labelQty = product.soldByWeight && lookup.qtyKind === "count" ? undefined : lookup.qtyMilli;
  const qtyMilli = typedQty ?? labelQty ?? null;
  if (!product.soldByWeight && qtyMilli !== null && qtyMilli % 1000 !== 0) {
    return fail(state, "error.wholeQuantity", { name: product.name });
  }
  if (lookup.priceMinor !== undefined)
    return addLine(state, product, qtyMilli ?? 1000, lookup.priceMinor, env);
  if (product.openPrice) {
    return done({ ...state, input: "", prompt: { kind: "price", product, qtyMilli: qtyMilli ?? 1000 } });
  }
  if (product.soldByWeight && qtyMilli === null) {
    if (env.hasScale) {
      return done(
        { ...state, busy: true, status: { tone: "info", message: msg("info.weighing") } },
        {
          type: "weigh",
          product,
        },
      );
    }
    return done({ ...state, input: "", prompt: { kind: "weight", product } });
  }
  return addLine(state, product, qtyMilli ?? 1000, undefined, env);
}

/** Adds a line and prices the sale again; a line the engine refuses is not added. */
export function addLine(
  state: TillState,
  product: TillProduct,
  qtyMilli: number,
  priceMinor: number | undefined,
  env: TillEnv,
  /** The cashier already confirmed a quantity or price far above the usual. */
  checked = false,
): Transition {
  const unitPriceMinor = priceMinor ?? product.priceMinor;
  if (unitPriceMinor > env.settings.maxPriceMinor) return fail(state, "error.priceTooHigh");
  const asked = askBeforeAdding(state, product, qtyMilli, priceMinor, env);
  if (asked !== null) return asked;
  const ageAsked = askAge(state, product, qtyMilli, priceMinor, checked);
  if (ageAsked !== null) return ageAsked;
  const bigQty = qtyMilli > env.settings.confirmQtyAbove * 1000;
  const bigPrice = priceMinor !== undefined && priceMinor > env.settings.confirmPriceAboveMinor;
  if (!checked && (bigQty || bigPrice)) {
    const question = bigPrice
      ? msg("prompt.confirmPrice", { name: product.name, priceMinor })
      : msg("prompt.confirmQty", { qtyMilli, name: product.name });
    return done({
      ...state,
      input: "",
      status: null,
      prompt: { kind: "confirm", question, confirmed: { type: "line.add", product, qtyMilli, priceMinor } },
    });
  }
  const line: SaleLine = {
    id: state.sale.nextLineId,
    code: product.code,
    name: product.name,
    unit: product.unit,
    qtyMilli,
    unitPriceMinor,
    priceGiven: priceMinor !== undefined,
    taxClass: product.taxClass,
    soldByWeight: product.soldByWeight,
    department: product.department,
    ...(product.category !== undefined ? { category: product.category } : {}),
    ...(product.snapEligible ? { snapEligible: true } : {}),
    ...(product.label?.lot !== undefined ? { lot: product.label.lot } : {}),
    ...(product.label?.expiry !== undefined ? { expiry: product.label.expiry } : {}),
    ...(product.label?.serial !== undefined ? { serial: product.label.serial } : {}),
  };
  const deposit = depositLineFor(product, line);
  const cashierId = state.sale.cashierId ?? state.cashier?.id;
  const sale: Sale = {
    ...state.sale,
    ...(cashierId !== undefined ? { cashierId } : {}),
    lines: deposit === null ? [...state.sale.lines, line] : [...state.sale.lines, line, deposit],
    nextLineId: (deposit ?? line).id + 1,
  };
  const appendable =
    canAppend(env.settings, sale.discount !== undefined) && deposit === null && sale.customer === undefined;
  const next = appendable ? priceScanned(state, sale, line, env) : reprice(state, sale, env);
  if ("error" in next) return next.error;
  const priced = next.state.quote?.lines.at(deposit === null ? -1 : -2);
  const shown = messagesOnScan(
    state,
    { ...next.state, prompt: null, input: "", selectedLine: null, lastSale: null, status: null },
    line,
    env,
  );
  return done(
    shown.state,
    { type: "display", show: "item", name: line.name, amountMinor: priced?.totalMinor ?? 0 },
    ...shown.effects,
  );
}

function append(
  state: TillState,
  sale: Sale,
  line: SaleLine,
  env: TillEnv,
): { state: TillState } | { error: Transition } {
  try {
    const quote = appendLine(state.quote, line, env.settings);
    // With promotions in force, the sale's quote names them (none yet: an empty list).
    const promotions = promotionsAt(env) === null ? undefined : (state.quote?.promotions ?? []);
    return { state: { ...state, sale, quote: promotions === undefined ? quote : { ...quote, promotions } } };
  } catch (err) {
    return { error: failWith(state, localErrorMessage(err)) };
  }
}

/**
 * The sale with a scanned line added: the line priced alone when no promotion touches it, else
 * the sale priced by parts when it can be (promoted-append.ts), else whole.
 */
function priceScanned(
  state: TillState,
  sale: Sale,
  line: SaleLine,
  env: TillEnv,
): { state: TillState } | { error: Transition } {
  try {
    const priced = priceScan(sale, env);
    if (priced === "alone") return append(state, sale, line, env);
    if (priced !== null) return { state: { ...state, sale, quote: priced } };
  } catch (err) {
    return { error: failWith(state, localErrorMessage(err)) };
  }
  return reprice(state, sale, env);
}

/** Replaces the sale and its quote; refuses (keeping the old sale) when pricing fails. */
export function reprice(
  state: TillState,
  sale: Sale,
  env: TillEnv,
): { state: TillState } | { error: Transition } {
  try {
    return { state: { ...state, sale, quote: priceSale(sale, env.settings, promotionsAt(env)) } };
  } catch (err) {
    return { error: failWith(state, localErrorMessage(err)) };
  }
}

export function selectedLine(state: TillState): SaleLine | undefined {
  const lines = state.sale.lines;
  if (state.selectedLine === null) return lines.at(-1);
  return lines.find((l) => l.id === state.selectedLine) ?? lines.at(-1);
}

export function moveSelection(state: TillState, delta: number): TillState {
  const lines = state.sale.lines;
  if (lines.length === 0) return state;
  const current = selectedLine(state);
  const index = current === undefined ? lines.length - 1 : lines.indexOf(current);
  const next = Math.min(lines.length - 1, Math.max(0, index + delta));
  const id = lines[next]?.id ?? null;
  return { ...state, selectedLine: next === lines.length - 1 ? null : id };
}

export function audit(
  state: TillState,
  env: TillEnv,
  action: TillAuditEntry["action"],
  approvedBy: string | null,
  proof: TillAuditEntry["approval"],
  detail: TillAuditEntry["detail"],
): TillAuditEntry {
  const entry: TillAuditEntry = { action, at: env.now(), userId: state.cashier?.id ?? null, approvedBy };
  if (approvedBy !== null && proof !== undefined) entry.approval = proof;
  if (detail !== undefined) entry.detail = detail;
  return entry;
}
