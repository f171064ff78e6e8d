/**
 * Refunds back to a card: a return of a sale paid by points or a gift card credits the card
 * (a `refund` entry, key `refund:<id>`), once per id. A replaced card's credit goes to the card
 * that replaced it; a blocked or expired card still takes it (the customer's value is kept).
 */
import type { CardRefundAnswer, CardRefundInput } from "../../api/hq/card-refunds.ts";
import { publishCommitted } from "../catalog/service.ts";
import type { HqContext } from "../context.ts";
import { cardRow } from "./cards.ts";
import { recordCard } from "./changes.ts";
import { AccountError } from "./errors.ts";
import { accountHolder, houseAccountKey } from "./house-accounts.ts";
import { postEntry, type Unit } from "./ledger.ts";

export function refundToCard(ctx: HqContext, input: CardRefundInput): CardRefundAnswer {
  const now = ctx.now();
  const unit: Unit = input.points !== undefined ? "points" : (input.unit ?? "money");
  const amount = input.points ?? input.amountMinor ?? 0;
  const { answer, changes } = ctx.db.transaction((tx) => {
    let card = cardRow(tx, input.card);
    for (let hops = 0; card.replacedBy !== null && hops < 100; hops++) card = cardRow(tx, card.replacedBy);
    // A house account's charge goes back to the account of the card's customer.
    const account =
      unit === "account" && card.customerId !== null
        ? houseAccountKey(accountHolder(tx, card.customerId))
        : null;
    if (unit === "account" && account === null) {
      throw new AccountError("NO_HOUSE_ACCOUNT", `card ${input.card} has no customer, so no house account`, {
        number: input.card,
      });
    }
    // Money goes back to a gift card or to a loyalty card's store credit; points to a loyalty card.
    if (unit === "points" && card.kind !== "loyalty") {
      throw new AccountError(
        "CARD_KIND_MISMATCH",
        `card ${input.card} is a ${card.kind} card: points go back to a loyalty card`,
        { number: input.card, kind: card.kind },
      );
    }
    const posted = postEntry(
      tx,
      {
        key: `refund:${input.id}`,
        card: account ?? card.number,
        unit,
        type: "refund",
        amount,
        storeId: input.storeId,
        saleId: input.saleId,
        note: `return ${input.returnId}`,
      },
      now,
    );
    return {
      answer: {
        id: input.id,
        card: card.number,
        unit,
        amount,
        balance: posted.balance,
        duplicate: posted.duplicate,
      },
      changes: posted.duplicate || account !== null ? [] : [recordCard(tx, card.number, now)],
    };
  });
  publishCommitted(ctx, changes);
  return answer;
}
