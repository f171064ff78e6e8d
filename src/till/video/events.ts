/**
 * The video feed's events of one step of the till: read from the state before and after a
 * command, the command and the effects it asked for (the reducer stays as it is).
 */
import type { VideoEvent, VideoEventKind } from "../../core/video-feed.ts";
import type { Command, Effect, TillState } from "../state/types.ts";

export type VideoEventDraft = Pick<VideoEvent, "kind" | "saleId" | "detail"> & { receiptLines?: string[] };

const AUDIT_KINDS: Record<string, VideoEventKind> = {
  "line.voided": "line.void",
  "discount.given": "discount",
  "price.overridden": "price.override",
};

function draft(
  kind: VideoEventKind,
  saleId: string | null,
  detail: VideoEventDraft["detail"],
): VideoEventDraft {
  return { kind, saleId, detail };
}

export function videoEventsOf(
  before: TillState,
  after: TillState,
  command: Command,
  effects: readonly Effect[],
): VideoEventDraft[] {
  const events: VideoEventDraft[] = [];
  if (before.cashier === null && after.cashier !== null) events.push(draft("login", null, {}));
  const sameSale = before.sale.id === after.sale.id;
  const saleId = after.sale.id;
  if (sameSale) {
    const known = new Set(before.sale.lines.map((l) => l.id));
    for (const line of after.sale.lines) {
      if (known.has(line.id)) continue;
      events.push(
        draft("scan", saleId, {
          code: line.code,
          name: line.name,
          qtyMilli: line.qtyMilli,
          unitPriceMinor: line.unitPriceMinor,
        }),
      );
    }
    for (const entry of after.sale.audit.slice(before.sale.audit.length)) {
      const kind = AUDIT_KINDS[entry.action];
      if (kind !== undefined) events.push(draft(kind, saleId, { ...(entry.detail ?? {}) }));
    }
  }
  switch (command.type) {
    case "customer.attached":
      events.push(
        draft("customer.card", saleId, { card: command.customer.card, kind: command.customer.kind }),
      );
      break;
    case "return.recorded":
      events.push(draft("return", null, { receiptNo: command.receiptNo, refundMinor: command.totalMinor }));
      break;
    case "drawer.opened":
      events.push(draft("no-sale", null, {}));
      events.push(draft("drawer.opened", null, { reason: "no-sale" }));
      break;
    case "sale.completed":
      events.push({
        ...draft("sale.completed", command.last.saleId, {
          receiptNo: command.last.receiptNo,
          totalMinor: command.last.totalMinor,
          changeMinor: command.last.changeMinor,
        }),
        receiptLines: command.last.receiptText.replace(/\n$/, "").split("\n"),
      });
      break;
    default:
      break;
  }
  for (const effect of effects) {
    if (effect.type === "cancelSale") {
      events.push(
        draft("sale.cancelled", effect.sale.id, {
          lines: effect.sale.lines.length,
          totalMinor: effect.sale.totalMinor,
        }),
      );
    } else if (effect.type === "completeSale") {
      for (const tender of effect.sale.tenders) {
        events.push(
          draft("payment", effect.sale.id, { tender: tender.type, amountMinor: tender.amountMinor }),
        );
      }
      if (effect.sale.opensDrawer === true || effect.sale.tenders.some((t) => t.type === "cash")) {
        events.push(draft("drawer.opened", effect.sale.id, { reason: "sale" }));
      }
    }
  }
  if (before.cashier !== null && after.cashier === null) events.push(draft("logout", null, {}));
  return events;
}
