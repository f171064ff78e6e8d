/**
 * Tenants under one head office process, end to end on a real `ringup hq`: `ringup hq tenant
 * create` (HQ stopped or running) prints the tenant's admin token, each tenant's data lives in
 * its own database, a token acts within its tenant only (catalog, customers, stores, reports,
 * the web console), a suspended tenant is refused with TENANT_SUSPENDED until resumed, and
 * `tenant export` writes a consistent copy of one tenant's database. With
 * RINGUP_TEST_HQ_DATABASE=postgres the same on PostgreSQL, where each tenant's database is its
 * own database on head office's server, file backups are not run and export points at pg_dump.
 */
import { Database } from "bun:sqlite";
import { afterAll, beforeAll, describe, expect, setDefaultTimeout, test } from "bun:test";
import { existsSync, readdirSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Ran, ringup as run } from "../security/support.ts";
import { type HqProcess, startHq } from "../support/hq-process.ts";
import {
  dropPostgresDatabase,
  postgresDatabaseExists,
  type TestPostgresDatabase,
  tenantDatabaseName,
  testHqDatabase,
} from "../support/postgres.ts";
import { createTenant } from "../support/tenants.ts";

setDefaultTimeout(60_000);

/** On PostgreSQL: head office's database, made before the tenants the CLI creates with it. */
const database: TestPostgresDatabase | null = testHqDatabase();
const databaseArgs = database ? ["--database", database.url] : [];

/** `ringup hq tenant …`, with head office's `--database` when on PostgreSQL. */
function ringup(...args: string[]): Promise<Ran> {
  return run([...args, ...databaseArgs]);
}

const databaseOf = (id: string) => tenantDatabaseName(database, id);

/** Whether the tenant's own database exists: its PostgreSQL database, or hq.db in its directory. */
function tenantDatabaseExists(id: string): boolean {
  return database
    ? postgresDatabaseExists(databaseOf(id))
    : existsSync(join(dataDir, "tenants", id, "hq.db"));
}

let dataDir: string;
let hq: HqProcess;
let acme: string;
let beta: string;

function as(token: string, path: string, init: RequestInit = {}): Promise<Response> {
  return hq.api(path, {
    ...init,
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
  });
}

async function post(token: string, path: string, body: unknown): Promise<Response> {
  return as(token, path, { method: "POST", body: JSON.stringify(body) });
}

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), "ringup-tenants-"));
  // Created with head office stopped: the tenant's database and registry entry exist before it starts.
  acme = await createTenant(dataDir, "acme", databaseArgs);
  const config = join(dataDir, "hq.toml");
  await Bun.write(config, '[backup]\nevery = "1d"\nkeep = 2\n');
  hq = await startHq({ dataDir, args: ["--config", config], database });
  // Created while head office runs.
  beta = await createTenant(dataDir, "beta-2", databaseArgs);
});

afterAll(async () => {
  await hq?.[Symbol.asyncDispose]();
  if (database) for (const id of ["acme", "beta-2", "gamma"]) dropPostgresDatabase(databaseOf(id));
  await rm(dataDir, { recursive: true, force: true });
});

describe("ringup hq tenant", () => {
  test("create makes the tenant's own database and refuses a bad or taken id, changing nothing", async () => {
    expect(acme).toStartWith("rgh_acme.");
    expect(tenantDatabaseExists("acme")).toBe(true);
    expect(tenantDatabaseExists("beta-2")).toBe(true);
    // On PostgreSQL no tenant has a database file.
    expect(existsSync(join(dataDir, "tenants", "acme", "hq.db"))).toBe(database === null);
    for (const bad of ["Acme", "a_b", "a-", "a".repeat(33), "default", "../x"]) {
      const run = await ringup("hq", "tenant", "create", bad, "--data", dataDir);
      expect(run.code, bad).not.toBe(0);
      expect(run.stderr, bad).toContain("TENANT_ID_INVALID");
    }
    const again = await ringup("hq", "tenant", "create", "acme", "--data", dataDir);
    expect(again.code).not.toBe(0);
    expect(again.stderr).toContain("TENANT_EXISTS");
    expect(existsSync(join(dataDir, "tenants", "Acme"))).toBe(false);
  });

  test("list shows each tenant with its status, creation time and size", async () => {
    const run = await ringup("hq", "tenant", "list", "--data", dataDir, "--json");
    expect(run.code, run.stderr).toBe(0);
    const list = JSON.parse(run.stdout) as {
      tenants: { id: string; status: string; createdAt: string; bytes: number }[];
    };
    expect(list.tenants.map((t) => t.id)).toEqual(["acme", "beta-2"]);
    for (const t of list.tenants) {
      expect(t.status).toBe("active");
      expect(Number.isNaN(Date.parse(t.createdAt))).toBe(false);
      expect(t.bytes).toBeGreaterThan(0);
    }
  });
});

