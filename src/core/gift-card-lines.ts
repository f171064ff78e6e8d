/**
 * Gift cards sold at the till: a line of kind `giftCard` names the card (`card`) and the amount
 * loaded on it (its unit price, one card per line). It takes no discount and no tax, is never
 * part of a promotion, moves no stock and earns no points; the store queues the load for head
 * office with the sale.
 */
import type { LineKind } from "./deposits.ts";
import { InvalidInputError } from "./errors.ts";

/** The most one gift card line may load unless the store says otherwise (minor units). */
export const DEFAULT_GIFT_CARD_MAX_MINOR = 50_000;
/** The code a till gives a gift card line. */
export const GIFT_CARD_CODE = "GIFTCARD";

export interface GiftCardLine {
  code: string;
  qtyMilli: number;
  unitPriceMinor: number;
  taxClass: string | null;
  kind?: LineKind | undefined;
  card?: string | undefined;
}

/** Checks every gift card line of a sale (and that no other line names a card). */
export function requireGiftCardLines(lines: readonly GiftCardLine[], maxMinor: number): void {
  lines.forEach((line, i) => {
    const where = { line: i + 1, code: line.code };
    if (line.kind !== "giftCard") {
      if (line.card !== undefined) {
        throw new InvalidInputError(
          "CARD_ON_ITEM_LINE",
          `Line ${i + 1} (${line.code}) is not a gift card and names no card.`,
          where,
        );
      }
      return;
    }
    if (line.card === undefined) {
      throw new InvalidInputError(
        "GIFT_CARD_NUMBER_REQUIRED",
        `The gift card on line ${i + 1} needs its card number.`,
        where,
      );
    }
    if (
      line.qtyMilli !== 1000 ||
      !Number.isSafeInteger(line.unitPriceMinor) ||
      line.unitPriceMinor <= 0 ||
      line.unitPriceMinor > maxMinor
    ) {
      throw new InvalidInputError(
        "GIFT_CARD_AMOUNT_INVALID",
        `The gift card on line ${i + 1} loads one card with 1 to ${maxMinor} minor units, not ${line.qtyMilli / 1000} × ${line.unitPriceMinor}.`,
        { ...where, amountMinor: line.unitPriceMinor, qtyMilli: line.qtyMilli, maxMinor },
      );
    }
    if (line.taxClass !== null) {
      throw new InvalidInputError("GIFT_CARD_TAXED", `The gift card on line ${i + 1} carries no tax.`, where);
    }
  });
}

/** What a sale's gift card lines load (they are no spending: no points are earned on them). */
export function giftCardLoadsMinor(
  lines: readonly { kind?: LineKind | undefined; totalMinor: number }[],
): number {
  return lines.reduce((sum, line) => sum + (line.kind === "giftCard" ? line.totalMinor : 0), 0);
}

/** A gift card line's name, as the receipt prints it: the card's last four characters only. */
export function giftCardLineName(card: string): string {
  return `Gift card ****${card.slice(-4)} loaded`;
}
