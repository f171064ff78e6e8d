/**
 * `ringup admin` end to end: a real `ringup store` process on a free port, the admin CLI run
 * as a process against it, the real CORE-POS catalog imported and scanned.
 */

import { Database } from "bun:sqlite";
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { existsSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { gs1CheckDigit, priceCheckDigit } from "../../src/core/barcode.ts";
import { uuidv7 } from "../../src/core/ids.ts";
import { ringupCommand, type StoreProcess, startStore } from "../support/store-process.ts";

const ROOT = resolve(import.meta.dir, "../..");
const SAMPLES = join(ROOT, "../shared/data/corepos");
const PRODUCTS = join(SAMPLES, "products.csv");
const DEPARTMENTS = join(SAMPLES, "departments.sql");
const haveSamples = existsSync(PRODUCTS) && existsSync(DEPARTMENTS);
/** Importing the whole catalog in one transaction takes several seconds on a small machine. */
const SLOW = 120_000;

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

async function ringup(args: string[]): Promise<Run> {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env))
    if (v !== undefined && !k.startsWith("RINGUP_")) env[k] = v;
  const proc = Bun.spawn([...ringupCommand(), ...args], {
    cwd: ROOT,
    stdout: "pipe",
    stderr: "pipe",
    stdin: "ignore",
    env,
  });
  const [stdout, stderr, code] = await Promise.all([
    new Response(proc.stdout).text(),
    new Response(proc.stderr).text(),
    proc.exited,
  ]);
  return { code, stdout, stderr };
}

let store: StoreProcess;
let dir = "";
let url = "";
let TOKEN = "";

function admin(...args: string[]): Promise<Run> {
  return ringup(["admin", "--server", url, "--token", TOKEN, ...args]);
}

async function api<T>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T }> {
  const init: RequestInit = { method };
  if (body !== undefined) init.body = JSON.stringify(body);
  const res = await store.api(`/api/v1${path}`, init);
  return { status: res.status, body: (await res.json()) as T };
}

/** Rows in a table, read from the store's SQLite file by a second connection. */
function count(table: "products" | "departments" | "events"): number {
  const db = new Database(join(dir, "store.db"), { readonly: true });
  try {
    return db.query<{ n: number }, []>(`SELECT count(*) AS n FROM ${table}`).get()?.n ?? 0;
  } finally {
    db.close();
  }
}

/** A UPC-A as printed on the pack: CORE-POS keeps it as `00` + 11 digits without the check digit. */
function scannedUpcA(coreposUpc: string): string {
  const body = coreposUpc.slice(2);
  return body + String(gs1CheckDigit(body));
}

beforeAll(async () => {
  store = await startStore();
  ({ dataDir: dir, url, token: TOKEN } = store);
}, SLOW);
afterAll(async () => {
  await store[Symbol.asyncDispose]();
}, SLOW);

