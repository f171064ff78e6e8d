/**
 * Tenants over NATS, end to end with the files head office writes: nats-server runs with
 * `nats-tenants.conf` (one account per tenant), head office ingests each tenant through that
 * tenant's own account, and two tenants each with a store named S1 stay apart: a sale at acme's
 * S1 lands in acme's database only, beta's in beta's only. A store credential of acme cannot
 * publish on a subject of beta's store, and what it publishes on its own never reaches beta.
 */
import { Database } from "bun:sqlite";
import { afterAll, beforeAll, describe, expect, setDefaultTimeout, test } from "bun:test";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { jetstream } from "@nats-io/jetstream";
import { connect } from "@nats-io/transport-node";
import { uuidv7 } from "../../src/core/ids.ts";
import { storeInboxPrefix } from "../../src/shared/nats/index.ts";
import { type HqProcess, startHq } from "../support/hq-process.ts";
import { type NatsServerProcess, startNats } from "../support/nats-server.ts";
import { type StoreProcess, seedProducts, startStore } from "../support/store-process.ts";
import { TEST_TAX_CLASSES } from "../support/tax-classes.ts";
import { createTenant } from "../support/tenants.ts";
import { auditEvent, PRODUCTS, ringSale, storeFacts } from "./support/chain.ts";
import { waitFor } from "./support/wait.ts";

setDefaultTimeout(120_000);

interface Registered {
  credentials: { nats: { user: string; password: string }; natsCredsFile: string };
}

let dataDir: string;
let hq: HqProcess | undefined;
let nats: NatsServerProcess | undefined;
const tokens = new Map<string, string>();
const stores = new Map<string, StoreProcess>();
const creds = new Map<string, { user: string; password: string }>();

async function tenantApi(tenant: string, path: string, init: RequestInit = {}): Promise<Response> {
  if (!hq) throw new Error("no head office");
  return hq.api(path, {
    ...init,
    headers: { authorization: `Bearer ${tokens.get(tenant)}`, "content-type": "application/json" },
  });
}

function tenantDb(tenant: string): Database {
  return new Database(join(dataDir, "tenants", tenant, "hq.db"), { readonly: true });
}

function salesAt(tenant: string | null): string[] {
  const db = tenant ? tenantDb(tenant) : new Database(join(dataDir, "hq.db"), { readonly: true });
  try {
    return db
      .query<{ id: string }, []>("SELECT id FROM hq_sales ORDER BY id")
      .all()
      .map((r) => r.id);
  } finally {
    db.close();
  }
}

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), "ringup-tenants-nats-"));
  for (const tenant of ["acme", "beta"]) tokens.set(tenant, await createTenant(dataDir, tenant));
  hq = await startHq({ dataDir });
  for (const tenant of ["acme", "beta"]) {
    const res = await tenantApi(tenant, "/api/v1/stores", {
      method: "POST",
      body: JSON.stringify({ storeId: "S1", name: `${tenant} S1` }),
    });
    if (res.status !== 201) throw new Error(`store of ${tenant}: ${res.status} ${await res.text()}`);
    const body = (await res.json()) as Registered;
    const file = join(dataDir, `${tenant}-S1.creds`);
    await Bun.write(file, body.credentials.natsCredsFile);
    creds.set(tenant, body.credentials.nats);
    const settings = await tenantApi(tenant, "/api/v1/stores/S1/settings", {
      method: "PUT",
      body: JSON.stringify({ taxClasses: TEST_TAX_CLASSES.map((t) => ({ ...t })) }),
    });
    if (settings.status !== 200) throw new Error(`settings of ${tenant}: ${await settings.text()}`);
  }
  nats = await startNats({ include: join(dataDir, "nats-tenants.conf") });
  await hq.restart({ url: nats.url });
  for (const tenant of ["acme", "beta"]) {
    const store = await startStore({
      storeId: "S1",
      args: ["--nats", nats.url, "--nats-creds", join(dataDir, `${tenant}-S1.creds`)],
    });
    stores.set(tenant, store);
    await seedProducts(store, PRODUCTS);
  }
});

