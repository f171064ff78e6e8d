/**
 * `GET /metrics` of a head office with tenants, on a real `ringup hq` (over SQLite, or with
 * RINGUP_TEST_HQ_DATABASE=postgres on PostgreSQL, each tenant its own database): without a
 * token (the operator's scrape, as before) each store's series carry a `tenant` label and cover
 * every tenant open in the process; with a tenant's token the answer is that tenant's alone.
 */
import { afterAll, beforeAll, expect, setDefaultTimeout, test } from "bun:test";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type HqProcess, startHq } from "../support/hq-process.ts";
import {
  dropPostgresDatabase,
  type TestPostgresDatabase,
  tenantDatabaseName,
  testHqDatabase,
} from "../support/postgres.ts";
import { createTenant } from "../support/tenants.ts";

setDefaultTimeout(60_000);

/** On PostgreSQL: head office's database, made before the tenants the CLI creates with it. */
const database: TestPostgresDatabase | null = testHqDatabase();
const databaseArgs = database ? ["--database", database.url] : [];

let dataDir: string;
let hq: HqProcess;
let acme: string;
let beta: string;

async function register(token: string | null, storeId: string): Promise<void> {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (token !== null) headers.authorization = `Bearer ${token}`;
  const res = await hq.api("/api/v1/stores", {
    method: "POST",
    headers,
    body: JSON.stringify({ storeId, name: storeId }),
  });
  expect(res.status).toBe(201);
}

/** The gauge samples of `ringup_store_applied_seq`, by their label sets. */
async function appliedSeq(token?: string): Promise<string[]> {
  const res = await fetch(
    `${hq.url}/metrics`,
    token ? { headers: { authorization: `Bearer ${token}` } } : {},
  );
  expect(res.status).toBe(200);
  expect(res.headers.get("content-type")).toBe("text/plain; version=0.0.4; charset=utf-8");
  return (await res.text())
    .split("\n")
    .filter((l) => l.startsWith("ringup_store_applied_seq{"))
    .map((l) => l.split(" ")[0] ?? "")
    .sort();
}

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), "ringup-tenant-metrics-"));
  acme = await createTenant(dataDir, "acme", databaseArgs);
  beta = await createTenant(dataDir, "beta", databaseArgs);
  hq = await startHq({ dataDir, database });
  await register(acme, "A1");
  await register(beta, "B1");
  await register(beta, "B2");
  await register(null, "D1");
});

afterAll(async () => {
  await hq?.[Symbol.asyncDispose]();
  if (database) for (const id of ["acme", "beta"]) dropPostgresDatabase(tenantDatabaseName(database, id));
  await rm(dataDir, { recursive: true, force: true });
});

test("the operator's scrape reports every tenant's stores, each under its tenant label", async () => {
  expect(await appliedSeq()).toEqual([
    'ringup_store_applied_seq{tenant="acme",store="A1"}',
    'ringup_store_applied_seq{tenant="beta",store="B1"}',
    'ringup_store_applied_seq{tenant="beta",store="B2"}',
    'ringup_store_applied_seq{tenant="default",store="D1"}',
  ]);
});

test("a tenant's token scrapes that tenant only", async () => {
  expect(await appliedSeq(acme)).toEqual(['ringup_store_applied_seq{tenant="acme",store="A1"}']);
  expect(await appliedSeq(beta)).toEqual([
    'ringup_store_applied_seq{tenant="beta",store="B1"}',
    'ringup_store_applied_seq{tenant="beta",store="B2"}',
  ]);
});
