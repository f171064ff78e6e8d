/**
 * A synthetic chain's customers for the accounts benchmark: head office's database and store
 * S1's copy, each with RINGUP_BENCH_CUSTOMERS customers (default 1,000,000), one loyalty card
 * each (EAN-13, prefix 29), a tenth of them in the group "gold" (5% off, points ×2), and points
 * on every 50th card to redeem. Built once with prepared statements in one transaction per
 * database and kept under the temp dir (keyed by the count and the migrations), never in the
 * repository; each run works on a copy.
 */
import { Database } from "bun:sqlite";
import { existsSync } from "node:fs";
import { cp, mkdir, mkdtemp, rename, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { migrations as hqMigrations } from "../../schema/migrations/hq/index.ts";
import { migrations as storeMigrations } from "../../schema/migrations/store/index.ts";
import { appendCheckDigit } from "../../src/core/barcode.ts";
import { openHq } from "../../src/hq/open.ts";
import { startStore } from "../../test/support/store-process.ts";

export const CUSTOMERS = Number(process.env.RINGUP_BENCH_CUSTOMERS ?? 1_000_000);
/** Every this many cards carries points to redeem. */
export const REDEEMABLE_EVERY = 50;
export const SEED_POINTS = 100_000;
export const PROGRAM = {
  earn: { points: 1, perAmountMinor: 100 },
  pointValueMinor: 1,
  expiryDays: 365,
  groupMultipliers: { gold: 200 },
};
const AT = "2026-01-01T00:00:00.000Z";

/** The i-th card's number: 29, ten digits, the EAN-13 check digit. */
export function cardNumber(i: number): string {
  return appendCheckDigit(`29${String(i).padStart(10, "0")}`);
}

function customerRow(i: number) {
  const name = `Customer ${i}`;
  return {
    id: `c${i}`,
    name,
    nameKey: name.toLowerCase(),
    phone: `+44${String(7_000_000_000 + i)}`,
    email: `customer${i}@example.test`,
    birthday: `19${String(50 + (i % 50))}-${String(1 + (i % 12)).padStart(2, "0")}-${String(1 + (i % 28)).padStart(2, "0")}`,
  };
}

function buildHq(dir: string): void {
  const ctx = openHq(dir, { log: () => undefined });
  const db = ctx.sqlite;
  db.run(
    `INSERT INTO customer_groups (id, name, discount_bp, created_at, updated_at) VALUES ('gold', 'Gold', 500, ?1, ?1)`,
    [AT],
  );
  db.run("INSERT INTO loyalty_program (id, program, updated_at) VALUES (1, ?1, ?2)", [
    JSON.stringify(PROGRAM),
    AT,
  ]);
  const customer = db.prepare(
    `INSERT INTO customers (id, name, name_key, phone, email, birthday, created_at, updated_at)
     VALUES ($id, $name, $nameKey, $phone, $email, $birthday, $at, $at)`,
  );
  const card = db.prepare(
    "INSERT INTO cards (number, kind, customer_id, created_at) VALUES (?1, 'loyalty', ?2, ?3)",
  );
  const member = db.prepare(
    "INSERT INTO customer_group_members (group_id, customer_id, source) VALUES ('gold', ?1, 'hand')",
  );
  const entry = db.prepare(
    `INSERT INTO account_entries (key, card, unit, type, amount, note, at)
     VALUES (?1, ?2, 'points', 'adjust', ?3, 'bench seed', ?4)`,
  );
  const balance = db.prepare("INSERT INTO account_balances (card, unit, balance) VALUES (?1, 'points', ?2)");
  db.transaction(() => {
    for (let i = 0; i < CUSTOMERS; i++) {
      customer.run({ ...customerRow(i), at: AT });
      const number = cardNumber(i);
      card.run(number, `c${i}`, AT);
      if (i % 10 === 0) member.run(`c${i}`);
      if (i % REDEEMABLE_EVERY === 0) {
        entry.run(`bench-seed:${number}`, number, SEED_POINTS, AT);
        balance.run(number, SEED_POINTS);
      }
    }
  })();
  db.run("PRAGMA wal_checkpoint(TRUNCATE)");
  db.close();
}

async function buildStore(dir: string): Promise<void> {
  // The store makes its own database (schema, keys, store id) once; its copy is then filled.
  await mkdir(dir);
  const store = await startStore({ dataDir: dir, storeId: "S1" });
  await store.stop();
  await store[Symbol.asyncDispose]();
  const db = new Database(join(dir, "store.db"), { strict: true });
  db.run("PRAGMA journal_mode = WAL");
  db.run("INSERT INTO customer_groups (id, name, discount_bp, updated_at) VALUES ('gold', 'Gold', 500, ?1)", [
    AT,
  ]);
  const customer = db.prepare(
    `INSERT INTO customers (id, name, name_key, phone, email, birthday, groups, merged_into, erased, updated_at)
     VALUES ($id, $name, $nameKey, $phone, $email, $birthday, $groups, NULL, 0, $at)`,
  );
  const card = db.prepare(
    `INSERT INTO cards (number, kind, customer_id, blocked, replaced_by, expires_at, points, balance_minor, as_of)
     VALUES (?1, 'loyalty', ?2, 0, NULL, NULL, ?3, 0, ?4)`,
  );
  db.transaction(() => {
    for (let i = 0; i < CUSTOMERS; i++) {
      customer.run({ ...customerRow(i), groups: i % 10 === 0 ? '["gold"]' : "[]", at: AT });
      card.run(cardNumber(i), `c${i}`, i % REDEEMABLE_EVERY === 0 ? SEED_POINTS : 0, AT);
    }
  })();
  db.run("PRAGMA wal_checkpoint(TRUNCATE)");
  db.close();
}

/** The cached databases (built on first use): `hq` holds hq.db, `store` store S1's data dir. */
export async function accountsData(log: (line: string) => void): Promise<{ hq: string; store: string }> {
  const version = Bun.hash(JSON.stringify([hqMigrations, storeMigrations])).toString(36);
  const cache = join(tmpdir(), `ringup-bench-accounts-${CUSTOMERS}-${version}`);
  if (!existsSync(join(cache, "done"))) {
    const build = await mkdtemp(join(tmpdir(), "ringup-bench-accounts-build-"));
    const t0 = performance.now();
    let t1 = t0;
    try {
      await mkdir(join(build, "hq"));
      buildHq(join(build, "hq"));
      t1 = performance.now();
      await buildStore(join(build, "store"));
    } catch (err) {
      await rm(build, { recursive: true, force: true });
      throw err;
    }
    log(
      `accounts: built ${CUSTOMERS.toLocaleString("en-US")} customers and cards at head office in ${((t1 - t0) / 1000).toFixed(1)} s and at the store in ${((performance.now() - t1) / 1000).toFixed(1)} s`,
    );
    await Bun.write(join(build, "done"), "");
    await rm(cache, { recursive: true, force: true });
    await rename(build, cache);
  }
  return { hq: join(cache, "hq"), store: join(cache, "store") };
}

/** A working copy of a cached data dir (the benchmark writes to it). */
export async function copyOf(dir: string, into: string): Promise<string> {
  await cp(dir, into, { recursive: true });
  return into;
}