afterAll(async () => {
  await Promise.allSettled(
    [...stores.values(), hq, nats].map((p) => p?.[Symbol.asyncDispose]() ?? Promise.resolve()),
  );
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

describe("tenants over NATS", () => {
  test("each tenant's sales land in its own database only", async () => {
    const acmeSales: string[] = [];
    const betaSales: string[] = [];
    for (let i = 0; i < 3; i++) acmeSales.push(await ringSale(stores.get("acme") as StoreProcess, i));
    betaSales.push(await ringSale(stores.get("beta") as StoreProcess, 7));
    await waitFor(
      () => salesAt("acme").length === acmeSales.length && salesAt("beta").length === betaSales.length,
      "each tenant to ingest its own store's sales",
    );
    expect(salesAt("acme")).toEqual(acmeSales.sort());
    expect(salesAt("beta")).toEqual(betaSales.sort());
    expect(salesAt(null)).toEqual([]);
    expect(storeFacts(stores.get("acme") as StoreProcess).saleIds).toEqual(acmeSales.sort());
  });

  test("acme's store credential cannot publish on beta's subjects, and its own never reach beta", async () => {
    const c = creds.get("acme");
    if (!c || !nats) throw new Error("no credentials");
    const nc = await connect({
      servers: nats.url.replace("nats://", ""),
      user: c.user,
      pass: c.password,
      inboxPrefix: storeInboxPrefix("S1"),
    });
    try {
      const js = jetstream(nc);
      let refused: unknown = null;
      try {
        await js.publish("ringup.v1.store.S2.sale.completed", "{}", { msgID: uuidv7(), timeout: 3_000 });
      } catch (err) {
        refused = err;
      }
      expect(String(refused)).toContain("Permissions Violation for Publish");
      let hqRefused: unknown = null;
      try {
        await js.publish("ringup.v1.hq.applied.S1", "{}", { timeout: 3_000 });
      } catch (err) {
        hqRefused = err;
      }
      expect(String(hqRefused)).toContain("Permissions Violation for Publish");

      // An event for beta's S1 sent with acme's credentials on S1's own subject is taken into
      // acme's account (its stream acknowledges it) and never reaches beta.
      const betaFacts = storeFacts(stores.get("beta") as StoreProcess);
      const forged = auditEvent("S1", betaFacts.lastSeq + 1, betaFacts.lastHash);
      const ack = await js.publish("ringup.v1.store.S1.audit.recorded", JSON.stringify(forged), {
        msgID: forged.id,
      });
      expect(ack.stream).toBe("RINGUP_STORE_EVENTS");
      // Beta keeps ingesting its own store (a later sale arrives) and has nothing of the forged one.
      const later = await ringSale(stores.get("beta") as StoreProcess, 2);
      await waitFor(() => salesAt("beta").includes(later), "beta to ingest its later sale");
      const db = tenantDb("beta");
      try {
        expect(db.query("SELECT 1 FROM ingested_events WHERE id = ?1").get(forged.id)).toBeNull();
        expect(db.query("SELECT count(*) AS n FROM dead_letters").get() as { n: number }).toEqual({ n: 0 });
      } finally {
        db.close();
      }
    } finally {
      await nc.close();
    }
  });
});

describe("a tenant created while head office runs", () => {
  test("is served at once and ingests its store's sales once nats-server has its account", async () => {
    if (!hq || !nats) throw new Error("no chain");
    const made = await hq.json<{ token: string }>("/api/v1/tenants", {
      method: "POST",
      body: JSON.stringify({ id: "gamma" }),
    });
    tokens.set("gamma", made.token);
    const res = await tenantApi("gamma", "/api/v1/stores", {
      method: "POST",
      body: JSON.stringify({ storeId: "S1", name: "gamma S1" }),
    });
    expect(res.status).toBe(201);
    const file = join(dataDir, "gamma-S1.creds");
    await Bun.write(file, ((await res.json()) as Registered).credentials.natsCredsFile);
    const settings = await tenantApi("gamma", "/api/v1/stores/S1/settings", {
      method: "PUT",
      body: JSON.stringify({ taxClasses: TEST_TAX_CLASSES.map((t) => ({ ...t })) }),
    });
    expect(settings.status).toBe(200);
    // nats-server reads nats-tenants.conf again (a restart here; a reload in production).
    await nats.restart();
    const store = await startStore({ storeId: "S1", args: ["--nats", nats.url, "--nats-creds", file] });
    stores.set("gamma", store);
    await seedProducts(store, PRODUCTS);
    const sale = await ringSale(store, 4);
    await waitFor(() => salesAt("gamma").includes(sale), "gamma to ingest its store's sale", 60_000);
    expect(salesAt("gamma")).toEqual([sale]);
    expect(salesAt("acme")).not.toContain(sale);
    expect(salesAt("beta")).not.toContain(sale);
  });
});

describe("a nats-server without authentication", () => {
  test("head office does not replicate tenants through it, since they would share its streams", async () => {
    await using open = await startNats();
    const dir = await mkdtemp(join(tmpdir(), "ringup-tenants-open-nats-"));
    try {
      await createTenant(dir, "acme");
      await using shared = await startHq({ dataDir: dir, nats: open.url });
      await shared.waitForOutput(/tenant acme: .*requires no authentication.*not replicating/);
      expect((await shared.api("/health")).status).toBe(200);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