describe("a tenant's token acts within its tenant only", () => {
  test("catalog", async () => {
    const product = { code: "ACME1", name: "Acme anvil", priceMinor: 9_900, taxClass: null };
    expect((await post(acme, "/api/v1/products", product)).status).toBe(200);
    expect((await as(acme, "/api/v1/products/ACME1")).status).toBe(200);
    expect((await as(beta, "/api/v1/products/ACME1")).status).toBe(404);
    expect((await hq.api("/api/v1/products/ACME1")).status).toBe(404);
    const betaList = (await (await as(beta, "/api/v1/products")).json()) as { products: unknown[] };
    expect(betaList.products).toEqual([]);
    // Writes of one tenant never land in another: the same code is free in beta.
    expect((await post(beta, "/api/v1/products", { ...product, name: "Beta anvil" })).status).toBe(200);
    const acmeView = (await (await as(acme, "/api/v1/products/ACME1")).json()) as { name: string };
    expect(acmeView.name).toBe("Acme anvil");
  });

  test("customers", async () => {
    expect((await post(acme, "/api/v1/customers", { id: "c1", name: "Ana" })).status).toBe(201);
    expect((await as(acme, "/api/v1/customers/c1")).status).toBe(200);
    expect((await as(beta, "/api/v1/customers/c1")).status).toBe(404);
    expect((await hq.api("/api/v1/customers/c1")).status).toBe(404);
  });

  test("stores and their tokens", async () => {
    const res = await post(acme, "/api/v1/stores", { storeId: "S1", name: "Acme main" });
    expect(res.status).toBe(201);
    const { credentials } = (await res.json()) as {
      credentials: { apiToken: string; nats: { user: string } };
    };
    expect(credentials.apiToken).toStartWith("rgh_acme.");
    expect(credentials.nats.user).toStartWith("acme.");
    expect((await as(acme, "/api/v1/stores/S1")).status).toBe(200);
    expect((await as(beta, "/api/v1/stores/S1")).status).toBe(404);
    expect((await hq.api("/api/v1/stores/S1")).status).toBe(404);
    // The store's own token reads its tenant's catalog and nothing of another's.
    const storeToken = credentials.apiToken;
    expect((await as(storeToken, "/api/v1/products/ACME1")).status).toBe(200);
    // A token whose tenant part is changed is not a token of the other tenant.
    const forged = storeToken.replace("rgh_acme.", "rgh_beta-2.");
    expect((await as(forged, "/api/v1/products")).status).toBe(401);
  });

  test("reports", async () => {
    const acmeStores = (await (await as(acme, "/api/v1/stores")).json()) as { stores: { storeId: string }[] };
    const betaStores = (await (await as(beta, "/api/v1/stores")).json()) as { stores: { storeId: string }[] };
    expect(acmeStores.stores.map((s) => s.storeId)).toEqual(["S1"]);
    expect(betaStores.stores).toEqual([]);
    const report = await as(beta, "/api/v1/reports/sales?from=2026-03-02&to=2026-03-03");
    expect(report.status).toBe(200);
  });

  test("web console sign-in", async () => {
    const signIn = async (token: string, cookie?: string) => {
      const res = await fetch(`${hq.url}/console/sign-in`, {
        method: "POST",
        redirect: "manual",
        headers: {
          "content-type": "application/x-www-form-urlencoded",
          origin: hq.url,
          ...(cookie ? { cookie } : {}),
        },
        body: new URLSearchParams({ token }).toString(),
      });
      expect(res.status).toBe(303);
      const set = (res.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
      expect(set).toStartWith("ringup_console=");
      return set;
    };
    const catalog = async (cookie: string) => {
      const page = await fetch(`${hq.url}/console/catalog?q=anvil`, { headers: { cookie } });
      expect(page.status).toBe(200);
      return page.text();
    };
    const acmeSession = await signIn(acme);
    expect(await catalog(acmeSession)).toContain("Acme anvil");
    // Signing in with beta's token from a browser still holding acme's session: beta's console.
    const betaSession = await signIn(beta, acmeSession);
    const html = await catalog(betaSession);
    expect(html).toContain("Beta anvil");
    expect(html).not.toContain("Acme anvil");
  });

  test("an unknown token is refused with 401 as before", async () => {
    expect((await as("rgh_nope.xxxxxxxx", "/api/v1/products")).status).toBe(401);
    expect((await as("rgh_whatever", "/api/v1/products")).status).toBe(401);
  });
});

describe("POST /tenants and GET /tenants (the default tenant's admin: the operator)", () => {
  test("creates a tenant whose token works at once; a tenant's own token cannot see the route", async () => {
    const res = await hq.api("/api/v1/tenants", { method: "POST", body: JSON.stringify({ id: "gamma" }) });
    expect(res.status).toBe(201);
    const made = (await res.json()) as { tenant: { id: string; status: string }; token: string };
    expect(made.tenant).toMatchObject({ id: "gamma", status: "active" });
    expect(made.token).toStartWith("rgh_gamma.");
    expect(tenantDatabaseExists("gamma")).toBe(true);
    expect((await as(made.token, "/api/v1/products")).status).toBe(200);
    expect((await as(made.token, "/api/v1/products/ACME1")).status).toBe(404);
    const list = await hq.json<{ tenants: { id: string }[] }>("/api/v1/tenants");
    expect(list.tenants.map((t) => t.id)).toEqual(["acme", "beta-2", "gamma"]);
    expect((await as(acme, "/api/v1/tenants")).status).toBe(404);
    expect((await post(acme, "/api/v1/tenants", { id: "delta" })).status).toBe(404);

    const suspended = await hq.json<{ status: string }>("/api/v1/tenants/gamma/suspend", { method: "POST" });
    expect(suspended.status).toBe("suspended");
    expect((await as(made.token, "/api/v1/products")).status).toBe(403);
    await hq.json("/api/v1/tenants/gamma/resume", { method: "POST" });
    expect((await as(made.token, "/api/v1/products")).status).toBe(200);
    const unknown = await hq.api("/api/v1/tenants/nobody/suspend", { method: "POST" });
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as { error: { code: string } }).error.code).toBe("TENANT_NOT_FOUND");
  });

  test("a bad or taken id is refused precisely and creates nothing", async () => {
    for (const [body, code, status] of [
      [{ id: "Bad_Id" }, "TENANT_ID_INVALID", 400],
      [{ id: "acme" }, "TENANT_EXISTS", 409],
    ] as const) {
      const res = await hq.api("/api/v1/tenants", { method: "POST", body: JSON.stringify(body) });
      expect(res.status).toBe(status);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe(code);
    }
    const missing = await hq.api("/api/v1/tenants", { method: "POST", body: "{}" });
    expect(missing.status).toBe(400);
    const list = await hq.json<{ tenants: { id: string }[] }>("/api/v1/tenants");
    expect(list.tenants.map((t) => t.id)).toEqual(["acme", "beta-2", "gamma"]);
    expect(existsSync(join(dataDir, "tenants", "Bad_Id"))).toBe(false);
  });
});

