/**
 * Customers created at a till, at the store (`POST /customers`), on real processes: nats-server,
 * head office and a store that reaches head office's API through a proxy the test cuts. The store
 * keeps the customer and their card at once (the card scans), queues them while head office is
 * cut off and sends them when it answers again; head office has them once, under the till's id,
 * however often the till sends them. Bad input is refused precisely and changes nothing.
 */
import { afterAll, beforeAll, expect, setDefaultTimeout, test } from "bun:test";
import { uuidv7 } from "../../src/core/ids.ts";
import type { StoreProcess } from "../support/store-process.ts";
import { type Chain, startChain } from "./support/chain.ts";
import { TcpProxy } from "./support/tcp-proxy.ts";
import { waitFor } from "./support/wait.ts";

setDefaultTimeout(120_000);

let chain: Chain;
let proxy: TcpProxy;
let store: StoreProcess;
beforeAll(async () => {
  chain = await startChain({ storeIds: [], seed: false });
  proxy = await TcpProxy.start(Number(new URL(chain.hq.url).port));
  store = await chain.addStore("S1", { seed: false, hqLink: true, hqUrl: `http://127.0.0.1:${proxy.port}` });
}, 90_000);
afterAll(async () => {
  await proxy?.[Symbol.asyncDispose]();
  await chain?.[Symbol.asyncDispose]();
});

async function create(body: unknown): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await store.api("/api/v1/customers", { method: "POST", body: JSON.stringify(body) });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

async function atHq(name: string): Promise<{ id: string; name: string }[]> {
  return (await chain.hq.json<{ customers: { id: string; name: string }[] }>(`/api/v1/customers?q=${name}`))
    .customers;
}

test("queued while head office is cut off, sent once when it is back; the same id again adds nothing", async () => {
  proxy.cut();
  const id = uuidv7();
  const input = { id, name: "Olga Queued", email: "Olga@Example.com", card: "2990000000798" };
  const first = await create(input);
  expect(first.status).toBe(201);
  expect(first.body).toMatchObject({
    atHeadOffice: false,
    customer: { id, name: "Olga Queued", email: "olga@example.com", groups: [] },
    card: { number: "2990000000798", kind: "loyalty", customerId: id, blocked: false },
  });
  // The card scans at the store at once.
  const scanned = (await (await store.api("/api/v1/cards/2990000000798")).json()) as Record<string, unknown>;
  expect(scanned).toMatchObject({ customer: { id, name: "Olga Queued" } });
  // The till sends it again (its answer was lost): the same customer.
  expect((await create(input)).body).toMatchObject({ customer: { id }, atHeadOffice: false });

  proxy.restore();
  await waitFor(async () => (await atHq("Olga")).length > 0, "the customer at head office");
  const card = await waitFor(async () => {
    const res = await chain.hq.api("/api/v1/cards/2990000000798");
    return res.status === 200 ? ((await res.json()) as { customerId: string }) : null;
  }, "the card at head office");
  expect(card.customerId).toBe(id);

  // Sent again once head office has it: still one customer, and the store says head office has it.
  const again = await create(input);
  expect(again.status).toBe(201);
  expect(again.body).toMatchObject({ atHeadOffice: true, customer: { id } });
  expect(await atHq("Olga")).toEqual([expect.objectContaining({ id, name: "Olga Queued" })]);
});

test("online: head office has the customer and card when the store answers", async () => {
  const id = uuidv7();
  const made = await create({ id, name: "Piotr Online", card: "2990000000804" });
  expect(made).toMatchObject({ status: 201, body: { atHeadOffice: true, customer: { id } } });
  expect(await atHq("Piotr")).toEqual([expect.objectContaining({ id })]);
  expect((await chain.hq.json<{ customerId: string }>("/api/v1/cards/2990000000804")).customerId).toBe(id);
});

test("bad input is refused precisely and changes nothing", async () => {
  const cases: [unknown, number, string][] = [
    [{ id: uuidv7(), name: "", card: "2990000000811" }, 400, "name"],
    [{ id: "not-a-uuid", name: "X Y", card: "2990000000811" }, 400, "id"],
    [{ id: uuidv7(), name: "X Y", email: "nope", card: "2990000000811" }, 400, "email"],
    [{ id: uuidv7(), name: "X Y", card: "2990000000811", extra: 1 }, 400, "extra"],
    // A card issued to someone else.
    [{ id: uuidv7(), name: "X Y", card: "2990000000798" }, 409, "CARD_EXISTS"],
  ];
  for (const [body, status, mention] of cases) {
    const res = await create(body);
    expect(res.status).toBe(status);
    expect(JSON.stringify(res.body)).toContain(mention);
  }
  expect((await store.api("/api/v1/cards/2990000000811")).status).toBe(404);
  const search = (await (await store.api("/api/v1/customers?q=X%20Y")).json()) as { customers: unknown[] };
  expect(search.customers).toEqual([]);
});
