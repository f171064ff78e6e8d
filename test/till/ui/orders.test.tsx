/**
 * The pick-up screen over fake services: Ctrl+O lists today's orders, a typed customer filters
 * them, a scanned order barcode (`ORD2`) opens one, a quantity typed changes its line at the
 * store; offline, the screen says orders need the store in the cashier's language, within 80×24.
 */
import { afterEach, describe, expect, test } from "bun:test";
import { SimulatedTerminal } from "../../../src/devices/payment/terminals.ts";
import { StoreUnreachableError } from "../../../src/till/data/errors.ts";
import type { TillLanguage } from "../../../src/till/i18n/index.ts";
import type { TillOrder, TillOrderCollected, TillOrderLine } from "../../../src/till/services.ts";
import { FakeServices } from "../support/fake-services.ts";
import { fitsScreen, renderTill, type Till, waitFor } from "../support/render-till.tsx";

let till: Till | null = null;
afterEach(() => {
  till?.cleanup();
  till = null;
});

const CTRL_O = "\u000f";

function order(number: number, customer: string | null, lines: TillOrderLine[], prepaidMinor = 0): TillOrder {
  const totalMinor = lines.reduce((s, l) => s + (l.totalMinor ?? 0), 0);
  return {
    id: `0193f0c2-6a1e-7b3e-9d2f-00000000000${number}`,
    number,
    status: "ready",
    customer,
    slot: "17:00-18:00",
    lines,
    totalMinor,
    prepaid: prepaidMinor > 0 ? [{ type: "card", amountMinor: prepaidMinor }] : [],
    prepaidMinor,
    balanceDueMinor: totalMinor - prepaidMinor,
  };
}

class OrderServices extends FakeServices {
  orders = [
    order(1, "Ada", [
      { code: "0001", name: "Milk 1l", qtyMilli: 2000, unitPriceMinor: 100, totalMinor: 200 },
    ]),
    order(
      2,
      "Bob",
      [{ code: "0001", name: "Milk 1l", qtyMilli: 3000, unitPriceMinor: 100, totalMinor: 300 }],
      300,
    ),
  ];
  changes: { id: string; lines: readonly TillOrderLine[] }[] = [];
  days: string[] = [];
  async ordersToCollect(date: string): Promise<TillOrder[]> {
    this.days.push(date);
    return this.orders;
  }
  async order(id: string): Promise<TillOrder> {
    const found = this.orders.find((o) => o.id === id);
    if (found === undefined) throw new Error("no such order");
    return found;
  }
  async changeOrder(id: string, lines: readonly TillOrderLine[]): Promise<TillOrder> {
    this.changes.push({ id, lines });
    const priced = lines.map((l) => ({
      ...l,
      name: l.name ?? l.code,
      totalMinor: (l.qtyMilli / 1000) * 100,
    }));
    const i = this.orders.findIndex((o) => o.id === id);
    const before = this.orders[i] as TillOrder;
    const next = order(before.number, before.customer, priced, before.prepaidMinor);
    this.orders[i] = next;
    return next;
  }
}

type Tender = { type: string; amountMinor: number; ref?: string };

class CollectingServices extends OrderServices {
  collected: { id: string; tenders: readonly Tender[] }[] = [];
  async collectOrder(id: string, tenders: readonly Tender[]): Promise<TillOrderCollected> {
    this.collected.push({ id, tenders });
    return { saleId: "s-1", receiptNo: "S1-T1-000009", totalMinor: 200, refundedMinor: 0, changeMinor: 0 };
  }
}

/** Order 1 opened by its barcode, and F7 pressed with a simulated card terminal. */
async function payOrderByCard(services: FakeServices, mode: "approve" | "decline"): Promise<Till> {
  const t = await renderTill({ services, devices: { payment: new SimulatedTerminal(mode) } });
  await t.login();
  t.write(CTRL_O);
  await t.see("Ada");
  t.scan("ORD1");
  await t.see("Order 1 · Ada");
  t.press("f7");
  return t;
}

class OfflineServices extends FakeServices {
  async ordersToCollect(): Promise<TillOrder[]> {
    throw new StoreUnreachableError("store unreachable", "connection refused");
  }
}

describe("orders to collect at the till", () => {
  test("Ctrl+O lists today's orders; typing filters; a scanned barcode opens one; N* changes its line", async () => {
    const services = new OrderServices();
    till = await renderTill({ services });
    await till.login();
    till.write(CTRL_O);
    await till.see("Orders to collect");
    await till.see("Ada");
    expect(till.frame()).toContain("Bob");
    expect(services.days[0]).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    till.write("bo");
    await waitFor(() => !(till?.frame().includes("Ada") ?? true), "Ada filtered out");
    till.write("\u007f\u007f");
    till.scan("ORD2");
    await till.see("Order 2 · Bob");
    await till.see("Balance due");
    till.scan("1*");
    await waitFor(() => services.changes.length === 1, "the change sent to the store");
    expect(services.changes[0]?.lines.map((l) => [l.code, l.qtyMilli, l.unitPriceMinor])).toEqual([
      ["0001", 1000, 100],
    ]);
    // 1 milk now, 3.00 prepaid: 2.00 goes back to the prepaid tender.
    await till.see("To refund");
    expect(fitsScreen(till.frame(), till.size)).toBeNull();
  });

  test("F7 with a card terminal charges the balance there, and the order is collected with its approval", async () => {
    const services = new CollectingServices();
    till = await payOrderByCard(services, "approve");
    await till.see("Order collected: receipt S1-T1-000009");
    const tender = services.collected[0]?.tenders[0];
    expect(tender).toMatchObject({ type: "card", amountMinor: 200 });
    expect(tender?.ref).toMatch(/\S/);
  });

  test("a card the terminal declines collects nothing", async () => {
    const services = new CollectingServices();
    till = await payOrderByCard(services, "decline");
    await waitFor(
      () => till?.controller.state.busy === false && till.controller.state.status?.tone === "error",
      "the refusal",
    );
    expect(services.collected).toEqual([]);
  });

  for (const [lang, text] of [
    ["en", "Orders need the store"],
    ["fr", "Les commandes demandent le magasin"],
    ["ru", "Заказам нужен магазин"],
    ["az", "Sifarişlər üçün mağaza lazımdır"],
  ] as const satisfies readonly (readonly [TillLanguage, string])[]) {
    test(`offline, the screen says orders need the store (${lang})`, async () => {
      till = await renderTill({ services: new OfflineServices(), lang });
      await till.login();
      till.write(CTRL_O);
      await till.see(text);
      expect(fitsScreen(till.frame(), till.size)).toBeNull();
    });
  }
});
