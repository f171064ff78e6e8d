/**
 * Linked deposits (bottle deposits) and returned empties.
 *
 * A product may name a deposit product (`depositCode`): ringing it adds a `deposit` line right
 * after it, linked to it (`linkedLine`: the index of the product's line in the sale) and of the
 * same quantity. Returned empties ring as a `depositReturn` line: a negative quantity of the
 * deposit product at its (positive) unit price, so its amounts are negative and reduce the total.
 * Deposit lines take no discount (neither a line's nor a share of the sale's). A returned
 * deposit's tax, when the deposit is taxed, is computed on its own amount and given back.
 */
import { InvalidInputError } from "./errors.ts";
import { computeLineTaxes, type LineTaxes, type TaxableLine, type TaxOptions } from "./line-taxes.ts";
import { requireQuantityMilli } from "./quantity.ts";
import type { TaxBreakdown } from "./tax.ts";

export const LINE_KINDS = ["deposit", "depositReturn", "giftCard"] as const;
/**
 * What a line is besides an item: a deposit linked to an item, returned empties, or a gift card
 * sold (the amount loaded on it, see gift-card-lines.ts).
 */
export type LineKind = (typeof LINE_KINDS)[number];

export function isDepositKind(kind: LineKind | undefined): kind is LineKind {
  return kind === "deposit" || kind === "depositReturn";
}

/** Deposits and gift cards take no discount (neither their own nor a share of the sale's). */
export function takesNoDiscount(kind: LineKind | undefined): boolean {
  return isDepositKind(kind) || kind === "giftCard";
}

interface KindedLine {
  code: string;
  qtyMilli: number;
  kind?: LineKind | undefined;
  linkedLine?: number | undefined;
  discount?: unknown;
}

/**
 * Checks a line's quantity for its kind: a deposit return is negative (the empties given back),
 * every other line positive; deposit lines take no line discount.
 */
export function requireLineQuantity(line: KindedLine): number {
  if (line.kind === "depositReturn") {
    if (!Number.isSafeInteger(line.qtyMilli) || line.qtyMilli >= 0) {
      throw new InvalidInputError(
        "INVALID_DEPOSIT_RETURN",
        `A deposit return (${line.code}) is a negative quantity (the empties given back), not ${line.qtyMilli}.`,
        { code: line.code, qtyMilli: line.qtyMilli },
      );
    }
    requireQuantityMilli(-line.qtyMilli);
  } else {
    requireQuantityMilli(line.qtyMilli);
  }
  if (line.kind === "giftCard" && line.discount !== undefined) {
    throw new InvalidInputError(
      "GIFT_CARD_NOT_DISCOUNTABLE",
      `A gift card (${line.code}) takes no discount.`,
      {
        code: line.code,
      },
    );
  }
  if (isDepositKind(line.kind) && line.discount !== undefined) {
    throw new InvalidInputError("DEPOSIT_NOT_DISCOUNTABLE", `A deposit (${line.code}) takes no discount.`, {
      code: line.code,
    });
  }
  return line.qtyMilli;
}

/**
 * Checks the links of a sale's lines: a deposit line follows the item it belongs to (an earlier
 * line that is not a deposit), with the same quantity; a deposit return and an item link nothing.
 */
export function requireDepositLinks(lines: readonly KindedLine[]): void {
  lines.forEach((line, i) => {
    if (line.kind !== "deposit") {
      if (line.linkedLine !== undefined) {
        throw new InvalidInputError(
          "INVALID_DEPOSIT_LINK",
          `Line ${i + 1} (${line.code}) is not a deposit and cannot be linked to another line.`,
          { line: i + 1 },
        );
      }
      return;
    }
    const target = line.linkedLine === undefined ? undefined : lines[line.linkedLine];
    if (
      line.linkedLine === undefined ||
      line.linkedLine >= i ||
      target === undefined ||
      isDepositKind(target.kind) ||
      target.qtyMilli !== line.qtyMilli
    ) {
      throw new InvalidInputError(
        "INVALID_DEPOSIT_LINK",
        `The deposit on line ${i + 1} (${line.code}) must be linked to an earlier item line of the same quantity.`,
        { line: i + 1, linkedLine: line.linkedLine ?? null },
      );
    }
  });
}

/** What a line weighs in sharing the sale's discount: deposits and gift cards take none of it. */
export function discountWeight(kind: LineKind | undefined, amount: bigint): bigint {
  return takesNoDiscount(kind) ? 0n : amount;
}

/**
 * Taxes lines of either sign: the lines sold (and their deposits) together, the returned empties
 * on their own (their tax computed on the amount given back and negated), then one breakdown.
 */
export function computeSignedLineTaxes(lines: readonly TaxableLine[], options: TaxOptions): LineTaxes {
  if (lines.every((line) => line.amountMinor >= 0n)) return computeLineTaxes(lines, options);
  const none: TaxableLine = { amountMinor: 0n, taxClass: null };
  const sold = computeLineTaxes(
    lines.map((line) => (line.amountMinor >= 0n ? line : none)),
    options,
  );
  const returned = computeLineTaxes(
    lines.map((line) => (line.amountMinor < 0n ? { ...line, amountMinor: -line.amountMinor } : none)),
    options,
  );
  const lineTaxMinor = sold.lineTaxMinor.map((tax, i) => tax - (returned.lineTaxMinor[i] ?? 0n));
  const byClass = new Map<string, TaxBreakdown>(sold.taxes.map((t) => [t.taxClass, { ...t }]));
  const order = [...sold.taxes.map((t) => t.taxClass)];
  for (const t of returned.taxes) {
    const found = byClass.get(t.taxClass);
    if (found) {
      found.baseMinor -= t.baseMinor;
      found.taxMinor -= t.taxMinor;
    } else {
      byClass.set(t.taxClass, { ...t, baseMinor: -t.baseMinor, taxMinor: -t.taxMinor });
      order.push(t.taxClass);
    }
  }
  return { lineTaxMinor, taxes: order.map((id) => byClass.get(id)).filter((t) => t !== undefined) };
}

/** What the sale's deposits come to: collected (deposit lines) and refunded (empties, positive). */
export function depositTotals(lines: readonly { kind?: LineKind | undefined; totalMinor: number }[]): {
  collectedMinor: number;
  refundedMinor: number;
} {
  let collectedMinor = 0;
  let refundedMinor = 0;
  for (const line of lines) {
    if (line.kind === "deposit") collectedMinor += line.totalMinor;
    if (line.kind === "depositReturn") refundedMinor -= line.totalMinor;
  }
  return { collectedMinor, refundedMinor };
}
