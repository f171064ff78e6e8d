/**
 * Messages at the till, without Ink: a scan fires its message on the status line once per sale,
 * a message that asks for it opens a notice that Enter closes, a promotion one unit short is
 * suggested, attaching a customer fires customer and birthday messages, and the completed sale
 * carries its receipt texts and prize-draw code.
 */
import { expect, test } from "bun:test";
import { messageSchema, prizeCodeOf } from "../../../src/core/messages/index.ts";
import { PromotionBook, promotionSchema } from "../../../src/core/promotions/index.ts";
import { messagesOnCustomer } from "../../../src/till/state/messages.ts";
import type { TillEnv } from "../../../src/till/state/types.ts";
import { Driver, testEnv } from "../support/state-env.ts";

function withMessages(
  messages: Record<string, unknown>[],
  promotions: Record<string, unknown>[] = [],
): TillEnv {
  return {
    ...testEnv(),
    promotions: {
      book: new PromotionBook(promotions.map((p) => promotionSchema.parse(p))),
      categoriesOf: () => [],
      messages: messages.map((m) => messageSchema.parse(m)),
    },
  };
}

const statusText = (d: Driver) => {
  const message = d.state.status?.message;
  return message !== undefined && "text" in message ? message.text : null;
};

test("a scanned item's message shows on the status line, once per sale", () => {
  const d = new Driver(
    withMessages([{ id: "bread", when: { event: "scan", code: "0002" }, cashier: "Fresh {item}!" }]),
  );
  d.enter("0002");
  expect(statusText(d)).toMatch(/^Fresh .+!$/);
  d.enter("0002");
  expect(statusText(d)).toBeNull();
});

test("a message that asks for it needs Enter", () => {
  const d = new Driver(
    withMessages([
      { id: "age", when: { event: "scan", code: "0001" }, cashier: "Check the date", confirm: true },
    ]),
  );
  d.enter("0001");
  expect(d.state.prompt).toEqual({ kind: "notice", message: { text: "Check the date" } });
  d.enter("");
  expect(d.state.prompt).toBeNull();
  expect(d.state.sale.lines).toHaveLength(1);
});

test("one bread short of 3 for 2, the cashier is told to suggest it", () => {
  const d = new Driver(
    withMessages(
      [{ id: "near", when: { event: "promotionNear" }, cashier: "Suggest one more: {promotion}" }],
      [
        {
          id: "b3",
          name: "Bread 3 for 2",
          reward: { kind: "multibuy", buy: 2, get: 1, percent: 100, products: ["0002"] },
        },
      ],
    ),
  );
  d.enter("0002");
  expect(statusText(d)).toBeNull();
  d.enter("0002");
  expect(statusText(d)).toBe("Suggest one more: Bread 3 for 2");
});

test("attaching a customer fires customer and birthday messages with the name", () => {
  const env = withMessages([
    {
      id: "bday",
      when: { event: "birthday" },
      cashier: "Happy birthday, {customer}",
      display: "Happy birthday, {customer}!",
    },
  ]);
  const d = new Driver(env).enter("0001");
  const next = messagesOnCustomer(d.state, { name: "Ann", birthdayToday: true }, env);
  expect(next.state.status?.message).toEqual({ text: "Happy birthday, Ann" });
  expect(next.effects).toEqual([{ type: "displayMessage", text: "Happy birthday, Ann!" }]);
});

test("the completed sale carries the receipt texts and its prize-draw code", () => {
  const d = new Driver(
    withMessages([{ id: "draw", when: { event: "lines", over: 0 }, receipt: "Draw {prizeCode}" }]),
  ).enter("0001");
  const id = d.state.sale.id;
  d.key("sale.total").enter("10");
  const sale = d.lastEffect("completeSale")?.sale;
  expect(sale?.prizeCode).toBe(prizeCodeOf(id));
  expect(sale?.receiptTexts).toEqual([`Draw ${prizeCodeOf(id)}`]);
});
