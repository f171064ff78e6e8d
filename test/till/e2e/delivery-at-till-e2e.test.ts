/**
 * A delivery made at the till, end to end: a real `ringup store` and `ringup till` in an 80×24
 * tmux pane. After a sale is paid, the dispatch list (F9 menu) takes the address and phone on
 * one line and F10 creates a delivery for that sale at the store; a line without a phone is
 * refused with what to type, and nothing is created.
 */
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type StoreProcess, seedProducts, startStore } from "../../support/store-process.ts";
import { haveTmux, loggedInTill, type TmuxSession } from "../support/tmux.ts";

if (!haveTmux()) console.warn("delivery at the till end-to-end test skipped: tmux is not installed");

interface Delivery {
  saleId: string | null;
  address: string;
  phone: string;
  status: string;
}

describe.if(haveTmux())("a delivery made at the till", () => {
  let store: StoreProcess;
  let dir: string;
  let till: TmuxSession;
  const deliveries = async () =>
    ((await (await store.api("/api/v1/deliveries")).json()) as { deliveries: Delivery[] }).deliveries;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "ringup-delivery-till-e2e-"));
    store = await startStore({ storeId: "S1" });
    await seedProducts(store, [{ code: "SOFA", name: "Sofa", priceMinor: 9900, taxClass: null }]);
    till = await loggedInTill(store, "T1", join(dir, "till"));
  }, 120_000);

  afterAll(async () => {
    await till?.[Symbol.asyncDispose]();
    await store?.[Symbol.asyncDispose]();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  test("after the sale, address and phone + F10 on the dispatch list deliver it", async () => {
    await till.type("SOFA");
    await till.keys("Enter");
    await till.waitFor("Sofa", "the sofa on the sale");
    await till.keys("F10");
    await till.waitFor("Payment", "the payment screen");
    await till.keys("Enter");
    await till.waitFor("Sale complete", "the sale paid");
    await till.keys("F9");
    await till.waitFor("Deliveries", "the menu's entry");
    await till.keys("h");
    await till.waitFor("No open deliveries", "the empty list");

    await till.type("3 Elm St");
    await till.keys("F10");
    await till.waitFor("then a comma and the customer's phone", "refused: no phone");
    expect(await deliveries()).toEqual([]);

    // The typed address stays: the phone is added to it.
    await till.type(", +1 555 0100");
    await till.keys("F10");
    await till.waitFor("The delivery to 3 Elm St is accepted", "the delivery made");
    await till.waitFor(/accepted\s+no courier\s+3 Elm St/, "the delivery on the list");
    const made = await deliveries();
    expect(made).toHaveLength(1);
    expect(made[0]).toMatchObject({ address: "3 Elm St", phone: "+1 555 0100", status: "accepted" });
    expect(made[0]?.saleId).toEqual(expect.any(String));
    const audit = (await (await store.api("/api/v1/audit?action=delivery.created")).json()) as {
      entries: { tillId: string | null }[];
    };
    expect(audit.entries.map((e) => e.tillId)).toEqual(["T1"]);
  }, 120_000);
});
