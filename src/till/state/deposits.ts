/**
 * Deposits at the till: a product that names a deposit rings it on the next line, linked to it
 * (same quantity; voiding or changing the item does the same to its deposit, which cannot be
 * voided, changed or discounted alone). Returned empties (`deposit.return`) ring as a negative
 * line of the deposit product, found by its own code or by a product that names it.
 */
import type { KeyCommand } from "../keys/keymap.ts";
import type { TillLookup } from "../services.ts";
import { appendLine } from "./append-line.ts";
import { done, fail, msg } from "./initial.ts";
import { parseSaleEntry } from "./parse-input.ts";
import { selectedLine } from "./sale.ts";
import type { SaleLine, TillEnv, TillState, Transition } from "./types.ts";

const LINE_COMMANDS: ReadonlySet<string> = new Set(["line.void", "line.price", "line.discount", "line.qty"]);

/**
 * A command on the selected line that a deposit line refuses (it follows its item); returned
 * empties may be voided but not changed. Null when the command may go ahead.
 */
export function refuseOnDeposit(state: TillState, type: KeyCommand): Transition | null {
  const changesLine =
    LINE_COMMANDS.has(type) ||
    (type === "input.submit" && parseSaleEntry(state.input)?.kind === "missingCode");
  if (!changesLine) return null;
  const line = selectedLine(state);
  if (line?.kind === "deposit") return fail(state, "error.depositLinked", { name: line.name });
  if (line?.kind === "depositReturn" && type !== "line.void")
    return fail(state, "error.depositLinked", { name: line.name });
  return null;
}

/** Enter at the empties prompt: look the code up (its quantity as `N*code`). */
export function submitDepositReturn(state: TillState): Transition {
  const entry = parseSaleEntry(state.input);
  if (entry === null) return done({ ...state, prompt: null, input: "" });
  if (entry.kind === "badQuantity") return fail(state, "error.badQuantity", { text: entry.text });
  if (entry.kind === "missingCode") return fail(state, "error.missingCode");
  return done(
    { ...state, input: "", status: null },
    { type: "lookup", code: entry.code, qtyMilli: entry.qtyMilli, purpose: "depositReturn" },
  );
}

/** Rings returned empties: the deposit of the product found (or the product itself), negative. */
export function addDepositReturn(
  state: TillState,
  lookup: TillLookup,
  typedQty: number | null,
  env: TillEnv,
): Transition {
  const deposit = lookup.product.deposit ?? lookup.product;
  const qtyMilli = typedQty ?? 1000;
  if (qtyMilli % 1000 !== 0) return fail(state, "error.wholeQuantity", { name: deposit.name });
  const line: SaleLine = {
    id: state.sale.nextLineId,
    code: deposit.code,
    name: deposit.name,
    unit: deposit.unit,
    qtyMilli: -qtyMilli,
    unitPriceMinor: deposit.priceMinor,
    priceGiven: false,
    taxClass: deposit.taxClass,
    soldByWeight: false,
    kind: "depositReturn",
  };
  return appendLine(
    state,
    line,
    env,
    { tone: "info", message: msg("info.depositReturned", { qtyMilli, name: deposit.name }) },
    (priced) => ({
      type: "display",
      show: "item",
      name: deposit.name,
      amountMinor: priced.quote?.lines.at(-1)?.totalMinor ?? 0,
    }),
  );
}
