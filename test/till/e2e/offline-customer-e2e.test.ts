/**
 * A customer created at the till while the store is out of reach, end to end on real processes
 * (nats-server, head office, a store linked to head office on a fixed port, and `ringup till` in
 * an 80×24 tmux pane): the till keeps the new customer and their card, rings the sale with them,
 * and once the store is back sends the customer before the sale; the store forwards them to
 * head office, which has the customer once, with the card, and the sale's points on it.
 */
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import type { Chain } from "../../replication/support/chain.ts";
import { waitFor } from "../../replication/support/wait.ts";
import type { StoreProcess } from "../../support/store-process.ts";
import { LoyaltyChainTill } from "../support/till-at-store.ts";
import { haveTmux, type TmuxSession } from "../support/tmux.ts";

if (!haveTmux()) console.warn("offline customer end-to-end test skipped: tmux is not installed");

const CARD = "2990000000781";

function freePort(): number {
  const socket = Bun.listen({ hostname: "127.0.0.1", port: 0, socket: { data() {} } });
  const { port } = socket;
  socket.stop(true);
  return port;
}

describe.if(haveTmux())("a customer created at a till that cannot reach its store", () => {
  let at: LoyaltyChainTill;
  let chain: Chain;
  let store: StoreProcess;
  let till: TmuxSession;
  const hq = (method: string, path: string, body: unknown) => at.hq(method, path, body);

  beforeAll(async () => {
    // A fixed port: the till finds the store again at the same address after its restart.
    at = await LoyaltyChainTill.start("ringup-till-offline-customer-", ["--port", String(freePort())]);
    ({ chain, store, till } = at);
  }, 120_000);

  afterAll(async () => {
    await at?.[Symbol.asyncDispose]();
  });

  test("created offline, used on the sale, at head office once when the store is back", async () => {
    await till.type("2*OJ");
    await till.keys("Enter");
    await till.waitFor("6.00", "the juice on the sale");
    await store.stop();

    await till.keys("C-l");
    await till.waitFor("Customer card", "the clients service prompt");
    await till.type(`+${CARD} Nora Offline`);
    await till.keys("Enter");
    await till.waitFor("Nora Offline", "the customer kept at the till");
    await till.waitFor(/sent when the store is back/, "the cashier told the customer waits for the store");
    await till.keys("F10");
    await till.waitFor("Payment", "the payment screen");
    await till.keys("Enter");
    await till.waitFor("Sale complete", "the sale completed offline");
    await till.waitFor("2 to send", "the customer and the sale kept at the till");

    // Still offline, the next sale finds her among the customers the till keeps, by name.
    await till.type("OJ");
    await till.keys("Enter");
    await till.waitFor("Orange juice", "the next sale");
    await till.keys("C-l");
    await till.type("nora");
    await till.keys("Enter");
    await till.waitFor(CARD, "Nora listed from what the till keeps");
    await till.keys("Enter");
    await till.waitFor(/Nora Offline \(-\): 0 points/, "Nora on the second sale, offline");
    await till.keys("F10");
    await till.waitFor("Payment", "the payment screen");
    await till.keys("Enter");
    await till.waitFor("3 to send", "the second sale kept too");

    await store.restart();
    type Found = { customers: { id: string; name: string }[] };
    await waitFor(async () => {
      const found = await chain.hq.json<Found>("/api/v1/customers?q=Nora");
      return found.customers.length > 0;
    }, "the customer at head office");
    // 6.00 and 3.00 paid earn 9 points on the card issued offline: both sales went with the card.
    await waitFor(
      async () => (await chain.hq.json<{ points: number }>(`/api/v1/cards/${CARD}`)).points === 9,
      "the sale's points on the card at head office",
    );
    const found = await chain.hq.json<Found>("/api/v1/customers?q=Nora");
    expect(found.customers.map((c) => c.name)).toEqual(["Nora Offline"]);
    const card = await chain.hq.json<{ customerId: string }>(`/api/v1/cards/${CARD}`);
    expect(card.customerId).toBe(found.customers[0]?.id ?? "");
    // The id is the till's (a UUIDv7), so the store's copy and head office's agree.
    expect(card.customerId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-/);
    const atStore = (await (await store.api(`/api/v1/cards/${CARD}`)).json()) as {
      customer: { id: string; name: string } | null;
    };
    expect(atStore.customer).toMatchObject({ id: card.customerId, name: "Nora Offline" });
    // The cashier's action is in the store's audit log.
    const audit = await waitFor(async () => {
      const res = await store.api("/api/v1/audit?action=customer.created");
      const body = (await res.json()) as { entries: { tillId: string | null; detail: unknown }[] };
      return body.entries.length > 0 ? body.entries : null;
    }, "the creation in the store's audit log");
    expect(audit).toEqual([
      expect.objectContaining({
        tillId: "T1",
        detail: { customerId: card.customerId, card: CARD, offline: true },
      }),
    ]);
  }, 120_000);

  test("part of a name lists the customers the store has; Enter puts the one chosen on the sale", async () => {
    // Another Nora, at head office, reaches the store by replication.
    await hq("POST", "/api/v1/customers", { id: "c-nora-2", name: "Nora Second", phone: "+1 555 010 0199" });
    await hq("POST", "/api/v1/cards", { number: "2990000000828", kind: "loyalty", customerId: "c-nora-2" });
    await waitFor(
      async () => (await store.api("/api/v1/cards/2990000000828")).status === 200,
      "the second Nora at the store",
    );
    await till.type("OJ");
    await till.keys("Enter");
    await till.waitFor("Orange juice", "the next sale");
    await till.keys("C-l");
    await till.waitFor("Customer card", "the clients service prompt");
    await till.type("nora");
    await till.keys("Enter");
    await till.waitFor(
      (screen) => screen.includes("Nora Offline") && screen.includes("Nora Second"),
      "both Noras listed",
    );
    await till.keys("Down");
    await till.keys("Enter");
    await till.waitFor(/Nora Second \(-\): 0 points/, "the second Nora on the sale");
    await till.waitFor("Orange juice", "back on the sale screen");

    // By phone (as people write it), the store's search finds her too.
    await till.keys("C-l");
    await till.type("555 010 0199");
    await till.keys("Enter");
    await till.waitFor(/2990000000828/, "the second Nora found by phone, with her card");
    await till.keys("Escape");
    await till.waitFor("Orange juice", "back on the sale screen");

    // Without the store only what the till keeps is searched; nothing there: the cashier is told.
    await store.stop();
    await till.keys("C-l");
    await till.type("zed");
    await till.keys("Enter");
    await till.waitFor("Searching customers needs the store", "the search needs the store");
    await till.waitFor("Orange juice", "the sale kept");
    await store.restart();
  }, 120_000);
});
