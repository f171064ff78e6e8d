/**
 * The account server at head office, in-process on its own database (as `ringup hq` opens it):
 * 20,000 loyalty cards with customers in groups, and sales earning points, each recorded in the
 * ledger and in the change log stores replicate. As the ingest applies replicated sales: a batch
 * of 100 sales per transaction (the ingest's batches hold up to 1,000 events); as the HTTP API
 * does (`POST /accounts/earnings`): one sale per transaction, where the commit's fsync
 * (synchronous=FULL) is most of the time. Cold is the first batches after opening the database
 * (statements not yet prepared, pages not cached), warm the ones after. A redemption is
 * authorised and committed (two transactions) on the warm database.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { AccountsService } from "../src/hq/customers/accounts.ts";
import { openHq } from "../src/hq/open.ts";
import { type BenchCase, type BenchSuite, summarise } from "./harness.ts";

const CARDS = 20_000;

export default async function accountsBench(): Promise<BenchSuite> {
  const dir = await mkdtemp(join(tmpdir(), "ringup-bench-accounts-"));
  const seed = openHq(dir, { log: () => undefined });
  seed.sqlite.run(
    "INSERT INTO customer_groups (id, name, created_at, updated_at) VALUES ('gold', 'Gold', '2026-01-01', '2026-01-01')",
  );
  const insCustomer = seed.sqlite.prepare(
    "INSERT INTO customers (id, name, name_key, created_at, updated_at) VALUES (?1, ?2, lower(?2), '2026-01-01', '2026-01-01')",
  );
  const insCard = seed.sqlite.prepare(
    "INSERT INTO cards (number, kind, customer_id, created_at) VALUES (?1, 'loyalty', ?2, '2026-01-01')",
  );
  const insMember = seed.sqlite.prepare(
    "INSERT INTO customer_group_members (group_id, customer_id, source) VALUES ('gold', ?1, 'hand')",
  );
  seed.sqlite.transaction(() => {
    for (let i = 0; i < CARDS; i++) {
      insCustomer.run(`c${i}`, `Customer ${i}`);
      insCard.run(`C${String(i).padStart(8, "0")}`, `c${i}`);
      if (i % 10 === 0) insMember.run(`c${i}`);
    }
  })();
  seed.sqlite.close();

  const ctx = openHq(dir, { log: () => undefined });
  const accounts = new AccountsService(ctx);
  accounts.setProgram({
    earn: { points: 1, perAmountMinor: 100 },
    pointValueMinor: 1,
    expiryDays: 365,
    groupMultipliers: { gold: 200 },
  });
  let sale = 0;
  const nextSale = () => {
    sale += 1;
    return {
      card: `C${String((sale * 7919) % CARDS).padStart(8, "0")}`,
      storeId: "S1",
      saleId: `sale-${sale}`,
      paidMinor: 500 + (sale % 9_000),
    };
  };
  /** `count` sales in batches of `batch` per transaction; a sample is one sale's share of its batch. */
  const earning = (name: string, count: number, batch: number, goal?: string): BenchCase => ({
    name,
    ...(goal ? { goal } : {}),
    measure: async () => {
      const samples: number[] = [];
      const start = Bun.nanoseconds();
      for (let done = 0; done < count; done += batch) {
        const t0 = Bun.nanoseconds();
        if (batch === 1) accounts.earn(nextSale());
        else {
          const now = ctx.now();
          ctx.db.transaction((tx) => {
            for (let i = 0; i < batch; i++) accounts.earnInTx(tx, nextSale(), now);
          });
        }
        const share = (Bun.nanoseconds() - t0) / 1e6 / batch;
        for (let i = 0; i < batch; i++) samples.push(share);
      }
      return summarise(name, samples, (Bun.nanoseconds() - start) / 1e6);
    },
  });
  let redemption = 0;
  return {
    cases: [
      earning(
        "earning as ingested, cold (first 1,000 sales, 100 per transaction)",
        1_000,
        100,
        "≥ 2,000 sales/s",
      ),
      earning(
        "earning as ingested, warm (20,000 sales, 100 per transaction)",
        20_000,
        100,
        "≥ 2,000 sales/s",
      ),
      earning("earning through the API, warm (500 sales, one per transaction)", 500, 1),
      {
        name: "redemption at HQ: authorise + commit",
        iterations: 2_000,
        goal: "in-process: three commits each",
        run: () => {
          redemption += 1;
          const card = `C${String((redemption * 104_729) % CARDS).padStart(8, "0")}`;
          accounts.adjust({ key: `bench-seed-${redemption}`, card, points: 20, reason: "bench" });
          accounts.authorise({ id: `r${redemption}`, card, storeId: "S1", points: 10 });
          accounts.commit(`r${redemption}`);
        },
      },
    ],
    teardown: async () => {
      ctx.sqlite.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
