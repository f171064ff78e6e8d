/**
 * A store restored from an older copy: its journal is behind what head office applied. It is
 * an alarm everywhere, never green (the store's start, its /health and log, head office's
 * GET /stores, the doctor, `journal verify`), and the store recovers the missing events from
 * head office's copy without ever issuing an applied sequence number again. Real nats-server,
 * HQ and store processes.
 */
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  childEnv,
  ringupCommand,
  type StoreProcess,
  seedProducts,
  startStore,
} from "../support/store-process.ts";
import { writeTestTaxConfig } from "../support/tax-classes.ts";
import {
  type Chain,
  expectExact,
  giveTestTaxClasses,
  PRODUCTS,
  ringSale,
  startChain,
  storeFacts,
  waitConverged,
} from "./support/chain.ts";
import { waitFor } from "./support/wait.ts";

const STORE = "S1";

async function ringup(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const proc = Bun.spawn([...ringupCommand(), ...args], { env: childEnv(), stdout: "pipe", stderr: "pipe" });
  const [stdout, stderr, code] = await Promise.all([
    new Response(proc.stdout).text(),
    new Response(proc.stderr).text(),
    proc.exited,
  ]);
  return { code, stdout, stderr };
}

interface StoreRow {
  storeId: string;
  lastSeq: number;
  diverged: { kind: string; message: string; fix: string; since: string; foundBy: string } | null;
}

async function hqStore(chain: Chain): Promise<StoreRow> {
  const { stores } = await chain.hq.json<{ stores: StoreRow[] }>("/api/v1/stores");
  const row = stores.find((s) => s.storeId === STORE);
  if (!row) throw new Error("head office does not list the store");
  return row;
}

function hqAppliedSeq(chain: Chain): number {
  return (
    chain.hq
      .db()
      .query<{ n: number }, [string]>("SELECT last_seq AS n FROM store_replication WHERE store_id = ?1")
      .get(STORE)?.n ?? 0
  );
}