describe("suspend and resume", () => {
  test("a suspended tenant's tokens get 403 TENANT_SUSPENDED; others keep working; resume restores it", async () => {
    const suspended = await ringup("hq", "tenant", "suspend", "beta-2", "--data", dataDir);
    expect(suspended.code, suspended.stderr).toBe(0);
    const refused = await as(beta, "/api/v1/products");
    expect(refused.status).toBe(403);
    const body = (await refused.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe("TENANT_SUSPENDED");
    expect(body.error.message).toContain("resume");
    expect((await as(acme, "/api/v1/products")).status).toBe(200);
    expect((await hq.api("/api/v1/products")).status).toBe(200);

    const unknown = await ringup("hq", "tenant", "suspend", "nobody", "--data", dataDir);
    expect(unknown.code).not.toBe(0);
    expect(unknown.stderr).toContain("TENANT_NOT_FOUND");

    const resumed = await ringup("hq", "tenant", "resume", "beta-2", "--data", dataDir);
    expect(resumed.code, resumed.stderr).toBe(0);
    expect((await as(beta, "/api/v1/products/ACME1")).status).toBe(200);
  });
});

describe("backups", () => {
  test.if(database !== null)("on PostgreSQL no file backups run: head office says so once", async () => {
    const said = hq.output.split("[backup] is not used on PostgreSQL").length - 1;
    expect(said).toBe(1);
    expect(hq.output).toContain("pg_dump");
    expect(existsSync(join(dataDir, "backups"))).toBe(false);
    expect(existsSync(join(dataDir, "tenants", "acme", "backups"))).toBe(false);
  });

  test.if(database === null)(
    "the [backup] schedule backs every tenant up into its own directory, under its own name",
    async () => {
      const backups = (dir: string, name: string) =>
        existsSync(dir) ? readdirSync(dir).filter((f) => f.startsWith(`${name}-`) && f.endsWith(".db")) : [];
      const acmeDir = join(dataDir, "tenants", "acme", "backups");
      const deadline = Date.now() + 20_000;
      while (
        backups(acmeDir, "hq-acme").length === 0 ||
        backups(join(dataDir, "backups"), "hq").length === 0
      ) {
        if (Date.now() > deadline) throw new Error(`no backups yet:\n${hq.output}`);
        await Bun.sleep(50);
      }
      const file = join(acmeDir, backups(acmeDir, "hq-acme")[0] as string);
      const copy = new Database(file, { readonly: true });
      try {
        expect(copy.query("PRAGMA integrity_check").get()).toEqual({ integrity_check: "ok" });
      } finally {
        copy.close();
      }
    },
  );
});

describe("export", () => {
  test.if(database !== null)(
    "on PostgreSQL it refuses precisely, names pg_dump, and writes nothing",
    async () => {
      const out = join(dataDir, "acme-export.db");
      const run = await ringup("hq", "tenant", "export", "acme", "--data", dataDir, "--out", out);
      expect(run.code).not.toBe(0);
      expect(run.stderr).toContain("TENANT_EXPORT_POSTGRES");
      expect(run.stderr).toContain("pg_dump");
      expect(run.stderr).toContain(databaseOf("acme"));
      expect(existsSync(out)).toBe(false);
    },
  );

  test.if(database === null)(
    "writes a verified copy of the tenant's database only, which opens on its own",
    async () => {
      const out = join(dataDir, "acme-export.db");
      const run = await ringup("hq", "tenant", "export", "acme", "--data", dataDir, "--out", out);
      expect(run.code, run.stderr).toBe(0);
      const copy = new Database(out, { readonly: true });
      try {
        expect(copy.query("PRAGMA integrity_check").get()).toEqual({ integrity_check: "ok" });
        const names = copy.query<{ name: string }, []>("SELECT name FROM hq_products ORDER BY code").all();
        expect(names.map((n) => n.name)).toEqual(["Acme anvil"]);
      } finally {
        copy.close();
      }
      const again = await ringup("hq", "tenant", "export", "acme", "--data", dataDir, "--out", out);
      expect(again.code).not.toBe(0);
    },
  );
});
