/**
 * Per-store NATS credentials, end to end with the files head office writes: nats-server runs
 * with `nats-accounts.conf` from HQ's data dir, HQ and two stores replicate with their own
 * credentials, and store S2's credentials cannot publish as S1, read what HQ sends S1, or
 * consume S1's catalog entries. An event that claims another store than its subject's is
 * dead-lettered and changes nothing.
 */
import { afterAll, beforeAll, describe, expect, setDefaultTimeout, test } from "bun:test";
import { join } from "node:path";
import { AckPolicy, jetstream, jetstreamManager } from "@nats-io/jetstream";
import { connect, type NatsConnection } from "@nats-io/transport-node";
import { uuidv7 } from "../../src/core/ids.ts";
import { CATALOG_STREAM, storeInboxPrefix } from "../../src/shared/nats/index.ts";
import { type HqProcess, startHq } from "../support/hq-process.ts";
import { type NatsServerProcess, startNats } from "../support/nats-server.ts";
import { seedProducts, startStore } from "../support/store-process.ts";
import {
  auditEvent,
  Chain,
  expectExact,
  giveTestTaxClasses,
  PRODUCTS,
  ringSale,
  storeFacts,
} from "./support/chain.ts";
import { waitFor } from "./support/wait.ts";

// Real processes: starting them and waiting for replication takes seconds, not milliseconds.
setDefaultTimeout(120_000);

interface Registered {
  credentials: { nats: { user: string; password: string }; natsCredsFile: string };
}

let hq: HqProcess | undefined;
let nats: NatsServerProcess | undefined;
let chain: Chain;
const creds = new Map<string, { user: string; password: string; file: string }>();

beforeAll(async () => {
  hq = await startHq();
  for (const storeId of ["S1", "S2"]) {
    const body = await hq.json<Registered>("/api/v1/stores", {
      method: "POST",
      body: JSON.stringify({ storeId, name: `Shop ${storeId}` }),
    });
    await giveTestTaxClasses(hq, storeId);
    const file = join(hq.dataDir, `${storeId}.creds`);
    await Bun.write(file, body.credentials.natsCredsFile);
    creds.set(storeId, { ...body.credentials.nats, file });
  }
  nats = await startNats({ include: join(hq.dataDir, "nats-accounts.conf") });
  await hq.restart({ url: nats.url });
  chain = new Chain(nats, hq);
  for (const storeId of ["S1", "S2"]) {
    const store = await startStore({
      storeId,
      args: ["--nats", nats.url, "--nats-creds", creds.get(storeId)?.file ?? ""],
    });
    chain.stores.set(storeId, store);
    await seedProducts(store, PRODUCTS);
  }
});
afterAll(async () => {
  if (chain) await chain[Symbol.asyncDispose]();
  else await Promise.allSettled([hq?.[Symbol.asyncDispose](), nats?.[Symbol.asyncDispose]()]);
});

async function connectAs(storeId: string): Promise<NatsConnection> {
  const c = creds.get(storeId);
  if (!c || !nats) throw new Error(`no credentials for ${storeId}`);
  return connect({
    servers: nats.url.replace("nats://", ""),
    user: c.user,
    pass: c.password,
    inboxPrefix: storeInboxPrefix(storeId),
  });
}

describe("per-store NATS credentials", () => {
  test("stores replicate with their own credentials", async () => {
    for (let i = 0; i < 10; i++) {
      await ringSale(chain.store("S1"), i);
      await ringSale(chain.store("S2"), i);
    }
    await expectExact(chain);
  });

  test("catalog changes reach the stores through the consumers their permissions allow", async () => {
    const hqApi = chain.hq;
    await hqApi.json("/api/v1/products", {
      method: "POST",
      body: JSON.stringify({ code: "SEC1", name: "Padlock", priceMinor: 900, taxClass: "1" }),
    });
    await hqApi.json("/api/v1/prices", {
      method: "PUT",
      body: JSON.stringify({ code: "SEC1", priceMinor: 950, storeId: "S1" }),
    });
    for (const [storeId, price] of [
      ["S1", 950],
      ["S2", 900],
    ] as const) {
      await waitFor(async () => {
        const res = await chain.store(storeId).api("/api/v1/products/SEC1");
        return res.ok && ((await res.json()) as { priceMinor: number }).priceMinor === price;
      }, `${storeId} to get the padlock at ${price}`);
    }
  });

  test("S2's credentials cannot publish as S1, read S1's pointer or consume S1's catalog", async () => {
    const nc = await connectAs("S2");
    try {
      const js = jetstream(nc);
      const own = await js.publish("ringup.v1.store.S2.audit.recorded", "{}", { msgID: uuidv7() });
      expect(own.stream).toBe("RINGUP_STORE_EVENTS");
      let refused: unknown = null;
      try {
        await js.publish("ringup.v1.store.S1.sale.completed", "{}", { msgID: uuidv7(), timeout: 3_000 });
      } catch (err) {
        refused = err;
      }
      expect(String(refused)).toContain(
        'Permissions Violation for Publish to "ringup.v1.store.S1.sale.completed"',
      );

      const sub = nc.subscribe("ringup.v1.hq.applied.S1");
      const closed = await sub.closed;
      expect(String(closed)).toContain("Permissions Violation for Subscription");

      const jsm = await jetstreamManager(nc, { checkAPI: false });
      let consumerRefused: unknown = null;
      try {
        await jsm.consumers.add(CATALOG_STREAM, {
          name: "S2_all",
          filter_subject: "ringup.v1.hq.catalog.store.S1.>",
          ack_policy: AckPolicy.None,
        });
      } catch (err) {
        consumerRefused = err;
      }
      expect(String(consumerRefused)).toContain("Permissions Violation");
    } finally {
      await nc.close();
    }
  });

  test("an event claiming S1 on S2's subject is dead-lettered and changes nothing", async () => {
    const s1Before = storeFacts(chain.store("S1"));
    const counts = () =>
      chain.hq
        .db()
        .query<{ sales: number; s1: number }, []>(
          `SELECT (SELECT count(*) FROM hq_sales) AS sales,
            (SELECT last_seq FROM store_replication WHERE store_id = 'S1') AS s1`,
        )
        .get();
    const before = counts();
    // A well-formed S1 event (the next in S1's chain) sent with S2's credentials on S2's subject.
    const forged = auditEvent("S1", s1Before.lastSeq + 1, s1Before.lastHash);
    const nc = await connectAs("S2");
    try {
      await jetstream(nc).publish("ringup.v1.store.S2.audit.recorded", JSON.stringify(forged), {
        msgID: forged.id,
      });
    } finally {
      await nc.close();
    }
    const dead = await waitFor(
      () =>
        chain.hq
          .db()
          .query<{ storeId: string; reason: string; message: string }, [string]>(
            "SELECT store_id AS storeId, reason, message FROM dead_letters WHERE event_id = ?1",
          )
          .get(forged.id),
      "head office to dead-letter the forged event",
    );
    expect(dead.storeId).toBe("S2");
    expect(dead.reason).toBe("STORE_MISMATCH");
    expect(counts()).toEqual(before);
    const stores = await chain.hq.json<{ stores: { storeId: string; deadLetters: number }[] }>(
      "/api/v1/stores",
    );
    expect(stores.stores.find((s) => s.storeId === "S2")?.deadLetters).toBeGreaterThanOrEqual(1);
    expect(stores.stores.find((s) => s.storeId === "S1")?.deadLetters).toBe(0);
    // Both stores keep replicating.
    await ringSale(chain.store("S1"), 1);
    await ringSale(chain.store("S2"), 2);
    await expectExact(chain);
  });
});
