/**
 * Which messages an event of a sale fires, and their texts. Pure: the till calls it after each
 * change of the sale (and the customers feature when it attaches a customer); each message fires
 * at most once per sale, so the caller passes the ids already fired.
 */
import type { Message } from "./schema.ts";

/** What the sale looked like before and after the event. */
export interface SaleShape {
  lines: number;
  totalMinor: number;
}

export type SaleEvent =
  | {
      kind: "scan";
      item: { code: string; name: string; categories: readonly string[] };
      /** Names of the promotions the item is one unit short of (see promotionsNear). */
      near?: readonly string[];
    }
  | { kind: "customer"; customer: { name: string; birthdayToday: boolean } }
  /** Any other change of the sale (a quantity, a void): only line-count and total messages. */
  | { kind: "change" };

export interface FiredMessage {
  id: string;
  cashier?: string;
  receipt?: string;
  /** For the customer display. */
  display?: string;
  confirm: boolean;
}

export interface TemplateValues {
  item?: string;
  customer?: string;
  promotion?: string;
  prizeCode?: string;
}

/** Fills `{item}`, `{customer}`, `{promotion}`, `{prizeCode}`; a value the event lacks stays empty. */
export function renderTemplate(template: string, values: TemplateValues): string {
  return template.replace(/\{(item|customer|promotion|prizeCode)\}/g, (whole, name: keyof TemplateValues) =>
    name === "prizeCode" && values.prizeCode === undefined ? whole : (values[name] ?? ""),
  );
}

function crossed(over: number | undefined, before: number, after: number): boolean {
  return over !== undefined && before <= over && after > over;
}

function names(when: Message["when"], item: { code: string; categories: readonly string[] }): boolean {
  if (when.code === undefined && when.category === undefined) return true;
  if (when.code !== undefined && when.code === item.code) return true;
  return when.category !== undefined && item.categories.includes(when.category);
}

/** What fires and with which values, or null. */
function fires(
  message: Message,
  event: SaleEvent,
  before: SaleShape,
  after: SaleShape,
): TemplateValues | null {
  const { when } = message;
  const item = event.kind === "scan" ? { item: event.item.name } : {};
  switch (when.event) {
    case "lines":
      return crossed(when.over, before.lines, after.lines) ? item : null;
    case "total":
      return crossed(when.over, before.totalMinor, after.totalMinor) ? item : null;
    case "scan":
      return event.kind === "scan" && names(when, event.item) ? item : null;
    case "promotionNear": {
      if (event.kind !== "scan" || !names(when, event.item)) return null;
      const promotion = event.near?.[0];
      return promotion === undefined ? null : { ...item, promotion };
    }
    case "customer":
      return event.kind === "customer" ? { customer: event.customer.name } : null;
    case "birthday":
      return event.kind === "customer" && event.customer.birthdayToday
        ? { customer: event.customer.name }
        : null;
    case "time":
      // Shown while its window lasts (time.ts), not fired by a sale's events.
      return null;
  }
}

/** The messages an event fires (in the order given), skipping those already fired in this sale. */
export function firedMessages(
  messages: readonly Message[],
  event: SaleEvent,
  before: SaleShape,
  after: SaleShape,
  alreadyFired: readonly string[] = [],
): FiredMessage[] {
  const fired: FiredMessage[] = [];
  for (const message of messages) {
    if (alreadyFired.includes(message.id)) continue;
    const values = fires(message, event, before, after);
    if (values === null) continue;
    fired.push({
      id: message.id,
      ...(message.cashier === undefined ? {} : { cashier: renderTemplate(message.cashier, values) }),
      ...(message.receipt === undefined ? {} : { receipt: renderTemplate(message.receipt, values) }),
      ...(message.display === undefined ? {} : { display: renderTemplate(message.display, values) }),
      confirm: message.confirm === true,
    });
  }
  return fired;
}

/** Whether any message may need the promotions a scanned item is short of (worth computing them). */
export function wantsNearPromotions(messages: readonly Message[]): boolean {
  return messages.some((m) => m.when.event === "promotionNear");
}
