/**
 * A small chain for replication tests: a real nats-server, a real `ringup hq` and real
 * `ringup store` processes replicating through it, sales rung over HTTP, and the checks every
 * fault test ends with: each store's sales exist exactly once at head office, head office's
 * figures per store and day equal the store's own daily report, and the store's journal
 * verifies (and ends with the hash head office applied last).
 */

import { Database } from "bun:sqlite";
import { expect } from "bun:test";
import { join } from "node:path";
import { uuidv7 } from "../../../src/core/ids.ts";
import { type HqProcess, startHq } from "../../support/hq-process.ts";
import { type NatsServerProcess, type StartNatsOptions, startNats } from "../../support/nats-server.ts";
import {
  type ProductSeed,
  type StoreProcess,
  seedProducts,
  startStore,
} from "../../support/store-process.ts";
import { TEST_TAX_CLASSES } from "../../support/tax-classes.ts";
import { waitFor } from "./wait.ts";

export const PRODUCTS: ProductSeed[] = [
  { code: "A1", name: "Apple juice", priceMinor: 199, taxClass: "1" },
  { code: "MILK", name: "Milk 1l", priceMinor: 349, taxClass: "1" },
  { code: "BREAD", name: "Bread", priceMinor: 275, taxClass: null },
  { code: "CHEESE", name: "Deli cheese", priceMinor: 1_250, taxClass: "2" },
];

export interface ChainOptions {
  storeIds?: string[];
  nats?: StartNatsOptions;
  /** Seed the test catalog at each store (default true). */
  seed?: boolean;
  /** Link each store to head office's API for look-ups (default false). */
  hqLink?: boolean;
  /** More arguments of `ringup hq` (e.g. `--config FILE`). */
  hqArgs?: string[];
}

/** What a chain replicates through: one nats-server, or a cluster of them (its URLs joined by commas). */
export type ChainNats = AsyncDisposable & { readonly url: string };

export class Chain<N extends ChainNats = NatsServerProcess> implements AsyncDisposable {
  readonly stores = new Map<string, StoreProcess>();

  constructor(
    readonly nats: N,
    readonly hq: HqProcess,
  ) {}

  store(id: string): StoreProcess {
    const store = this.stores.get(id);
    if (!store) throw new Error(`no store ${id} in this chain`);
    return store;
  }

  /** Registers the store at head office (unless it is already) and starts it, replicating. */
  async addStore(
    storeId: string,
    options: {
      seed?: boolean;
      args?: string[];
      natsUrl?: string;
      /** Give the store its link to head office's API (`--hq-url`, `--hq-token`: its store token). */
      hqLink?: boolean;
      /** The URL the store reaches head office's API at (a proxy a test can cut); default head office's. */
      hqUrl?: string;
      /** Settings head office gives the store besides the test tax classes. */
      settings?: Record<string, unknown>;
    } = {},
  ): Promise<StoreProcess> {
    const registered = await this.hq.api("/api/v1/stores", {
      method: "POST",
      body: JSON.stringify({ storeId, name: `Shop ${storeId}` }),
    });
    if (registered.status !== 201 && registered.status !== 409) {
      throw new Error(`registering ${storeId} failed: ${registered.status} ${await registered.text()}`);
    }
    if (registered.status === 201) await giveTestTaxClasses(this.hq, storeId, options.settings);
    const hqArgs: string[] = [];
    if (options.hqLink) {
      if (registered.status !== 201)
        throw new Error(`store ${storeId} was registered before: no token to link it`);
      const answer = (await registered.json()) as { credentials: { apiToken: string } };
      hqArgs.push("--hq-url", options.hqUrl ?? this.hq.url, "--hq-token", answer.credentials.apiToken);
    }
    const store = await startStore({
      storeId,
      args: ["--nats", options.natsUrl ?? this.nats.url, ...hqArgs, ...(options.args ?? [])],
    });
    this.stores.set(storeId, store);
    if (options.seed !== false) await seedProducts(store, PRODUCTS);
    return store;
  }

  async [Symbol.asyncDispose](): Promise<void> {
    const all: AsyncDisposable[] = [...this.stores.values(), this.hq, this.nats];
    await Promise.allSettled(all.map((p) => p[Symbol.asyncDispose]()));
  }
}

/** nats-server, HQ and the stores, each replicating; everything is cleaned up on dispose. */
export async function startChain(options: ChainOptions = {}): Promise<Chain> {
  const nats = await startNats(options.nats);
  let hq: HqProcess;
  try {
    hq = await startHq({ nats: nats.url, ...(options.hqArgs ? { args: options.hqArgs } : {}) });
  } catch (err) {
    await nats[Symbol.asyncDispose]();
    throw err;
  }
  const chain = new Chain(nats, hq);
  try {
    for (const id of options.storeIds ?? ["S1", "S2"]) {
      await chain.addStore(id, { seed: options.seed !== false, hqLink: options.hqLink === true });
    }
  } catch (err) {
    await chain[Symbol.asyncDispose]();
    throw err;
  }
  return chain;
}

