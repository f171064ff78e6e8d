/**
 * A quick order at the pick-up point: the basket rung on the sale screen becomes a customer
 * order for later pick-up (Ctrl+O, then F4: paid at collection; F7: prepaid now by card), with
 * the customer on the sale (anonymous without one) and a pick-up time typed as HH:MM today
 * (nothing typed: from now to the end of the day). The store places it (`POST /orders`) and
 * reserves its stock; the basket is cleared once it did.
 */
import { businessDay } from "../../core/business-day.ts";
import type { TillOrderPlaced } from "../services.ts";
import { done, emptySale, fail, msg } from "./initial.ts";
import type { Effect, TillEnv, TillState, Transition } from "./types.ts";

type PlaceOrder = Extract<Effect, { type: "placeOrder" }>;

const CLOCK = /^([01]?\d|2[0-3]):?([0-5]\d)$/;
const END_OF_DAY = "23:59";

function two(n: number): string {
  return String(n).padStart(2, "0");
}

/** The time of day now in the store's time zone, HH:MM. */
function clockNow(env: TillEnv): string {
  const parts = new Intl.DateTimeFormat("en-GB", {
    timeZone: env.settings.timeZone,
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).formatToParts(new Date(env.now()));
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? "00";
  return `${part("hour")}:${part("minute")}`;
}

/** `17:30` (or `1730`): an hour from then, at most to the end of the day; empty: now to the end of the day. */
function slotOf(text: string, env: TillEnv): PlaceOrder["slot"] | null {
  const date = businessDay(new Date(env.now()), env.settings.timeZone);
  if (text === "") return { date, from: clockNow(env), to: END_OF_DAY };
  const match = CLOCK.exec(text);
  if (match === null) return null;
  const from = `${two(Number(match[1]))}:${match[2]}`;
  if (from >= END_OF_DAY) return null;
  const end = Math.min(Number(match[1]) * 60 + Number(match[2]) + 60, 23 * 60 + 59);
  return { date, from, to: `${two(Math.floor(end / 60))}:${two(end % 60)}` };
}

/** F4 (paid at collection) or F7 (prepaid by card) in the orders list, with a basket. */
export function placeQuickOrder(state: TillState, by: "later" | "card", env: TillEnv): Transition {
  const sale = state.sale;
  if (sale.lines.length === 0) return fail(state, "error.orderNeedsBasket");
  if (sale.tenders.length > 0) return fail(state, "error.tendersTaken");
  if (
    sale.discount !== undefined ||
    sale.lines.some((l) => l.discount !== undefined || l.kind === "depositReturn")
  )
    return fail(state, "error.basketNotOrderable");
  const text = state.input.trim();
  const slot = slotOf(text, env);
  if (slot === null) return fail(state, "error.badPickupTime", { text });
  const totalMinor = state.quote?.totalMinor ?? 0;
  const effect: PlaceOrder = {
    type: "placeOrder",
    basketId: sale.id,
    // A product's deposit is the store's to add, as it prices the order as a sale.
    lines: sale.lines
      .filter((l) => l.kind !== "deposit")
      .map((l) => ({
        code: l.code,
        qtyMilli: l.qtyMilli,
        ...(l.priceGiven ? { unitPriceMinor: l.unitPriceMinor } : {}),
      })),
    ...(sale.customer?.kind === "loyalty" ? { customerId: sale.customer.card } : {}),
    slot,
    prepaidCardMinor: by === "card" ? totalMinor : 0,
  };
  return done(
    { ...state, busy: true, input: "", status: { tone: "info", message: msg("info.placingOrder") } },
    effect,
  );
}

/** The store placed the order: the basket it was made of is cleared, and the list shows it. */
export function orderPlaced(
  state: TillState,
  basketId: string,
  placed: TillOrderPlaced,
  env: TillEnv,
): Transition {
  const cleared =
    state.sale.id === basketId
      ? { ...state, sale: emptySale(env.newId()), quote: null, selectedLine: null }
      : state;
  const message =
    placed.prepaidMinor > 0
      ? msg("ok.orderPlacedPrepaid", { number: placed.number, prepaidMinor: placed.prepaidMinor })
      : msg("ok.orderPlaced", { number: placed.number, balanceMinor: placed.balanceDueMinor });
  const date = businessDay(new Date(env.now()), env.settings.timeZone);
  const listing = state.screen.kind === "orders";
  return done(
    { ...cleared, busy: listing, input: "", status: { tone: "ok", message } },
    ...(listing ? [{ type: "listOrders" as const, date }] : []),
  );
}
