/**
 * Offline card spending with bounded risk, on real processes: nats-server, head office and two
 * stores that reach head office's API through a proxy the test cuts. While cut off, each store
 * lets the same gift card pay up to its offline allowance and no more; once head office answers
 * again the stores reconcile on their own, the card's balance never goes below zero, what the two
 * stores took beyond it is head office's reported overdraft, and the balance equals its ledger.
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
beforeAll(async () => {
  chain = await startChain({ storeIds: [], seed: false });
  proxy = await TcpProxy.start(Number(new URL(chain.hq.url).port));
  for (const storeId of ["S1", "S2"]) {
    await chain.addStore(storeId, {
      hqLink: true,
      hqUrl: `http://127.0.0.1:${proxy.port}`,
      settings: { offlineAllowanceMinor: 600 },
    });
  }
}, 90_000);
afterAll(async () => {
  await proxy?.[Symbol.asyncDispose]();
  await chain?.[Symbol.asyncDispose]();
});

interface ErrorBody {
  error: { code: string; details?: Record<string, unknown> };
}

/** Three loaves (825, untaxed), part paid by the gift card, the rest in cash. */
async function pay(store: StoreProcess, amountMinor: number): Promise<{ status: number; body: ErrorBody }> {
  const res = await store.api("/api/v1/sales", {
    method: "POST",
    body: JSON.stringify({
      id: uuidv7(),
      tillId: "T1",
      lines: [{ code: "BREAD", qty: 3 }],
      tenders: [
        { type: "giftcard", card: "2990000000774", amountMinor },
        { type: "cash", amountMinor: 825 - amountMinor },
      ],
    }),
  });
  return { status: res.status, body: (await res.json()) as ErrorBody };
}

async function balanceAtHq(): Promise<number> {
  return (await chain.hq.json<{ balanceMinor: number }>("/api/v1/cards/2990000000774")).balanceMinor;
}

test("two stores spend one gift card while cut off from head office: each within its allowance, the overdraft reported", async () => {
  const issued = await chain.hq.api("/api/v1/cards", {
    method: "POST",
    body: JSON.stringify({ number: "2990000000774", kind: "gift", balanceMinor: 1_000 }),
  });
  expect(issued.status).toBe(201);
  expect((await pay(chain.store("S1"), 100)).status).toBe(201);
  expect(await balanceAtHq()).toBe(900);
  // Both stores' copies learn the balance head office keeps.
  for (const storeId of ["S1", "S2"]) {
    await waitFor(async () => {
      const res = await chain.store(storeId).api("/api/v1/cards/2990000000774");
      return res.status === 200 && ((await res.json()) as { balanceMinor: number }).balanceMinor === 900;
    }, `the card's balance at ${storeId}`);
  }

  proxy.cut();
  expect((await pay(chain.store("S1"), 600)).status).toBe(201);
  const over = await pay(chain.store("S1"), 100);
  expect([over.status, over.body.error.code]).toEqual([409, "OFFLINE_ALLOWANCE_EXCEEDED"]);
  expect(over.body.error.details).toMatchObject({ allowanceMinor: 600, usedMinor: 600 });
  expect((await pay(chain.store("S2"), 600)).status).toBe(201);
  expect(await balanceAtHq()).toBe(900);

  proxy.restore();
  const report = await waitFor(async () => {
    const r = await chain.hq.json<{
      redemptions: { storeId: string; askedMinor: number; debited: number; overdraftMinor: number }[];
      askedMinor: number;
      overdraftMinor: number;
    }>("/api/v1/reports/offline-redemptions");
    return r.redemptions.length === 2 ? r : null;
  }, "both stores' offline redemptions at head office");
  // The bound: each store took at most its allowance; the card never went below zero.
  for (const storeId of ["S1", "S2"]) {
    const taken = report.redemptions
      .filter((r) => r.storeId === storeId)
      .reduce((s, r) => s + r.askedMinor, 0);
    expect(taken).toBeLessThanOrEqual(600);
  }
  expect(report).toMatchObject({ askedMinor: 1_200, overdraftMinor: 300 });
  expect(await balanceAtHq()).toBe(0);
  const ledger = await chain.hq.json<{ entries: { unit: string; amount: number }[] }>(
    "/api/v1/cards/2990000000774/ledger",
  );
  expect(ledger.entries.filter((e) => e.unit === "money").reduce((s, e) => s + e.amount, 0)).toBe(0);
});
