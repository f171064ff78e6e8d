/**
 * Customers and accounts on a chain of RINGUP_BENCH_CUSTOMERS customers (default 1,000,000, one
 * loyalty card each; see support/accounts-data.ts), on real processes where the path is real:
 *
 * - Card scan → customer: the till's own data layer (`findCard`) asks a real store process, which
 *   answers from its copy (card, customer, groups). Cold is the first scans after the store
 *   starts, warm the ones after; cards are picked at random among all of them.
 * - Redemption authorisation: the till's `redeemCard` (points) → the store → head office's account
 *   server over HTTP (the link the store uses; both real processes on loopback, head office with
 *   `synchronous=FULL`) → the store records the hold → the till. Cold is the first after head
 *   office starts.
 * - Earning at head office, in-process on its database: each sale reads the programme, the card
 *   and the customer's groups, writes a ledger row and the balance, and records the card's
 *   change-log entry for the stores. As ingested: 100 sales per transaction (the ingest applies
 *   batches of up to 1,000); through the API (`POST /accounts/earnings`): one per transaction.
 *   Amounts are the CORE-POS sample month's basket totals when the sample is there.
 */
import { readFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { uuidv7 } from "../src/core/ids.ts";
import type { HqContext } from "../src/hq/context.ts";
import { AccountsService } from "../src/hq/customers/accounts.ts";
import { openHq } from "../src/hq/open.ts";
import { createTillServices, type TillDataServices } from "../src/till/data/index.ts";
import { type HqProcess, startHq } from "../test/support/hq-process.ts";
import { type StoreProcess, startStore } from "../test/support/store-process.ts";
import { type BenchCase, type BenchResult, type BenchSuite, summarise } from "./harness.ts";
import { accountsData, CUSTOMERS, cardNumber, copyOf, REDEEMABLE_EVERY } from "./support/accounts-data.ts";
import {
  COL,
  COREPOS_DIR,
  coreposAvailable,
  isKeptItem,
  readTransactions,
  toMilli,
} from "./support/corepos-month.ts";

const PIN = "1234";
let sink = 0;

/** A deterministic spread over [0, n): the k-th pick of a sequence that visits the whole range. */
function pick(k: number, n: number): number {
  return (k * 7_919 + Math.floor(k / n) * 104_729) % n;
}

/** Each CORE-POS transaction's total of kept items (minor units), or a synthetic spread. */
async function basketTotals(): Promise<number[]> {
  if (!coreposAvailable(COREPOS_DIR))
    return Array.from({ length: 1_000 }, (_, i) => 500 + ((i * 7_919) % 9_000));
  const totals = new Map<string, number>();
  for (const r of await readTransactions(COREPOS_DIR)) {
    if (!isKeptItem(r)) continue;
    const key = [COL.datetime, COL.registerNo, COL.empNo, COL.transNo].map((c) => r[c]).join("/");
    const line = Math.round((toMilli(r[COL.quantity] ?? "0") * Number(r[COL.unitPrice] ?? 0)) / 10);
    totals.set(key, (totals.get(key) ?? 0) + Math.max(0, line));
  }
  return [...totals.values()].filter((t) => t > 0);
}

/**
 * A process's resident memory (MB): its own (heap and stacks, RssAnon) and the pages of files it
 * maps (RssFile: the database read through mmap, shared with the page cache and given back under
 * pressure).
 */
function memoryMb(pid: number | undefined, prefix: string): Record<string, number> {
  if (pid === undefined) return {};
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? Number.NaN);
  return { [`${prefix}OwnMb`]: kb("RssAnon") / 1024, [`${prefix}MappedMb`]: kb("RssFile") / 1024 };
}

async function timed(
  name: string,
  count: number,
  op: () => Promise<void>,
  extra?: () => Record<string, number>,
): Promise<BenchResult> {
  const samples: number[] = [];
  const start = Bun.nanoseconds();
  for (let i = 0; i < count; i++) {
    const t0 = Bun.nanoseconds();
    await op();
    samples.push((Bun.nanoseconds() - t0) / 1e6);
  }
  const result = summarise(name, samples, (Bun.nanoseconds() - start) / 1e6);
  return extra ? { ...result, extra: extra() } : result;
}