/** Rings one sale paid in cash (over-tendered, so there is change); answers its id. */
export async function ringSale(store: StoreProcess, i: number): Promise<string> {
  const id = uuidv7();
  const product = PRODUCTS[i % PRODUCTS.length] as ProductSeed;
  const other = PRODUCTS[(i + 1) % PRODUCTS.length] as ProductSeed;
  const body = {
    id,
    tillId: `T${1 + (i % 2)}`,
    lines: [
      { code: product.code, qty: 1 + (i % 3) },
      { code: other.code, qty: 1 },
    ],
    tenders: [{ type: "cash", amountMinor: 20_000 }],
  };
  for (let attempt = 0; ; attempt++) {
    const res = await store.api("/api/v1/sales", { method: "POST", body: JSON.stringify(body) });
    if (res.ok) return id;
    if (attempt >= 2) throw new Error(`sale failed: ${res.status} ${await res.text()}`);
  }
}

/** Rings a card sale (quoted first, paid exactly), voids one sale and returns part of another. */
export async function ringMixed(store: StoreProcess): Promise<void> {
  const lines = [{ code: "CHEESE", qty: 2 }, { code: "A1" }];
  const quote = (await (
    await store.api("/api/v1/baskets/quote", { method: "POST", body: JSON.stringify({ lines }) })
  ).json()) as { totalMinor: number };
  const card = await store.api("/api/v1/sales", {
    method: "POST",
    body: JSON.stringify({
      id: uuidv7(),
      tillId: "T1",
      lines,
      tenders: [{ type: "card", amountMinor: quote.totalMinor }],
    }),
  });
  expect(card.status).toBe(201);
  const voided = await ringSale(store, 7);
  const voidRes = await store.api(`/api/v1/sales/${voided}/void`, {
    method: "POST",
    body: JSON.stringify({ reason: "customer changed their mind" }),
  });
  expect(voidRes.status).toBeLessThan(300);
  const sold = await ringSale(store, 3);
  const refund = (await (
    await store.api("/api/v1/baskets/quote", {
      method: "POST",
      body: JSON.stringify({ lines: [{ code: "CHEESE", qty: 1 }] }),
    })
  ).json()) as { totalMinor: number };
  const ret = await store.api("/api/v1/returns", {
    method: "POST",
    body: JSON.stringify({
      id: uuidv7(),
      originalSaleId: sold,
      tillId: "T1",
      lines: [{ code: "CHEESE", qty: 1 }],
      tenders: [{ type: "cash", amountMinor: refund.totalMinor }],
    }),
  });
  expect(ret.status, await ret.clone().text()).toBeLessThan(300);
}

/** Rings sales at each store in the background at about `perSecond` per store until stopped. */
export class SalesLoad {
  #running = true;
  #done: Promise<void>;
  rung = 0;
  failed = 0;

  constructor(stores: readonly StoreProcess[], perSecond: number) {
    this.#done = Promise.all(stores.map((s) => this.#loop(s, perSecond))).then(() => undefined);
  }

  async #loop(store: StoreProcess, perSecond: number): Promise<void> {
    const interval = 1000 / perSecond;
    let i = 0;
    while (this.#running) {
      const started = performance.now();
      try {
        await ringSale(store, i++);
        this.rung++;
      } catch {
        this.failed++;
      }
      const left = interval - (performance.now() - started);
      if (left > 0) await Bun.sleep(left);
    }
  }

  async stop(): Promise<void> {
    this.#running = false;
    await this.#done;
  }
}

function openReadonly(path: string): Database {
  return new Database(path, { readonly: true });
}

/** The store's journal length and sale ids, read from its database. */
export function storeFacts(store: StoreProcess): {
  lastSeq: number;
  lastHash: string | null;
  saleIds: string[];
  days: string[];
} {
  const db = openReadonly(join(store.dataDir, "store.db"));
  try {
    const last = db
      .query<{ seq: number; hash: string }, []>("SELECT seq, hash FROM events ORDER BY seq DESC LIMIT 1")
      .get();
    const saleIds = db
      .query<{ id: string }, []>("SELECT id FROM sales ORDER BY id")
      .all()
      .map((r) => r.id);
    const days = db
      .query<{ day: string }, []>("SELECT day FROM sales UNION SELECT day FROM returns ORDER BY 1")
      .all()
      .map((r) => r.day);
    return { lastSeq: last?.seq ?? 0, lastHash: last?.hash ?? null, saleIds, days };
  } finally {
    db.close();
  }
}

