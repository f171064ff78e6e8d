/**
 * Replication on a current nats-server (2.10 or later) with the production settings of
 * docs/replication.md (file storage, `sync_interval: always`): sales, a void and a return of
 * two stores reach head office exactly once, also across a kill -9 of the broker, and a catalog
 * change reaches a store. `scripts/test` fetches Debian trixie's server into .tmp/ first
 * (`bash scripts/fetch-nats-server`); RINGUP_TEST_NATS_SERVER_CURRENT names another one.
 */
import { afterAll, beforeAll, describe, expect, setDefaultTimeout, test } from "bun:test";
import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { type Chain, expectExact, ringMixed, ringSale, SalesLoad, startChain } from "./support/chain.ts";
import { waitFor } from "./support/wait.ts";

// Real processes: starting them and waiting for replication takes seconds, not milliseconds.
setDefaultTimeout(120_000);

const ROOT = resolve(import.meta.dir, "../..");
const PROGRAM =
  process.env.RINGUP_TEST_NATS_SERVER_CURRENT ?? join(ROOT, ".tmp", "nats-server-current", "nats-server");

/** The program's version as [major, minor], or null when it is missing or does not run. */
function versionOf(program: string): [number, number] | null {
  if (!existsSync(program)) return null;
  try {
    const run = Bun.spawnSync([program, "--version"], { stdout: "pipe", stderr: "pipe" });
    const match = /v?(\d+)\.(\d+)\.\d+/.exec(run.stdout.toString());
    return match ? [Number(match[1]), Number(match[2])] : null;
  } catch {
    return null;
  }
}

const version = versionOf(PROGRAM);
const current = version !== null && (version[0] > 2 || (version[0] === 2 && version[1] >= 10));
const missing =
  `no nats-server 2.10 or later at ${PROGRAM}${version ? ` (found ${version.join(".")})` : ""}; ` +
  "fetch one with `bash scripts/fetch-nats-server` (scripts/test does), " +
  "or name one in RINGUP_TEST_NATS_SERVER_CURRENT";

describe("replication on nats-server 2.10 or later", () => {
  let chain: Chain;
  beforeAll(async () => {
    if (!current) throw new Error(missing);
    chain = await startChain({ storeIds: ["S1", "S2"], nats: { program: PROGRAM, syncAlways: true } });
  }, 60_000);
  afterAll(async () => {
    await chain?.[Symbol.asyncDispose]();
  }, 60_000);

  test("the broker runs the production settings", () => {
    expect(readFileSync(join(chain.nats.dir, "nats-server.conf"), "utf8")).toContain("sync_interval: always");
    expect(chain.nats.output).toMatch(/Version:\s+2\.(1\d|[2-9]\d)\./);
  });

  test("sales, a void and a return of two stores reach head office exactly once", async () => {
    for (let i = 0; i < 20; i++) {
      await ringSale(chain.store("S1"), i);
      await ringSale(chain.store("S2"), i + 1);
    }
    await ringMixed(chain.store("S1"));
    await expectExact(chain);
  });

  test("kill -9 of the broker during sales: every sale still reaches head office once", async () => {
    const load = new SalesLoad([chain.store("S1"), chain.store("S2")], 15);
    try {
      await waitFor(() => load.rung >= 20, "sales before the broker dies");
      await chain.nats.kill9();
      const before = load.rung;
      await waitFor(() => load.rung >= before + 20, "sales while the broker is down");
      await chain.nats.restart();
      const after = load.rung;
      await waitFor(() => load.rung >= after + 20, "sales after the broker is back");
    } finally {
      await load.stop();
    }
    expect(load.failed).toBe(0);
    await expectExact(chain);
  });

  test("a catalog change made at head office reaches a store", async () => {
    await chain.hq.json("/api/v1/products", {
      method: "POST",
      body: JSON.stringify({ code: "NEW1", name: "Current server tea", priceMinor: 425 }),
    });
    const found = await waitFor(async () => {
      const res = await chain.store("S2").api("/api/v1/products/lookup?code=NEW1");
      return res.ok ? ((await res.json()) as { product: { priceMinor: number } }) : null;
    }, "the store to receive the product");
    expect(found.product.priceMinor).toBe(425);
  });
});
