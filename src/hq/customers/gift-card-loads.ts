/**
 * Gift cards sold at a till: the money a sale's gift card line put on the card becomes a `load`
 * entry (key `load:<saleId>:<lineNo>`), once per line. The store checked the card when it sold
 * it; a card replaced since takes the load on its replacement, and a card blocked since still
 * takes it (the customer paid for it).
 */
import type { GiftCardLoadAnswer, GiftCardLoadInput } from "../../api/hq/gift-card-loads.ts";
import { publishCommitted } from "../catalog/service.ts";
import type { HqContext } from "../context.ts";
import { cardRow } from "./cards.ts";
import { recordCard } from "./changes.ts";
import { AccountError } from "./errors.ts";
import { postEntry } from "./ledger.ts";

export function loadGiftCard(ctx: HqContext, input: GiftCardLoadInput): GiftCardLoadAnswer {
  const now = ctx.now();
  const { answer, changes } = ctx.db.transaction((tx) => {
    let card = cardRow(tx, input.card);
    for (let hops = 0; card.replacedBy !== null && hops < 100; hops++) card = cardRow(tx, card.replacedBy);
    if (card.kind !== "gift") {
      throw new AccountError(
        "CARD_KIND_MISMATCH",
        `card ${input.card} is a ${card.kind} card, not a gift card`,
        {
          number: input.card,
          kind: card.kind,
        },
      );
    }
    const posted = postEntry(
      tx,
      {
        key: `load:${input.id}`,
        card: card.number,
        unit: "money",
        type: "load",
        amount: input.amountMinor,
        storeId: input.storeId,
        saleId: input.saleId,
        note: `sold on sale ${input.saleId}`,
      },
      now,
    );
    return {
      answer: {
        id: input.id,
        card: card.number,
        amountMinor: input.amountMinor,
        balanceMinor: posted.balance,
        duplicate: posted.duplicate,
      },
      changes: posted.duplicate ? [] : [recordCard(tx, card.number, now)],
    };
  });
  publishCommitted(ctx, changes);
  return answer;
}
