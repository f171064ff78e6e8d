/**
 * A shop behind a NATS leaf node, as docs/replication.md sets a chain up: head office's
 * nats-server takes leaf node connections authenticated with the store's own NATS user (the
 * `authorization` block head office writes), the shop's leaf node (no JetStream of its own)
 * dials out to it, and the store connects to its leaf node on loopback without credentials.
 * Sales reach head office exactly once (journal up, applied pointer down), and the store's
 * user permissions hold across the leaf connection: it cannot publish as another store.
 * Catalog changes do not come down this way yet: nats-server carries no JetStream API across
 * a leaf connection without a JetStream domain (docs/replication.md, "A leaf node per shop").
 */
import { afterAll, beforeAll, expect, setDefaultTimeout, test } from "bun:test";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { connect } from "@nats-io/transport-node";
import type { Subprocess } from "bun";
import { type HqProcess, startHq } from "../support/hq-process.ts";
import { NATS_SERVER } from "../support/nats-server.ts";
import { seedProducts, startStore } from "../support/store-process.ts";
import {
  Chain,
  type ChainNats,
  expectExact,
  giveTestTaxClasses,
  PRODUCTS,
  ringSale,
} from "./support/chain.ts";
import { waitFor } from "./support/wait.ts";

setDefaultTimeout(120_000);

function freePort(): number {
  const server = Bun.listen({ hostname: "127.0.0.1", port: 0, socket: { data() {} } });
  const port = server.port;
  server.stop(true);
  return port;
}

/** A nats-server started from a configuration text, ready when it says so. */
class ConfiguredNats implements ChainNats {
  #output = "";
  private constructor(
    readonly url: string,
    private readonly proc: Subprocess<"ignore", "pipe", "pipe">,
  ) {}

  static async start(dir: string, name: string, port: number, config: string): Promise<ConfiguredNats> {
    const path = join(dir, `${name}.conf`);
    await Bun.write(path, config);
    const proc = Bun.spawn([NATS_SERVER, "-c", path], { stdin: "ignore", stdout: "pipe", stderr: "pipe" });
    const server = new ConfiguredNats(`nats://127.0.0.1:${port}`, proc);
    void server.#collect(proc.stderr);
    void server.#collect(proc.stdout);
    await waitFor(() => {
      if (proc.exitCode !== null) throw new Error(`${name} exited:\n${server.#output}`);
      return server.#output.includes("Server is ready");
    }, `${name} to be ready`);
    return server;
  }

  get output(): string {
    return this.#output;
  }

  async #collect(stream: ReadableStream<Uint8Array>): Promise<void> {
    const decoder = new TextDecoder();
    for await (const chunk of stream) this.#output += decoder.decode(chunk, { stream: true });
  }

  async [Symbol.asyncDispose](): Promise<void> {
    this.proc.kill("SIGKILL");
    await this.proc.exited;
  }
}

let dir = "";
let hub: ConfiguredNats;
let leaf: ConfiguredNats;
let chain: Chain<ConfiguredNats>;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "ringup-leaf-"));
  const hubPort = freePort();
  const leafnodePort = freePort();
  const shopPort = freePort();
  // Head office first: registering the store writes the authorization block the hub includes.
  const hq: HqProcess = await startHq({ nats: `nats://127.0.0.1:${hubPort}` });
  const registered = await hq.json<{ credentials: { nats: { user: string; password: string } } }>(
    "/api/v1/stores",
    {
      method: "POST",
      body: JSON.stringify({ storeId: "S1", name: "Shop S1" }),
    },
  );
  await giveTestTaxClasses(hq, "S1");
  const { user } = registered.credentials.nats;
  const { password } = registered.credentials.nats;
  expect(user).toBe("store_S1");
  await Bun.write(join(dir, "ringup-hq-accounts.conf"), Bun.file(join(hq.dataDir, "nats-accounts.conf")));
  hub = await ConfiguredNats.start(
    dir,
    "hub",
    hubPort,
    `server_name: hq-nats-1
listen: 127.0.0.1:${hubPort}
jetstream { store_dir: ${JSON.stringify(join(dir, "hub-js"))} }
leafnodes { listen: 127.0.0.1:${leafnodePort} }
include ringup-hq-accounts.conf
`,
  );
  leaf = await ConfiguredNats.start(
    dir,
    "leaf",
    shopPort,
    `server_name: shop-s1
listen: 127.0.0.1:${shopPort}
leafnodes {
  remotes: [
    { urls: [${JSON.stringify(`nats://${user}:${password}@127.0.0.1:${leafnodePort}`)}] }
  ]
}
`,
  );
  await waitFor(() => leaf.output.includes("Leafnode connection created"), "the leaf node to reach the hub");
  chain = new Chain(hub, hq);
  const store = await startStore({ storeId: "S1", args: ["--nats", leaf.url] });
  chain.stores.set("S1", store);
  await seedProducts(store, PRODUCTS);
}, 120_000);

afterAll(async () => {
  await chain?.[Symbol.asyncDispose]();
  await leaf?.[Symbol.asyncDispose]();
  await hub?.[Symbol.asyncDispose]();
  if (dir) await rm(dir, { recursive: true, force: true });
}, 60_000);

test("a store behind its leaf node sends its journal up, within its own permissions", async () => {
  for (let i = 0; i < 20; i++) await ringSale(chain.store("S1"), i);
  await expectExact(chain);

  // Anything on the shop's leaf node speaks as store S1 at head office: a message on another
  // store's subject never reaches the stream. It is sent before a sale of S1 over the same leaf
  // connection, so once head office has applied that sale it would have seen the forgery first.
  const nc = await connect({ servers: leaf.url.replace("nats://", "") });
  try {
    nc.publish("ringup.v1.store.S2.sale.completed", "{}");
    await nc.flush();
  } finally {
    await nc.close();
  }
  await ringSale(chain.store("S1"), 99);
  await expectExact(chain);
  const db = chain.hq.db();
  expect(db.query<{ n: number }, []>("SELECT count(*) AS n FROM dead_letters").get()?.n).toBe(0);
  expect(
    db.query<{ n: number }, []>("SELECT count(*) AS n FROM ingested_events WHERE store_id = 'S2'").get()?.n,
  ).toBe(0);
});