function hqApplied(hq: HqProcess, storeId: string): { lastSeq: number; lastHash: string | null } {
  const row = hq
    .db()
    .query<{ lastSeq: number; lastHash: string | null }, [string]>(
      "SELECT last_seq AS lastSeq, last_hash AS lastHash FROM store_replication WHERE store_id = ?1",
    )
    .get(storeId);
  return row ?? { lastSeq: 0, lastHash: null };
}

/** Waits until head office has applied each store's whole journal. */
export async function waitConverged(chain: Chain<ChainNats>, timeoutMs = 90_000): Promise<void> {
  for (const [storeId, store] of chain.stores) {
    await waitFor(
      () => {
        const facts = storeFacts(store);
        return hqApplied(chain.hq, storeId).lastSeq === facts.lastSeq && facts.lastSeq > 0;
      },
      `head office to apply store ${storeId}'s journal (HQ at ${hqApplied(chain.hq, storeId).lastSeq}, store at ${storeFacts(store).lastSeq})`,
      timeoutMs,
      100,
    );
  }
}

const REPORT_FIELDS = [
  "salesCount",
  "returnsCount",
  "voidedCount",
  "grossMinor",
  "discountMinor",
  "netMinor",
  "taxMinor",
  "totalMinor",
  "byTender",
  "byTaxClass",
] as const;

/**
 * The invariants after every fault: exactly-once sales at HQ (count and ids), HQ's figures
 * equal the store's daily report for every day it sold, and the store's journal verifies.
 */
export async function expectExact(chain: Chain<ChainNats>): Promise<void> {
  await waitConverged(chain);
  const hqDb = chain.hq.db();
  for (const [storeId, store] of chain.stores) {
    const facts = storeFacts(store);
    const hqIds = hqDb
      .query<{ id: string }, [string]>("SELECT id FROM hq_sales WHERE store_id = ?1 ORDER BY id")
      .all(storeId)
      .map((r) => r.id);
    expect(hqIds).toEqual(facts.saleIds);
    const completedEvents = hqDb
      .query<{ n: number }, [string]>(
        "SELECT count(*) AS n FROM ingested_events WHERE store_id = ?1 AND type = 'sale.completed'",
      )
      .get(storeId);
    expect(completedEvents?.n).toBe(facts.saleIds.length);
    expect(hqApplied(chain.hq, storeId).lastHash).toBe(facts.lastHash);

    for (const day of facts.days) {
      const own = (await (await store.api(`/api/v1/reports/daily?date=${day}`)).json()) as Record<
        string,
        unknown
      >;
      const report = await chain.hq.json<{ stores: Record<string, unknown>[] }>(
        `/api/v1/reports/sales?from=${day}&to=${day}&storeId=${storeId}`,
      );
      const atHq = report.stores.find((s) => s.storeId === storeId) ?? {};
      for (const field of REPORT_FIELDS) {
        expect({ storeId, day, field, value: atHq[field] }).toEqual({
          storeId,
          day,
          field,
          value: own[field],
        });
      }
    }
    const verify = (await (await store.api("/api/v1/journal/verify")).json()) as {
      ok: boolean;
      events: number;
    };
    expect(verify.ok).toBe(true);
    expect(verify.events).toBe(facts.lastSeq);
  }
}

/**
 * A well-formed `audit.recorded` event of `storeId` at `seq` (a failed log-in), for sending
 * by hand; its hash is a placeholder, so head office dead-letters it unless told otherwise.
 */
export function auditEvent(storeId: string, seq: number, prevHash: string | null) {
  const at = new Date().toISOString();
  return {
    id: uuidv7(),
    storeId,
    seq,
    type: "audit.recorded",
    version: 1,
    at,
    payload: {
      action: "login.failed",
      userId: null,
      tillId: null,
      approvedBy: null,
      refId: null,
      detail: null,
      at,
    },
    prevHash,
    hash: "f".repeat(64),
  };
}

/**
 * A store has no tax classes until configured: head office learns the test classes for a store it
 * registered (the store process gets them from its own configuration), so it accepts taxed products.
 */
export async function giveTestTaxClasses(
  hq: HqProcess,
  storeId: string,
  settings: Record<string, unknown> = {},
): Promise<void> {
  const res = await hq.api(`/api/v1/stores/${storeId}/settings`, {
    method: "PUT",
    body: JSON.stringify({ taxClasses: TEST_TAX_CLASSES.map((t) => ({ ...t })), ...settings }),
  });
  if (res.status !== 200) throw new Error(`settings of ${storeId}: ${res.status} ${await res.text()}`);
}
