/**
 * A compiled till logged in at a store for end-to-end tests: a cashier (Ann, PIN 1234), T1's shift
 * open, `ringup till` in an 80×24 tmux pane with its own data folder; and what the till keeps in
 * its meta table, read from its file.
 */
import { Database } from "bun:sqlite";
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { TILL_DB_FILE } from "../../../src/till/data/db.ts";
import { type Chain, startChain } from "../../replication/support/chain.ts";
import { waitFor } from "../../replication/support/wait.ts";
import { adminOk } from "../../support/admin-cli.ts";
import type { StoreProcess } from "../../support/store-process.ts";
import { logIn, startTillInTmux, type TmuxSession } from "./tmux.ts";

/** A value of the till's meta table (JSON text), or "" before the till has written it. */
export function tillMeta(tillData: string, key: string): string {
  const file = join(tillData, TILL_DB_FILE);
  if (!existsSync(file)) return "";
  const db = new Database(file, { readonly: true });
  try {
    return (
      db.query<{ value: string }, [string]>("SELECT value FROM meta WHERE key = ?").get(key)?.value ?? ""
    );
  } catch {
    return "";
  } finally {
    db.close();
  }
}

/** Ann logged in at till T1 of `store`, in tmux; the caller removes `tillData` after. */
export async function annAtTill(
  store: StoreProcess,
  prefix: string,
): Promise<{ tillData: string; till: TmuxSession }> {
  await adminOk(store, "user", "add", "--name", "Ann", "--role", "cashier", "--pin", "1234");
  await adminOk(store, "shift", "open", "--till", "T1", "--float", "100");
  const tillData = await mkdtemp(join(tmpdir(), prefix));
  const till = await startTillInTmux(store.url, "T1", tillData);
  await logIn(till, "1234", "Ann");
  return { tillData, till };
}

/**
 * A chain (nats-server, head office, store S1) whose head office has one category and one
 * product of it, and Ann logged in at the store's till T1 in tmux once the product reached it.
 */
export class ChainTill implements AsyncDisposable {
  private constructor(
    readonly chain: Chain,
    readonly store: StoreProcess,
    readonly tillData: string,
    readonly till: TmuxSession,
  ) {}

  static async start(
    category: { id: string; name: string },
    product: { code: string; name: string; priceMinor: number },
    prefix: string,
  ): Promise<ChainTill> {
    const chain = await startChain({ storeIds: ["S1"], seed: false });
    try {
      const store = chain.store("S1");
      await postToHq(chain, "/api/v1/categories", category);
      await postToHq(chain, "/api/v1/products", { ...product, taxClass: null, category: category.id });
      await waitFor(
        async () => (await store.api(`/api/v1/products/${product.code}`)).status === 200,
        `${product.name} at the store`,
      );
      const { tillData, till } = await annAtTill(store, prefix);
      return new ChainTill(chain, store, tillData, till);
    } catch (err) {
      await chain[Symbol.asyncDispose]();
      throw err;
    }
  }

  /** A POST to head office that must answer 200. */
  hq(path: string, body: unknown): Promise<void> {
    return postToHq(this.chain, path, body);
  }

  async [Symbol.asyncDispose](): Promise<void> {
    await this.till[Symbol.asyncDispose]();
    await this.chain[Symbol.asyncDispose]();
    await rm(this.tillData, { recursive: true, force: true });
  }
}

/**
 * A chain (nats-server, head office, store S1 linked to head office's API, started with
 * `storeArgs`) with a loyalty programme (a point per 1.00 paid) and orange juice (OJ, 3.00) at
 * the store, and Ann logged in at the store's till T1 in tmux: where the customers' end-to-end
 * tests start.
 */
export class LoyaltyChainTill implements AsyncDisposable {
  private constructor(
    readonly chain: Chain,
    readonly store: StoreProcess,
    readonly tillData: string,
    readonly till: TmuxSession,
  ) {}

  static async start(prefix: string, storeArgs: string[] = []): Promise<LoyaltyChainTill> {
    const chain = await startChain({ storeIds: [], seed: false });
    try {
      const store = await chain.addStore("S1", { seed: false, hqLink: true, args: storeArgs });
      await hqCall(chain, "PUT", "/api/v1/loyalty", {
        earn: { points: 1, perAmountMinor: 100 },
        pointValueMinor: 1,
      });
      await hqCall(chain, "POST", "/api/v1/products", {
        code: "OJ",
        name: "Orange juice",
        priceMinor: 300,
        taxClass: null,
      });
      await waitFor(
        async () => (await store.api("/api/v1/products/OJ")).status === 200,
        "the juice at the store",
      );
      const { tillData, till } = await annAtTill(store, prefix);
      return new LoyaltyChainTill(chain, store, tillData, till);
    } catch (err) {
      await chain[Symbol.asyncDispose]();
      throw err;
    }
  }

  /** A call to head office that must answer 2xx. */
  hq(method: string, path: string, body: unknown): Promise<void> {
    return hqCall(this.chain, method, path, body);
  }

  async [Symbol.asyncDispose](): Promise<void> {
    await this.till[Symbol.asyncDispose]();
    await this.chain[Symbol.asyncDispose]();
    await rm(this.tillData, { recursive: true, force: true });
  }
}

async function hqCall(chain: Chain, method: string, path: string, body: unknown): Promise<void> {
  const res = await chain.hq.api(path, { method, body: JSON.stringify(body) });
  if (res.status >= 300) throw new Error(`${path}: ${res.status} ${await res.text()}`);
}

async function postToHq(chain: Chain, path: string, body: unknown): Promise<void> {
  const res = await chain.hq.api(path, { method: "POST", body: JSON.stringify(body) });
  if (res.status !== 200) throw new Error(`${path}: ${res.status} ${await res.text()}`);
}
