/**
 * A customer's package and booking from the till, end to end: a real `ringup store` and the
 * compiled `ringup till` in an 80×24 tmux pane. With the customer's card on the sale (Ctrl+L),
 * the package sold at the till becomes theirs at the store; a slot booked from the till while
 * their card is on the next sale is booked for them; checked in, the visit is paid by the package.
 */
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { uuidv7 } from "../../../src/core/ids.ts";
import { MENU_ITEMS, menuDigit } from "../../../src/till/state/menu.ts";
import { waitFor } from "../../replication/support/wait.ts";
import { type StoreProcess, seedProducts, startStore } from "../../support/store-process.ts";
import { haveTmux, loggedInTill, type TmuxSession } from "../support/tmux.ts";

if (!haveTmux()) console.warn("booking customer end-to-end test skipped: tmux is not installed");

const CARD = "2990000000828";

interface ServiceCard {
  packages: { id: string; visitsLeft: number }[];
  bookings: { id: string; status: string }[];
}

describe.if(haveTmux())("a customer's package and booking at the till", () => {
  let store: StoreProcess;
  let dir: string;
  let till: TmuxSession;
  const customerId = uuidv7();

  const call = async <T>(path: string, body?: unknown): Promise<T> => {
    const res = await store.api(`/api/v1${path}`, {
      method: body === undefined ? "GET" : "POST",
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    if (res.status >= 300) throw new Error(`${path}: ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  };
  const serviceCard = () => call<ServiceCard>(`/customers/${customerId}/service-card`);

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "ringup-booking-customer-e2e-"));
    const config = join(dir, "store.toml");
    await writeFile(
      config,
      '[services]\nopeningHours = { open = "00:00", close = "23:59" }\nslotMinutes = 15\n',
    );
    store = await startStore({ storeId: "S1", args: ["--config", config] });
    await seedProducts(store, [
      { code: "CUT", name: "Haircut", priceMinor: 3000, taxClass: null },
      { code: "CUT3", name: "3 haircuts", priceMinor: 8000, taxClass: null },
    ]);
    const stylist = (await call<{ id: string }>("/users", { name: "Bea", role: "cashier", pin: "5555" })).id;
    await call("/services", { code: "CUT", kind: "service", durationMin: 30, staffIds: [stylist] });
    await call("/services", { code: "CUT3", kind: "package", serviceCode: "CUT", visits: 3 });
    await call("/customers", { id: customerId, name: "Nora Lima", card: CARD });
    till = await loggedInTill(store, "T1", join(dir, "till"));
  }, 120_000);

  afterAll(async () => {
    await till?.[Symbol.asyncDispose]();
    await store?.[Symbol.asyncDispose]();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  const cardOnSale = async () => {
    await till.keys("C-l");
    await till.waitFor("Customer card", "the clients service prompt");
    await till.type(CARD);
    await till.keys("Enter");
    await till.waitFor("Nora Lima", "the customer on the sale");
  };
  const openBookings = async () => {
    await till.keys("F9");
    await till.waitFor("Functions", "the menu");
    await till.type(menuDigit(MENU_ITEMS.indexOf("bookings.open")));
    await till.waitFor("Bookings today", "the bookings screen");
  };
  const pay = async (what: string) => {
    await till.keys("F10");
    await till.waitFor("Payment", "the payment screen");
    await till.keys("Enter");
    await till.waitFor("Sale complete", what);
  };

  test("the package sold with the card is the customer's; a slot booked with the card is theirs and paid by it", async () => {
    await cardOnSale();
    await till.type("CUT3");
    await till.keys("Enter");
    await till.waitFor(/3 haircuts.*80\.00/, "the package on the sale");
    await pay("the package sold");
    const bought = await waitFor(async () => {
      const card = await serviceCard();
      return card.packages.length > 0 ? card : undefined;
    }, "the customer's package at the store");
    expect(bought.packages.map((p) => p.visitsLeft)).toEqual([3]);

    // The next sale: the card first, then a free slot booked from the till is for the customer.
    await cardOnSale();
    await openBookings();
    await till.type("CUT");
    await till.keys("Enter");
    await till.waitFor("Free slots today for CUT", "the free slots");
    await till.keys("Enter");
    await till.waitFor("Booked: Haircut with Bea at", "the booking made at the till");
    expect((await serviceCard()).bookings.map((b) => b.status)).toEqual(["booked"]);

    // Checked in: the visit is paid by the customer's package, the sale comes to 0.
    await till.waitFor(/Bea\s+Haircut\s+booked/, "the new booking in the list");
    await till.keys("Enter");
    await till.waitFor("paid by the customer's package", "the check-in paid by the package");
    await pay("the visit paid by the package");
    const used = await waitFor(async () => {
      const card = await serviceCard();
      return card.packages[0]?.visitsLeft === 2 ? card : undefined;
    }, "the visit taken off the customer's package");
    expect(used.bookings.map((b) => b.status)).toEqual(["checked_in"]);
  }, 120_000);
});
