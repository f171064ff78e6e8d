/**
 * Gift cards sold at a till: the money a sale's gift card line put on the card becomes a `load`
 * entry (key `load:<saleId>:<lineNo>`), once per line. The store checked the card when it sold
 * it; a card replaced since takes the load on its replacement, and a card blocked since still
 * takes it (the customer paid for it). A void or return takes a load back (`takeBack`), never
 * below what is left on the card less what redemptions hold.
 */
import { eq } from "drizzle-orm";
import { accountEntries } from "../../../schema/hq.ts";
import type { GiftCardLoadAnswer, GiftCardLoadInput } from "../../api/hq/gift-card-loads.ts";
import { publishCommitted } from "../catalog/service.ts";
import type { HqContext, HqTx } from "../context.ts";
import { cardRow } from "./cards.ts";
import { recordCard } from "./changes.ts";
import { AccountError } from "./errors.ts";
import { balanceOf, heldOf, postEntry } from "./ledger.ts";

function entryExists(tx: HqTx, key: string): boolean {
  return (
    tx.select({ id: accountEntries.id }).from(accountEntries).where(eq(accountEntries.key, key)).get() !==
    undefined
  );
}

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
    const amount = input.takeBack === true ? -input.amountMinor : input.amountMinor;
    if (amount < 0) {
      const balance = balanceOf(tx, card.number, "money");
      const held = heldOf(tx, card.number, "money");
      if (balance - held < -amount && !entryExists(tx, `load:${input.id}`)) {
        throw new AccountError(
          "OVER_BALANCE",
          `gift card ${card.number} has ${balance - held} left, less than the ${-amount} to take back: it was spent`,
          { card: card.number, balance, held, available: balance - held, asked: -amount },
        );
      }
    }
    const posted = postEntry(
      tx,
      {
        key: `load:${input.id}`,
        card: card.number,
        unit: "money",
        type: "load",
        amount,
        storeId: input.storeId,
        saleId: input.saleId,
        note: `${input.takeBack === true ? "taken back from" : "sold on"} sale ${input.saleId}`,
      },
      now,
    );
    return {
      answer: {
        id: input.id,
        card: card.number,
        amountMinor: amount,
        balanceMinor: posted.balance,
        duplicate: posted.duplicate,
      },
      changes: posted.duplicate ? [] : [recordCard(tx, card.number, now)],
    };
  });
  publishCommitted(ctx, changes);
  return answer;
}
