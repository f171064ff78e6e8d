/** A sale's deposit lines: made with their item, priced linked to it, voided and changed with it. */
import type { BasketLineInput } from "../../core/pricing.ts";
import type { TillProduct } from "../services.ts";
import type { SaleLine } from "./types.ts";

/** The deposit line rung with `item`, when its product names a deposit the till knows. */
export function depositLineFor(product: TillProduct, item: SaleLine): SaleLine | null {
  const deposit = product.deposit;
  if (deposit === undefined) return null;
  return {
    id: item.id + 1,
    code: deposit.code,
    name: deposit.name,
    unit: deposit.unit,
    qtyMilli: item.qtyMilli,
    unitPriceMinor: deposit.priceMinor,
    priceGiven: false,
    taxClass: deposit.taxClass,
    soldByWeight: false,
    kind: "deposit",
    linkedTo: item.id,
    ...(item.snapEligible ? { snapEligible: true } : {}),
  };
}

/** The sale's lines as the engine prices them: a deposit's link is the index of its item. */
export function basketLinesOf(lines: readonly SaleLine[]): BasketLineInput[] {
  const indexOf = new Map(lines.map((line, i) => [line.id, i]));
  return lines.map((line) => {
    const input: BasketLineInput = {
      code: line.code,
      name: line.name,
      qtyMilli: line.qtyMilli,
      unitPriceMinor: line.unitPriceMinor,
      taxClass: line.taxClass,
    };
    if (line.discount) input.discount = line.discount;
    if (line.kind) input.kind = line.kind;
    const linked = line.linkedTo === undefined ? undefined : indexOf.get(line.linkedTo);
    if (linked !== undefined) input.linkedLine = linked;
    return input;
  });
}

/** The lines without `lineId` and the deposits linked to it. */
export function withoutLine(lines: readonly SaleLine[], lineId: number): SaleLine[] {
  return lines.filter((l) => l.id !== lineId && l.linkedTo !== lineId);
}

/** The lines with `lineId`'s quantity, and its deposits', set to `qtyMilli`. */
export function withQty(lines: readonly SaleLine[], lineId: number, qtyMilli: number): SaleLine[] {
  return lines.map((l) => (l.id === lineId || l.linkedTo === lineId ? { ...l, qtyMilli } : l));
}