export default async function accountsBench(): Promise<BenchSuite> {
  const data = await accountsData((line) => process.stderr.write(`${line}\n`));
  const work = await mkdtemp(join(tmpdir(), "ringup-bench-accounts-run-"));
  const closers: (() => Promise<void>)[] = [];
  let hq: HqProcess | undefined;
  let store: StoreProcess | undefined;
  let till: TillDataServices | undefined;

  /** Head office and the store on copies of the cached databases, a cashier logged in at T1. */
  const chain = async () => {
    if (till && store && hq) return { till, store, hq };
    hq = await startHq({ dataDir: await copyOf(data.hq, join(work, "hq")) });
    closers.push(async () => {
      await hq?.stop();
      await hq?.[Symbol.asyncDispose]();
    });
    const registered = await hq.api("/api/v1/stores", {
      method: "POST",
      body: JSON.stringify({ storeId: "S1", name: "Shop S1" }),
    });
    if (registered.status !== 201) throw new Error(`registering S1 failed: ${await registered.text()}`);
    const token = ((await registered.json()) as { credentials: { apiToken: string } }).credentials.apiToken;
    store = await startStore({
      dataDir: await copyOf(data.store, join(work, "store")),
      storeId: "S1",
      args: ["--hq-url", hq.url, "--hq-token", token],
    });
    closers.push(async () => {
      await store?.stop();
      await store?.[Symbol.asyncDispose]();
    });
    const added = await store.api("/api/v1/users", {
      method: "POST",
      body: JSON.stringify({ name: "Bench cashier", role: "cashier", pin: PIN }),
    });
    if (added.status !== 201) throw new Error(`adding the cashier failed: ${await added.text()}`);
    till = await createTillServices({
      server: store.url,
      tillId: "T1",
      dataDir: await mkdtemp(join(work, "till-")),
      syncIntervalMs: 3_600_000,
    });
    closers.push(() => (till as TillDataServices).close());
    await till.login(PIN);
    return { till, store, hq };
  };

  type Chain = Awaited<ReturnType<typeof chain>>;
  /** A case timing `op` through the till on the running chain, with one process's memory after. */
  const onChain = (
    name: string,
    count: number,
    goal: string,
    op: (c: Chain) => Promise<void>,
    memory: (c: Chain) => Record<string, number>,
  ): BenchCase => ({
    name,
    goal,
    measure: async () => {
      const c = await chain();
      return timed(
        name,
        count,
        () => op(c),
        () => memory(c),
      );
    },
  });

  let scans = 0;
  const scan = (name: string, count: number) =>
    onChain(
      name,
      count,
      "p99 < 10 ms",
      async ({ till }) => {
        const customer = await till.findCard?.(cardNumber(pick(scans++, CUSTOMERS)));
        if (!customer) throw new Error("this till has no card look-up");
        sink += customer.points;
      },
      ({ store }) => memoryMb(store.proc.pid, "store"),
    );

  let redemptions = 0;
  const redeem = (name: string, count: number) =>
    onChain(
      name,
      count,
      "p99 < 50 ms",
      async ({ till }) => {
        const k = redemptions++;
        const card = cardNumber(pick(k, CUSTOMERS / REDEEMABLE_EVERY) * REDEEMABLE_EVERY);
        const tender = await till.redeemCard?.({
          saleId: uuidv7(),
          index: 0,
          type: "points",
          card,
          amountMinor: 10,
        });
        if (!tender) throw new Error("this till has no card tenders");
        sink += tender.amountMinor;
      },
      ({ hq }) => memoryMb(hq.pid, "hq"),
    );

  /** Head office in-process on its database once the processes are stopped. */
  let accounts: { service: AccountsService; ctx: HqContext } | undefined;
  const amounts = await basketTotals();
  let sale = 0;
  const nextSale = () => {
    sale += 1;
    return {
      card: cardNumber(pick(sale, CUSTOMERS)),
      storeId: "S1",
      saleId: `earn-${sale}`,
      paidMinor: amounts[sale % amounts.length] ?? 1_000,
    };
  };
  const earning = (name: string, count: number, batch: number, goal?: string): BenchCase => ({
    name,
    ...(goal ? { goal } : {}),
    measure: async () => {
      if (!accounts) {
        for (const close of closers.splice(0).reverse()) await close();
        till = undefined;
        const dir = join(work, "hq");
        if (!hq) await copyOf(data.hq, dir);
        const ctx = openHq(dir, { log: () => undefined });
        accounts = { service: new AccountsService(ctx), ctx };
        closers.push(async () => ctx.sqlite.close());
      }
      const { service, ctx } = accounts;
      const samples: number[] = [];
      const start = Bun.nanoseconds();
      for (let done = 0; done < count; done += batch) {
        const t0 = Bun.nanoseconds();
        if (batch === 1) service.earn(nextSale());
        else {
          const now = ctx.now();
          ctx.db.transaction((tx) => {
            for (let i = 0; i < batch; i++) service.earnInTx(tx, nextSale(), now);
          });
        }
        const share = (Bun.nanoseconds() - t0) / 1e6 / batch;
        for (let i = 0; i < batch; i++) samples.push(share);
      }
      return summarise(name, samples, (Bun.nanoseconds() - start) / 1e6);
    },
  });

  return {
    cases: [
      scan("card scan → customer at the till, cold (first 1,000 after the store starts)", 1_000),
      redeem("redemption till → store → HQ → store, cold (first 200 after HQ starts)", 200),
      scan("card scan → customer at the till, warm (20,000)", 20_000),
      redeem("redemption till → store → HQ → store, warm (2,000)", 2_000),
      earning(
        "earning at HQ as ingested, cold (first 1,000 sales, 100 per transaction)",
        1_000,
        100,
        "≥ 2,000 sales/s",
      ),
      earning(
        "earning at HQ as ingested, warm (20,000 sales, 100 per transaction)",
        20_000,
        100,
        "≥ 2,000 sales/s",
      ),
      earning("earning at HQ through the API, warm (500 sales, one per transaction)", 500, 1),
    ],
    teardown: async () => {
      for (const close of closers.reverse()) await close();
      await rm(work, { recursive: true, force: true });
      if (sink === -1) console.log(sink);
    },
  };
}
