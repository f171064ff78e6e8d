/**
 * Selling a gift card at the till (`giftcard.sell`, Ctrl+A): the card's number (typed or
 * scanned), then the amount to load; a line of kind `giftCard` naming the card, untaxed and
 * taking no share of the sale's discount, goes with the sale as rung.
 */
import { describe, expect, test } from "bun:test";
import { rungSaleSchema } from "../../../src/api/store/sales.ts";
import { uuidv7 } from "../../../src/core/ids.ts";
import { saleRequestBody } from "../../../src/till/data/outbox.ts";
import { Driver } from "../support/state-env.ts";

const CARD = "2900000012346";

function sell(d: Driver, card: string, amount: string): Driver {
  return d.key("giftcard.sell").enter(card).enter(amount);
}

describe("selling a gift card", () => {
  test("the card, then the amount: a gift card line loading it", () => {
    const d = new Driver().enter("0001");
    d.key("giftcard.sell");
    expect(d.state.prompt).toMatchObject({ kind: "giftCardSaleNumber" });
    d.enter(CARD);
    expect(d.state.prompt).toMatchObject({ kind: "giftCardSaleAmount", card: CARD });
    d.enter("25");
    expect(d.state.prompt).toBeNull();
    expect(d.state.sale.lines[1]).toMatchObject({
      kind: "giftCard",
      card: CARD,
      name: "Gift card ****2346 loaded",
      qtyMilli: 1000,
      unitPriceMinor: 2500,
      taxClass: null,
    });
    expect(d.state.quote?.totalMinor).toBe(129 + 2500);
  });

  test("a bad number or amount is refused with the reason, and the prompt stays", () => {
    const d = new Driver().key("giftcard.sell").enter("12");
    expect(d.statusKey).toBe("error.badCardNumber");
    expect(d.state.prompt).toMatchObject({ kind: "giftCardSaleNumber" });
    d.enter(CARD).enter("0");
    expect(d.statusKey).toBe("error.giftCardAmount");
    d.enter("500.01");
    expect(d.statusKey).toBe("error.giftCardAmount");
    expect(d.state.prompt).toMatchObject({ kind: "giftCardSaleAmount" });
    expect(d.state.sale.lines).toEqual([]);
  });

  test("the line takes no discount: a line discount on it is refused", () => {
    const d = sell(new Driver(), CARD, "10");
    d.key("line.discount").enter("10");
    expect(d.state.sale.lines[0]?.discount).toBeUndefined();
    expect(d.state.quote?.totalMinor).toBe(1000);
  });

  test("the completed sale carries the line as rung, as the store takes it", () => {
    const d = sell(new Driver().enter("0001"), CARD, "10").key("sale.total").enter();
    const done = d.lastEffect("completeSale");
    expect(done).toBeDefined();
    if (!done) return;
    expect(done.sale.lines[1]).toMatchObject({ kind: "giftCard", card: CARD, unitPriceMinor: 1000 });
    const body = saleRequestBody(
      { ...done.sale, id: uuidv7(), tillId: "T1", receiptNo: "S1-T1-1" },
      { taxRates: new Map(), madeIn: null },
    );
    expect(rungSaleSchema.safeParse(body).success).toBe(true);
    expect(body.lines[1]).toMatchObject({ kind: "giftCard", card: CARD, totalMinor: 1000, taxMinor: 0 });
  });
});
