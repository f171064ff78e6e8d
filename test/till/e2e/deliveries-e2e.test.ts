/**
 * The dispatch list end to end: a real `ringup store` and `ringup till` in an 80×24 tmux pane.
 * A delivery made through the store's API shows on the till's list (F9 menu); the cashier gives
 * it to a courier and moves it forward, a status going back is refused, and the courier takes
 * it to "delivered" through the API with his own session, after which it leaves the list. The
 * store's history names who set each status.
 */
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { uuidv7 } from "../../../src/core/ids.ts";
import { addCourierToStore } from "../../support/couriers.ts";
import { storeCall } from "../../support/store-call.ts";
import { type StoreProcess, seedProducts, startStore } from "../../support/store-process.ts";
import { haveTmux, loggedInTill, type TmuxSession } from "../support/tmux.ts";

if (!haveTmux()) console.warn("deliveries end-to-end test skipped: tmux is not installed");

interface Delivery {
  status: string;
  courierId: string | null;
  history: { status: string; userId: string }[];
}

describe.if(haveTmux())("the dispatch list at the till", () => {
  let store: StoreProcess;
  let dir: string;
  let till: TmuxSession;
  const id = uuidv7();

  const send = (path: string, body: unknown, token?: string) => storeCall(store, path, body, token);
  const delivery = async () => (await (await store.api(`/api/v1/deliveries/${id}`)).json()) as Delivery;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "ringup-deliveries-e2e-"));
    store = await startStore({ storeId: "S1" });
    await seedProducts(store, [{ code: "BREAD", name: "Bread", priceMinor: 275, taxClass: null }]);
    addCourierToStore(store.dataDir, "C-KIM", "Kim", "7001");
    const saleId = uuidv7();
    await send("/sales", {
      id: saleId,
      tillId: "T9",
      lines: [{ code: "BREAD" }],
      tenders: [{ type: "card", amountMinor: 275 }],
    });
    await send("/deliveries", { id, saleId, address: "3 Elm St", phone: "+1 555 0100", feeMinor: 300 });
    till = await loggedInTill(store, "T1", join(dir, "till"));
  }, 120_000);

  afterAll(async () => {
    await till?.[Symbol.asyncDispose]();
    await store?.[Symbol.asyncDispose]();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  test("a courier given, the delivery moved forward, then delivered by the courier through the API", async () => {
    await till.keys("F9");
    await till.waitFor("Deliveries", "the menu's entry");
    await till.keys("h");
    await till.waitFor(/accepted\s+no courier\s+3 Elm St/, "the delivery on the list");

    // Not out without a courier.
    await till.keys("Enter");
    await till.waitFor(/preparing\s+no courier\s+3 Elm St/, "preparing");
    await till.keys("Enter");
    await till.waitFor("Give the delivery to a courier first", "refused: no courier");

    await till.type("C-KIM");
    await till.keys("Enter");
    await till.waitFor("Courier C-KIM takes the delivery to 3 Elm St", "the courier given");
    await till.waitFor(/preparing\s+C-KIM\s+3 Elm St/, "the list read again");
    await till.keys("Enter");
    await till.waitFor(/on the way\s+C-KIM\s+3 Elm St/, "on the way");
    expect((await delivery()).status).toBe("on_the_way");

    // The courier, with his own session, takes it to delivered; it leaves the open list.
    const session = await send("/sessions", { tillId: "K1", pin: "7001" });
    await send(`/deliveries/${id}/status`, { status: "delivered" }, session.token as string);
    await till.keys("Escape");
    await till.keys("F9");
    await till.waitFor("Functions", "the menu");
    await till.keys("h");
    await till.waitFor("No open deliveries", "the delivered one gone from the list");

    const done = await delivery();
    expect(done.history.map((h) => h.status)).toEqual(["accepted", "preparing", "on_the_way", "delivered"]);
    expect(done.history.at(-1)?.userId).toBe("C-KIM");
    const cashierSet = done.history.slice(1, 3).map((h) => h.userId);
    expect(new Set(cashierSet).size).toBe(1);
    expect(cashierSet[0]).not.toBe("C-KIM");
    const audit = (await (await store.api("/api/v1/audit?action=delivery.status")).json()) as {
      entries: { tillId: string | null }[];
    };
    expect(audit.entries.map((e) => e.tillId).sort()).toEqual(["K1", "T1", "T1"]);
  }, 120_000);

  test("an expense paid from the drawer goes in the store's cash book; more than the drawer holds is refused", async () => {
    await till.keys("Escape");
    await till.keys("F9");
    await till.waitFor("Functions", "the menu");
    await till.keys("i");
    await till.waitFor("Expense: amount paid from the drawer", "the expense's amount");
    await till.type("500");
    await till.keys("Enter");
    await till.type("supplies too much");
    await till.keys("Enter");
    await till.waitFor("The drawer does not hold that much cash", "refused over the drawer's cash");
    await till.keys("F9");
    await till.waitFor("Functions", "the menu");
    await till.keys("i");
    await till.waitFor("Expense: amount paid from the drawer", "the expense's amount again");
    await till.type("12.50");
    await till.keys("Enter");
    await till.waitFor("Category and note for", "the category's question");
    await till.type("supplies paper towels");
    await till.keys("Enter");
    await till.waitFor(
      /Expense supplies: \$?12\.50 paid; the drawer should hold \$?87\.50/,
      "the expense recorded",
    );
    const day = new Date().toISOString().slice(0, 10);
    const book = (await (
      await store.api(`/api/v1/reports/cash-book?from=${day}&to=${day}&tillId=T1`)
    ).json()) as {
      entries: { kind: string; category: string; note: string | null; amountMinor: number }[];
    };
    expect(book.entries).toMatchObject([
      { kind: "expense", category: "supplies", note: "paper towels", amountMinor: -1250 },
    ]);
  }, 120_000);
});