describe("a store restored from an older copy", () => {
  let chain: Chain;
  let hqToken = "";
  let work = "";
  let dataDir = "";
  let backupDir = "";
  let store: StoreProcess | null = null;
  const sold: string[] = [];

  const linkArgs = () => ["--nats", chain.nats.url, "--hq-url", chain.hq.url, "--hq-token", hqToken];
  const start = (args: string[]) =>
    startStore({ dataDir, storeId: STORE, token: "test_admin_token_diverge_1", args });

  beforeAll(async () => {
    chain = await startChain({ storeIds: [] });
    const registered = await chain.hq.api("/api/v1/stores", {
      method: "POST",
      body: JSON.stringify({ storeId: STORE, name: "Shop S1" }),
    });
    expect(registered.status).toBe(201);
    hqToken = ((await registered.json()) as { credentials: { apiToken: string } }).credentials.apiToken;
    await giveTestTaxClasses(chain.hq, STORE);
    work = mkdtempSync(join(tmpdir(), "ringup-diverge-"));
    dataDir = join(work, "data");
    backupDir = join(work, "backup");
    mkdirSync(dataDir);
    store = await start(linkArgs());
    chain.stores.set(STORE, store);
    await seedProducts(store, PRODUCTS);
    for (let i = 0; i < 6; i++) sold.push(await ringSale(store, i));
    await waitConverged(chain);
    // An offline copy of the data directory while the store is stopped.
    await store.stop();
    cpSync(dataDir, backupDir, { recursive: true });
    store = await start(linkArgs());
    chain.stores.set(STORE, store);
    for (let i = 6; i < 14; i++) sold.push(await ringSale(store, i));
    await waitConverged(chain);
    await store.stop();
    // The disk is lost; the older copy is put back.
    rmSync(dataDir, { recursive: true, force: true });
    cpSync(backupDir, dataDir, { recursive: true });
  }, 180_000);

  afterAll(async () => {
    await store?.[Symbol.asyncDispose]();
    chain.stores.delete(STORE);
    await chain?.[Symbol.asyncDispose]();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  test("with its head office link it refuses to start, saying by how much and what to do; head office shows it diverged", async () => {
    const applied = hqAppliedSeq(chain);
    const behind = applied - storeFacts({ dataDir } as StoreProcess).lastSeq;
    expect(behind).toBeGreaterThan(0);
    const refused = await start(linkArgs()).then(
      () => "started",
      (err: unknown) => String(err),
    );
    expect(refused).toContain(`behind head office by ${behind} event(s)`);
    expect(refused).toContain("--recover-from-hq");
    expect(refused).toContain("restore a newer backup");
    const row = await hqStore(chain);
    expect(row.diverged?.kind).toBe("behind");
    expect(row.diverged?.fix).toContain("--recover-from-hq");
  }, 60_000);

  test("the doctor fails the store's journal against head office's copy, with the fix", async () => {
    const config = join(work, "store.toml");
    const tokenFile = join(work, "hq-token");
    writeFileSync(tokenFile, hqToken, { mode: 0o600 });
    const taxes = await Bun.file(await writeTestTaxConfig(work)).text();
    writeFileSync(
      config,
      `storeId = "${STORE}"\ndata = ${JSON.stringify(dataDir)}\nhqUrl = ${JSON.stringify(chain.hq.url)}\nhqTokenFile = ${JSON.stringify(tokenFile)}\n${taxes}`,
    );
    const out = await ringup(["doctor", "--mode", "store", "--config", config, "--json"]);
    expect(out.code).toBe(1);
    const report = JSON.parse(out.stdout) as { checks: { name: string; status: string; fix?: string }[] };
    const check = report.checks.find((c) => c.name === "hq journal");
    expect(check?.status).toBe("FAIL");
    expect(check?.fix).toContain("--recover-from-hq");
  }, 60_000);

  test("over NATS alone it starts degraded: /health, its log and journal verify say diverged, never ok", async () => {
    store = await start(["--nats", chain.nats.url]);
    const running = store;
    const health = await waitFor(async () => {
      const body = (await (await fetch(`${running.url}/health`)).json()) as {
        status: string;
        diverged?: { kind: string; fix: string; since: string };
      };
      return body.diverged ? body : null;
    }, "the store's /health to report the divergence");
    expect(health.status).toBe("degraded");
    expect(health.diverged?.kind).toBe("behind");
    expect(health.diverged?.fix).toContain("--recover-from-hq");
    expect(running.output).toContain("journal diverged from head office");
    const verify = await ringup([
      "admin",
      "--server",
      running.url,
      "--token",
      running.token,
      "journal",
      "verify",
    ]);
    expect(verify.code).not.toBe(0);
    expect(verify.stderr).toContain("shorter than what head office applied");
    await running.stop();
  }, 60_000);

  test("--recover-from-hq rebuilds the missing events: every sale once at the store and at HQ, the journal verifies, new sales continue the sequence", async () => {
    const applied = hqAppliedSeq(chain);
    store = await start([...linkArgs(), "--recover-from-hq"]);
    chain.stores.set(STORE, store);
    expect(store.output).toContain("recovered");
    expect(storeFacts(store).lastSeq).toBe(applied);
    const health = (await (await fetch(`${store.url}/health`)).json()) as {
      status: string;
      diverged?: unknown;
    };
    expect(health.diverged).toBeUndefined();
    expect(storeFacts(store).saleIds).toEqual([...sold].sort());
    for (let i = 14; i < 17; i++) sold.push(await ringSale(store, i));
    expect(storeFacts(store).lastSeq).toBeGreaterThan(applied);
    await expectExact(chain);
    expect(storeFacts(store).saleIds).toEqual([...sold].sort());
    const row = await hqStore(chain);
    expect(row.diverged).toBeNull();
    const dead = chain.hq
      .db()
      .query<{ n: number }, [string]>("SELECT count(*) AS n FROM dead_letters WHERE store_id = ?1")
      .get(STORE);
    expect(dead?.n).toBe(0);
  }, 120_000);

  test("a lost disk without a backup recovers the whole journal into an empty data directory", async () => {
    await store?.stop();
    chain.stores.delete(STORE);
    const applied = hqAppliedSeq(chain);
    rmSync(dataDir, { recursive: true, force: true });
    mkdirSync(dataDir);
    store = await start([...linkArgs(), "--recover-from-hq"]);
    chain.stores.set(STORE, store);
    expect(storeFacts(store).lastSeq).toBe(applied);
    expect(storeFacts(store).saleIds).toEqual([...sold].sort());
    // The store's own products came back with the journal: it sells them again at once.
    for (let i = 17; i < 19; i++) sold.push(await ringSale(store, i));
    await expectExact(chain);
    expect(storeFacts(store).saleIds).toEqual([...sold].sort());
  }, 120_000);
});
