/**
 * The message rules: which messages an event of a sale fires, once per sale, with their templates
 * filled; promotions one unit short; the prize-draw code; bad message definitions refused.
 */
import { describe, expect, test } from "bun:test";
import {
  firedMessages,
  type Message,
  messageSchema,
  prizeCodeOf,
  renderTemplate,
} from "../../../src/core/messages/index.ts";
import { PromotionBook, promotionClock, promotionsNear } from "../../../src/core/promotions/index.ts";
import { line, MONDAY_NOON, promo } from "../promotions/support.ts";

const msg = (body: Record<string, unknown>): Message => messageSchema.parse(body);
const vase = { code: "VASE", name: "Glass vase", categories: ["fragile", "home"] };
const same = { lines: 1, totalMinor: 500 };

describe("firedMessages", () => {
  const fragile = msg({
    id: "fragile",
    when: { event: "scan", category: "fragile" },
    cashier: "Pack {item} in an extra bag",
  });
  const bag = msg({ id: "bag", when: { event: "lines", over: 10 }, cashier: "Offer a bag" });
  const card = msg({
    id: "card",
    when: { event: "total", over: 5_000 },
    cashier: "Offer a bonus card",
    receipt: "Ask for our bonus card!",
  });

  test("a scanned item of the category fires its message with the item's name; another item does not", () => {
    expect(firedMessages([fragile], { kind: "scan", item: vase }, same, same)).toEqual([
      { id: "fragile", cashier: "Pack Glass vase in an extra bag", confirm: false },
    ]);
    const bread = { code: "BREAD", name: "Bread", categories: [] };
    expect(firedMessages([fragile], { kind: "scan", item: bread }, same, same)).toEqual([]);
  });

  test("line count and total fire when the sale passes them, not before and not again", () => {
    expect(
      firedMessages([bag], { kind: "change" }, { lines: 9, totalMinor: 0 }, { lines: 10, totalMinor: 0 }),
    ).toEqual([]);
    expect(
      firedMessages([bag], { kind: "change" }, { lines: 10, totalMinor: 0 }, { lines: 11, totalMinor: 0 }),
    ).toHaveLength(1);
    expect(
      firedMessages([bag], { kind: "change" }, { lines: 10, totalMinor: 0 }, { lines: 11, totalMinor: 0 }, [
        "bag",
      ]),
    ).toEqual([]);
    expect(
      firedMessages(
        [card],
        { kind: "change" },
        { lines: 3, totalMinor: 4_999 },
        { lines: 4, totalMinor: 5_001 },
      ),
    ).toEqual([
      { id: "card", cashier: "Offer a bonus card", receipt: "Ask for our bonus card!", confirm: false },
    ]);
  });

  test("customer and birthday messages take the customer's name; birthday only on the day", () => {
    const birthday = msg({
      id: "bday",
      when: { event: "birthday" },
      cashier: "Wish {customer} a happy birthday",
    });
    const hello = msg({ id: "hello", when: { event: "customer" }, receipt: "Thank you, {customer}" });
    const event = { kind: "customer" as const, customer: { name: "Ann", birthdayToday: true } };
    expect(firedMessages([birthday, hello], event, same, same).map((f) => f.cashier ?? f.receipt)).toEqual([
      "Wish Ann a happy birthday",
      "Thank you, Ann",
    ]);
    const notToday = { kind: "customer" as const, customer: { name: "Ann", birthdayToday: false } };
    expect(firedMessages([birthday], notToday, same, same)).toEqual([]);
  });

  test("a promotion one unit short fires promotionNear with its name", () => {
    const near = msg({
      id: "near",
      when: { event: "promotionNear" },
      cashier: "Suggest another {item}: {promotion}",
    });
    const book = new PromotionBook([
      promo({
        id: "jam2",
        name: "Jam 2 for 5.00",
        reward: { kind: "fixedPrice", priceMinor: 500, buy: 2, products: ["JAM"] },
      }),
    ]);
    const context = { clock: promotionClock(MONDAY_NOON, "UTC"), roundingMode: "half-up" as const };
    const names = promotionsNear(book, [line("JAM", 1, 300)], 0, context);
    expect(names).toEqual(["Jam 2 for 5.00"]);
    // With two jars the offer applies already: nothing is near.
    expect(promotionsNear(book, [line("JAM", 2, 600)], 0, context)).toEqual([]);
    const jam = { code: "JAM", name: "Jam", categories: [] };
    expect(firedMessages([near], { kind: "scan", item: jam, near: names }, same, same)).toEqual([
      { id: "near", cashier: "Suggest another Jam: Jam 2 for 5.00", confirm: false },
    ]);
  });
});

test("templates keep {prizeCode} until the sale's code is given; the code is the sale's own", () => {
  expect(renderTemplate("Draw code {prizeCode}", {})).toBe("Draw code {prizeCode}");
  const code = prizeCodeOf("01a24ed2-099a-75d9-88ce-d63983d0a2b3");
  expect(code).toMatch(/^[2-9A-HJKMNP-Z]{5}-[2-9A-HJKMNP-Z]{5}$/);
  expect(prizeCodeOf("01a24ed2-099a-75d9-88ce-d63983d0a2b3")).toBe(code);
  expect(prizeCodeOf("01a24ed2-099a-75d9-88ce-d63983d0a2b4")).not.toBe(code);
});

test("bad messages are refused: no text, lines without over, scan without code or category", () => {
  expect(messageSchema.safeParse({ id: "x", when: { event: "scan", code: "A" } }).success).toBe(false);
  expect(messageSchema.safeParse({ id: "x", when: { event: "lines" }, cashier: "Bag?" }).success).toBe(false);
  expect(messageSchema.safeParse({ id: "x", when: { event: "scan" }, cashier: "Hi" }).success).toBe(false);
  expect(
    messageSchema.safeParse({ id: "x", when: { event: "total", over: -1 }, cashier: "Hi" }).success,
  ).toBe(false);
  expect(
    messageSchema.safeParse({ id: "x", when: { event: "customer", code: "A" }, cashier: "Hi" }).success,
  ).toBe(false);
});