describe("ringup admin against a running store", () => {
  test(
    "imports the real CORE-POS catalog; scanned UPC-As, PLUs and price labels resolve",
    async () => {
      if (!haveSamples) {
        console.warn(`skipped: the CORE-POS sample data is missing (${SAMPLES})`);
        return;
      }
      const departments = await admin("import", "departments", DEPARTMENTS, "--format", "corepos");
      expect(departments.stdout.trim()).toBe("imported 247 departments");
      expect(departments.code).toBe(0);

      const r = await admin("import", "products", PRODUCTS, "--format", "corepos");
      expect(r.stderr).toContain("parsed 6,650/6,650 rows");
      expect(r.code).toBe(0);
      const lines = r.stdout.trim().split("\n");
      expect(lines[0]).toBe("imported 6,638 products, skipped 12:");
      expect(lines[1]).toStartWith("  line 2: normal_price -1 is negative");
      expect(lines.slice(1).map((l) => Number(/line (\d+):/.exec(l)?.[1]))).toEqual([
        2, 291, 292, 960, 2887, 3288, 3642, 3744, 3873, 4070, 6550, 6586,
      ]);
      expect(count("products")).toBe(6638);

      for (const [upc, name] of [
        ["0001440024100", "FRUIT FRESH PRODUCE PROTECTOR"],
        ["0001440031000", "REGULAR MOUTH LIDS"],
        ["0001440042000", "WIDE MOUTH LIDS"],
      ] as const) {
        const hit = await api<{ product: { code: string; name: string }; matchedBy: string }>(
          "GET",
          `/products/lookup?code=${scannedUpcA(upc)}`,
        );
        expect(hit.status).toBe(200);
        expect(hit.body.product).toMatchObject({ code: upc, name });
        expect(hit.body.matchedBy).toBe("barcode");
      }
      const banana = await api<{ product: { code: string; name: string; soldByWeight: boolean } }>(
        "GET",
        "/products/lookup?code=4011",
      );
      expect(banana.body.product).toMatchObject({ code: "4011", name: "PBANANA", soldByWeight: true });
      // A deli label: UPC-A 2 IIIII P VVVV C for item 00030 at $3.99, stored as 0020003000000.
      const label = `200030${priceCheckDigit("0399")}0399`;
      const scan = label + String(gs1CheckDigit(label));
      const embedded = await api<{ product: { code: string }; priceMinor: number }>(
        "GET",
        `/products/lookup?code=${scan}`,
      );
      expect(embedded.body).toMatchObject({ product: { code: "0020003000000" }, priceMinor: 399 });
    },
    SLOW,
  );

  test(
    "--strict with a bad row imports nothing and exits 1",
    async () => {
      const before = count("products");
      const file = join(dir, "strict.csv");
      writeFileSync(file, "code,name,price\nNEW1,New one,1.00\nNEW2,New two,abc\nNEW3,New three,3.00\n");
      const r = await admin("import", "products", file, "--strict");
      expect(r.code).toBe(1);
      expect(r.stdout).toContain('line 3: price "abc" is not an amount in USD');
      expect(r.stderr).toContain("ringup: --strict:");
      expect(r.stderr).toContain("nothing was imported");
      expect(count("products")).toBe(before);

      // A row that breaks a store rule (tax class 9 is not configured) is found before sending.
      writeFileSync(file, "code,name,price,taxClass\nNEW1,New one,1.00,1\nNEW2,New two,2.00,9\n");
      const refused = await admin("import", "products", file, "--strict", "--json");
      expect(refused.code).toBe(1);
      const summary = JSON.parse(refused.stdout) as {
        imported: number;
        errors: { line: number; reason: string }[];
      };
      expect(summary.imported).toBe(0);
      expect(summary.errors).toEqual([
        expect.objectContaining({
          line: 3,
          reason: expect.stringContaining('tax class "9" is not configured'),
        }),
      ]);
      expect(count("products")).toBe(before);

      // Without --strict the good row goes in and the bad one is reported.
      const lenient = await admin("import", "products", file);
      expect(lenient.code).toBe(0);
      expect(lenient.stdout).toStartWith(
        'imported 1 product, skipped 1:\n  line 3: tax class "9" is not configured',
      );
      expect(count("products")).toBe(before + 1);
    },
    SLOW,
  );

  test(
    "report daily prints a table, or JSON",
    async () => {
      const at = new Date();
      const sale = await api<{ totalMinor: number; taxMinor: number }>("POST", "/sales", {
        id: uuidv7(at.getTime()),
        tillId: "T1",
        lines: [{ code: "NEW1", qty: 3 }],
        tenders: [{ type: "cash", amountMinor: 5000 }],
      });
      expect(sale.status).toBe(201);
      const date = at.toISOString().slice(0, 10);
      const json = await admin("report", "daily", "--date", date, "--json");
      expect(json.code).toBe(0);
      const report = JSON.parse(json.stdout) as Record<string, unknown>;
      expect(report).toMatchObject({
        date,
        salesCount: 1,
        grossMinor: 300,
        totalMinor: sale.body.totalMinor,
        taxMinor: sale.body.taxMinor,
        byTender: { cash: sale.body.totalMinor },
      });
      const table = await admin("report", "daily", "--date", date);
      expect(table.code).toBe(0);
      expect(table.stdout).toContain(`Daily report ${date} (USD)`);
      expect(table.stdout).toMatch(/^ {2}Sales +1$/m);
      expect(table.stdout).toMatch(/^ {2}Gross +3\.00$/m);
      const total = (sale.body.totalMinor / 100).toFixed(2);
      expect(table.stdout).toMatch(new RegExp(`^ {2}Total +${total.replace(".", "\\.")}$`, "m"));
      expect(table.stdout).toMatch(new RegExp(`^ {4}cash +${total.replace(".", "\\.")}$`, "m"));

      const bad = await admin("report", "daily", "--date", "2026-3-2");
      expect(bad.code).toBe(1);
      expect(bad.stderr).toContain(
        "ringup: report daily: --date must be a date such as 2026-03-02 (YYYY-MM-DD)",
      );
    },
    SLOW,
  );

  test(
    "user add creates a user; the server's refusal is printed with what to do",
    async () => {
      const r = await admin(
        "user",
        "add",
        "--name",
        "Ann Example",
        "--role",
        "manager",
        "--pin",
        "4821",
        "--json",
      );
      expect(r.code).toBe(0);
      expect(JSON.parse(r.stdout)).toMatchObject({ name: "Ann Example", role: "manager" });
      const plain = await admin("user", "add", "--name", "Bob", "--role", "cashier", "--pin", "5930");
      expect(plain.stdout).toStartWith("added cashier Bob (id ");
      const badPin = await admin("user", "add", "--name", "Cy", "--role", "cashier", "--pin", "12");
      expect(badPin.code).toBe(1);
      expect(badPin.stderr).toContain("ringup: user add: --pin must be 4 to 8 digits");
    },
    SLOW,
  );

  test(
    "a wrong token or an unreachable server is explained",
    async () => {
      const wrong = await ringup([
        "admin",
        "--server",
        url,
        "--token",
        "rgp_not_the_right_token",
        "journal",
        "verify",
      ]);
      expect(wrong.code).toBe(1);
      expect(wrong.stderr).toContain("ringup: the bearer token is not valid");
      expect(wrong.stderr).toContain("check the admin token (--token or RINGUP_TOKEN)");

      // A port nobody listens on: bind one, note it, close it.
      const probe = Bun.serve({ port: 0, hostname: "127.0.0.1", fetch: () => new Response() });
      const closed = `http://127.0.0.1:${probe.port}`;
      await probe.stop(true);
      const down = await ringup([
        "admin",
        "--server",
        closed,
        "--token",
        TOKEN,
        "report",
        "daily",
        "--date",
        "2026-03-02",
      ]);
      expect(down.code).toBe(1);
      expect(down.stderr).toContain(`ringup: the server is not reachable at ${closed}`);
      expect(down.stderr).toContain("ringup store --data DIR");

      const missing = await admin("import", "products", join(dir, "no-such-file.csv"));
      expect(missing.code).toBe(1);
      expect(missing.stderr).toContain("no such file");
    },
    SLOW,
  );

  test(
    "journal verify passes, then names the event whose payload was tampered with",
    async () => {
      const ok = await admin("journal", "verify");
      expect(ok.code).toBe(0);
      const events = count("events");
      expect(events).toBeGreaterThan(0);
      expect(ok.stdout).toStartWith(
        `journal OK: ${events.toLocaleString("en-US")} events, hash chain intact`,
      );

      const target = Math.max(1, Math.floor(events / 2));
      const db = new Database(join(dir, "store.db"));
      try {
        db.exec("PRAGMA busy_timeout = 5000");
        const row = db
          .query<{ id: string; payload: string }, [number]>("SELECT id, payload FROM events WHERE seq = ?")
          .get(target);
        expect(row).not.toBeNull();
        const payload = JSON.parse(row?.payload ?? "{}") as Record<string, unknown>;
        db.query("UPDATE events SET payload = ? WHERE seq = ?").run(
          JSON.stringify({ ...payload, name: "TAMPERED" }),
          target,
        );
      } finally {
        db.close();
      }
      const bad = await admin("journal", "verify");
      expect(bad.code).toBe(1);
      expect(bad.stdout).toContain(`journal FAILED at event ${target}`);
      expect(bad.stderr).toContain(`ringup: journal verification failed: event ${target} (`);
      expect(bad.stderr).toContain("was altered");
      const json = await admin("journal", "verify", "--json");
      expect(json.code).toBe(1);
      expect(JSON.parse(json.stdout)).toMatchObject({
        ok: false,
        events: target - 1,
        problem: { kind: "altered", seq: target },
      });
    },
    SLOW,
  );
});
