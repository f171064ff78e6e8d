/**
 * A quick order prepaid by card with a card terminal connected (fake store): placed with the
 * card as prepaid, then charged on the terminal; approved, the basket is cleared and the slip
 * printed; declined, the order is cancelled again and the basket stays on the sale.
 */
import { afterEach, describe, expect, test } from "bun:test";
import { SimulatedTerminal } from "../../../src/devices/payment/terminals.ts";
import type { TillOrderPlaced, TillOrderRequest } from "../../../src/till/services.ts";
import { FakeServices } from "../support/fake-services.ts";
import { renderTill, type Till, waitFor } from "../support/render-till.tsx";

let till: Till | null = null;
afterEach(() => {
  till?.cleanup();
  till = null;
});

class PlacingServices extends FakeServices {
  placed: { id: string; request: TillOrderRequest }[] = [];
  cancelledOrders: string[] = [];
  async ordersToCollect() {
    return [];
  }
  async placeOrder(id: string, request: TillOrderRequest): Promise<TillOrderPlaced> {
    this.placed.push({ id, request });
    const prepaidMinor = request.prepaid.reduce((s, p) => s + p.amountMinor, 0);
    return { id, number: 12, totalMinor: 129, balanceDueMinor: 129 - prepaidMinor, prepaidMinor };
  }
  async cancelOrder(id: string): Promise<void> {
    this.cancelledOrders.push(id);
  }
}

async function prepayByCard(services: PlacingServices, mode: "approve" | "decline"): Promise<Till> {
  const t = await renderTill({ services, devices: { payment: new SimulatedTerminal(mode) } });
  await t.login();
  t.scan("0001");
  await t.see("Milk 1l");
  t.write("\u000f");
  await t.see("No orders to collect today");
  t.press("f7");
  return t;
}

describe("a quick order prepaid by card", () => {
  test("approved on the terminal: placed with the card as prepaid, the basket cleared", async () => {
    const services = new PlacingServices();
    till = await prepayByCard(services, "approve");
    await till.see("Order 12 placed");
    expect(services.placed[0]?.request.prepaid).toMatchObject([{ type: "card", amountMinor: 129 }]);
    expect(services.placed[0]?.request.lines).toEqual([{ code: "0001", qtyMilli: 1000 }]);
    expect(services.cancelledOrders).toEqual([]);
  });

  test("declined on the terminal: the order is cancelled again and the basket stays", async () => {
    const services = new PlacingServices();
    till = await prepayByCard(services, "decline");
    await waitFor(() => services.cancelledOrders.length === 1, "the order cancelled");
    expect(services.cancelledOrders[0]).toBe(services.placed[0]?.id);
    till.press("escape");
    await till.see("Milk 1l");
  });
});
