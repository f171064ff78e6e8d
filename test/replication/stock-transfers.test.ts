/**
 * Stock across a chain, with a real nats-server, head office and two stores: each posted stock
 * document replicates to head office as `stock.document_posted`; head office keeps each store's
 * stock (from documents, sales, voids and returns) equal to the store's own; a transfer out at
 * S1 to S2 reaches S2 through head office, and S2's transfer in records what arrived against
 * what was sent.
 */
import { describe, expect, test } from "bun:test";
import { uuidv7 } from "../../src/core/ids.ts";
import type { StoreProcess } from "../support/store-process.ts";
import { PRODUCTS, ringMixed, ringSale, startChain, waitConverged } from "./support/chain.ts";
import { waitFor } from "./support/wait.ts";

interface Doc {
  id: string;
  status: string;
  transferStatus: string | null;
  lines: { code: string; qtyMilli: number; expectedMilli: number | null; differenceMilli: number }[];
}

async function postDocument(store: StoreProcess, body: Record<string, unknown>): Promise<Response> {
  return store.api("/api/v1/stock/documents", {
    method: "POST",
    body: JSON.stringify({ id: uuidv7(), post: true, ...body }),
  });
}

async function onHandMilli(store: StoreProcess, code: string): Promise<number> {
  const res = await store.api(`/api/v1/stock?code=${code}`);
  expect(res.status).toBe(200);
  return ((await res.json()) as { onHandMilli: number }).onHandMilli;
}

describe("stock documents across the chain", () => {
  test("head office keeps each store's stock; a transfer reaches the receiving store through it", async () => {
    await using chain = await startChain({ hqLink: true });
    const s1 = chain.store("S1");
    const s2 = chain.store("S2");

    const receipt = (qty: number) => ({
      type: "receipt",
      lines: PRODUCTS.map((p, i) => ({ code: p.code, qty: qty + i, unitCostMinor: 100 + i })),
    });
    expect((await postDocument(s1, receipt(20))).status).toBe(201);
    expect((await postDocument(s2, receipt(5))).status).toBe(201);
    for (let i = 0; i < 4; i++) await ringSale(s1, i);
    await ringSale(s2, 1);
    await ringMixed(s1);

    const sent = await postDocument(s1, {
      type: "transfer_out",
      toStore: "S2",
      lines: [
        { code: "BREAD", qty: 6 },
        { code: "MILK", qty: 2 },
      ],
    });
    expect(sent.status).toBe(201);
    const transfer = (await sent.json()) as Doc;
    expect(transfer.transferStatus).toBe("in_transit");

    // Head office learns of the transfer and offers it to S2 (and to no one else).
    await waitFor(async () => {
      const res = await chain.hq.api("/api/v1/transfers?to=S2");
      const body = (await res.json()) as { transfers: { id: string; fromStore: string }[] };
      return body.transfers.some((t) => t.id === transfer.id && t.fromStore === "S1");
    }, "head office to offer S1's transfer to S2");
    const toS1 = (await (await chain.hq.api("/api/v1/transfers?to=S1")).json()) as { transfers: unknown[] };
    expect(toS1.transfers).toEqual([]);

    // S2 has no copy of S1's document: it reads the transfer from head office. One bread is short.
    const receivedRes = await postDocument(s2, {
      type: "transfer_in",
      transferId: transfer.id,
      lines: [
        { code: "BREAD", qty: 5 },
        { code: "MILK", qty: 2 },
      ],
    });
    expect(receivedRes.status, await receivedRes.clone().text()).toBe(201);
    const received = (await receivedRes.json()) as Doc;
    expect(received.status).toBe("posted");
    expect(received.lines.find((l) => l.code === "BREAD")).toMatchObject({
      qtyMilli: 5_000,
      expectedMilli: 6_000,
      differenceMilli: -1_000,
    });
    expect(received.lines.find((l) => l.code === "MILK")).toMatchObject({
      expectedMilli: 2_000,
      differenceMilli: 0,
    });

    // A transfer is received once.
    const again = await postDocument(s2, {
      type: "transfer_in",
      transferId: transfer.id,
      lines: [{ code: "MILK", qty: 1 }],
    });
    expect(again.status).toBeGreaterThanOrEqual(400);

    await ringSale(s2, 2);
    await waitConverged(chain);

    // Received: head office no longer offers it.
    const after = (await (await chain.hq.api("/api/v1/transfers?to=S2")).json()) as { transfers: unknown[] };
    expect(after.transfers).toEqual([]);

    // Head office's stock of each site equals the site's own.
    for (const product of PRODUCTS) {
      const res = await chain.hq.api(`/api/v1/stock?code=${product.code}`);
      expect(res.status).toBe(200);
      const atHq = (await res.json()) as { code: string; sites: { storeId: string; onHandMilli: number }[] };
      for (const [storeId, store] of chain.stores) {
        const site = atHq.sites.find((s) => s.storeId === storeId);
        expect({ storeId, code: product.code, onHandMilli: site?.onHandMilli ?? 0 }).toEqual({
          storeId,
          code: product.code,
          onHandMilli: await onHandMilli(store, product.code),
        });
      }
    }
    // And the documents were ingested as stock.document_posted events.
    const posted = chain.hq
      .db()
      .query<{ storeId: string; n: number }, []>(
        "SELECT store_id AS storeId, COUNT(*) AS n FROM ingested_events WHERE type = 'stock.document_posted' GROUP BY store_id ORDER BY store_id",
      )
      .all();
    expect(posted).toEqual([
      { storeId: "S1", n: 2 },
      { storeId: "S2", n: 2 },
    ]);
  }, 180_000);
});

test("a transfer out to a site head office does not know, or to this store, is refused and changes nothing", async () => {
  await using chain = await startChain({ hqLink: true });
  const s1 = chain.store("S1");
  expect(
    (await postDocument(s1, { type: "receipt", lines: [{ code: "MILK", qty: 5, unitCostMinor: 90 }] }))
      .status,
  ).toBe(201);
  for (const [toStore, code] of [
    ["NOPE", "UNKNOWN_STORE"],
    ["S1", "TRANSFER_TO_SELF"],
  ] as const) {
    const res = await postDocument(s1, { type: "transfer_out", toStore, lines: [{ code: "MILK", qty: 1 }] });
    const body = (await res.json()) as { error: { code: string } };
    expect([toStore, res.status, body.error.code]).toEqual([toStore, 400, code]);
  }
  expect(await onHandMilli(s1, "MILK")).toBe(5_000);
  const docs = (await (await s1.api("/api/v1/stock/documents")).json()) as { documents: unknown[] };
  expect(docs.documents).toHaveLength(1);
  expect(
    (await postDocument(s1, { type: "transfer_out", toStore: "S2", lines: [{ code: "MILK", qty: 1 }] }))
      .status,
  ).toBe(201);
}, 120_000);
