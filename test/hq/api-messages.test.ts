/**
 * Messages at head office: defined, listed, ended, and recorded in the change log every store
 * replicates from; a bad message is refused precisely and changes nothing.
 */
import { expect, test } from "bun:test";
import { changesAfter } from "../../src/hq/catalog/change-log.ts";
import { testHqPerTest } from "../support/hq-app.ts";

const newHq = testHqPerTest();
type ErrorBody = { error: { code: string; message: string } };

const bag = { id: "bag", when: { event: "lines" as const, over: 10 }, cashier: "Offer a bag" };

test("a message is kept, goes to every store, and ends", async () => {
  const hq = newHq();
  const res = await hq.request("POST", "/api/v1/messages", bag);
  expect(res.status).toBe(200);
  expect(res.body).toMatchObject({ ...bag, active: true });
  const listed = await hq.request<{ messages: unknown[] }>("GET", "/api/v1/messages");
  expect(listed.body.messages).toHaveLength(1);
  const changes = changesAfter(hq.ctx.db, 0).filter((c) => c.kind === "message");
  expect(changes.map((c) => [c.storeId, c.key, c.value])).toEqual([
    ["*", "bag", { message: bag, active: true }],
  ]);
  expect((await hq.request("POST", "/api/v1/messages/bag/deactivate")).body).toMatchObject({ active: false });
  expect((await hq.request<{ messages: unknown[] }>("GET", "/api/v1/messages")).body.messages).toEqual([]);
});

test("bad messages are refused precisely and change nothing", async () => {
  const hq = newHq();
  for (const bad of [
    { id: "x", when: { event: "lines" }, cashier: "Bag?" },
    { id: "x", when: { event: "scan" }, cashier: "Hi" },
    { id: "x", when: { event: "total", over: 100 } },
    { id: "x", when: { event: "weather" }, cashier: "Hi" },
  ]) {
    const res = await hq.request<ErrorBody>("POST", "/api/v1/messages", bad);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe("INVALID_REQUEST");
  }
  expect(
    (await hq.request<{ messages: unknown[] }>("GET", "/api/v1/messages?all=true")).body.messages,
  ).toEqual([]);
  const missing = await hq.request<ErrorBody>("POST", "/api/v1/messages/none/deactivate");
  expect(missing.status).toBe(404);
  expect(missing.body.error.code).toBe("MESSAGE_NOT_FOUND");
});
