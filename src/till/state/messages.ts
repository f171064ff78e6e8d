/**
 * The message system at the till: after an item is scanned, the messages it fires (by the item,
 * its category, the sale's line count and total, a promotion one unit short) go on the status
 * line, or in a prompt that needs Enter when the message asks for it; their receipt texts are kept
 * with the sale and printed on its receipt, with the sale's prize-draw code where a text asks for
 * it; their display texts go to the customer display. Each message fires at most once per sale. `messagesOnCustomer` is the door for attaching a
 * customer (customer and birthday messages).
 */
import {
  type FiredMessage,
  firedMessages,
  prizeCodeOf,
  renderTemplate,
  type SaleEvent,
  type SaleShape,
  wantsNearPromotions,
  wantsPrizeCode,
} from "../../core/messages/index.ts";
import { type PromotionLine, promotionClockAt, promotionsNear } from "../../core/promotions/index.ts";
import type { Effect, Message, Sale, SaleLine, TillEnv, TillState, Transition } from "./types.ts";

/**
 * A message's own words, as head office wrote them for its tills (the till's own words around
 * them, such as the notice's "Enter to go on", are in the till's languages).
 */
function asWritten(text: string): Message {
  return { text };
}

function shapeOf(state: Pick<TillState, "sale" | "quote">): SaleShape {
  return { lines: state.sale.lines.length, totalMinor: state.quote?.totalMinor ?? 0 };
}

/** Names of the promotions one more unit of the scanned line would bring. */
function nearOf(state: TillState, line: SaleLine, env: TillEnv): string[] {
  const promotions = env.promotions;
  const quote = state.quote;
  if (promotions === undefined || quote === null) return [];
  const index = state.sale.lines.indexOf(line);
  const lines: PromotionLine[] = quote.lines.map((q, i) => ({
    code: q.code,
    qtyMilli: q.qtyMilli,
    amountMinor: q.extendedMinor,
    department: state.sale.lines[i]?.department ?? null,
    categories: promotions.categoriesOf(state.sale.lines[i]?.category),
    kind: q.kind,
  }));
  return promotionsNear(promotions.book, lines, index, {
    clock: promotionClockAt(new Date(env.now()), env.settings.timeZone),
    roundingMode: env.settings.roundingMode,
  });
}

/** The sale and screen after messages fired: status line, a notice prompt, receipt texts kept. */
function showFired(state: TillState, fired: readonly FiredMessage[]): TillState {
  if (fired.length === 0) return state;
  const kept = state.sale.messages ?? { fired: [], receipt: [] };
  const sale: Sale = {
    ...state.sale,
    messages: {
      fired: [...kept.fired, ...fired.map((f) => f.id)],
      receipt: [...kept.receipt, ...fired.flatMap((f) => (f.receipt === undefined ? [] : [f.receipt]))],
    },
  };
  const notice = fired.find((f) => f.confirm && f.cashier !== undefined);
  const lines = fired.filter((f) => f !== notice && f.cashier !== undefined).map((f) => f.cashier as string);
  return {
    ...state,
    sale,
    ...(lines.length === 0
      ? {}
      : { status: { tone: "info" as const, message: asWritten(lines.join(" · ")) } }),
    ...(notice === undefined
      ? {}
      : { prompt: { kind: "notice" as const, message: asWritten(notice.cashier ?? "") } }),
  };
}

/** Display texts of the messages fired, for the customer's pole display (after the item). */
function displayEffects(fired: readonly FiredMessage[]): Effect[] {
  return fired.flatMap((f) => (f.display === undefined ? [] : [{ type: "displayMessage", text: f.display }]));
}

function fire(before: SaleShape, after: TillState, event: SaleEvent, env: TillEnv): Transition {
  const messages = env.promotions?.messages ?? [];
  if (messages.length === 0) return { state: after, effects: [] };
  const fired = firedMessages(messages, event, before, shapeOf(after), after.sale.messages?.fired);
  return { state: showFired(after, fired), effects: displayEffects(fired) };
}

/** Messages an item's scan fires, `before` being the sale before the line was added. */
export function messagesOnScan(
  before: TillState,
  after: TillState,
  line: SaleLine,
  env: TillEnv,
): Transition {
  const messages = env.promotions?.messages ?? [];
  if (messages.length === 0) return { state: after, effects: [] };
  const categories = env.promotions?.categoriesOf(line.category) ?? [];
  const near = wantsNearPromotions(messages) ? nearOf(after, line, env) : [];
  const event: SaleEvent = { kind: "scan", item: { code: line.code, name: line.name, categories }, near };
  return fire(shapeOf(before), after, event, env);
}

/** Messages attaching a customer fires (customer; birthday when it is the customer's birthday today). */
export function messagesOnCustomer(
  state: TillState,
  customer: { name: string; birthdayToday: boolean },
  env: TillEnv,
): Transition {
  return fire(shapeOf(state), state, { kind: "customer", customer }, env);
}

/** What the sale's receipt prints from messages, and its prize-draw code when a text asks for one. */
export function receiptExtrasOf(sale: Sale): { receiptTexts?: string[]; prizeCode?: string } {
  const texts = sale.messages?.receipt ?? [];
  if (texts.length === 0) return {};
  const prizeCode = texts.some(wantsPrizeCode) ? prizeCodeOf(sale.id) : undefined;
  return {
    receiptTexts: texts.map((text) => renderTemplate(text, prizeCode === undefined ? {} : { prizeCode })),
    ...(prizeCode === undefined ? {} : { prizeCode }),
  };
}
