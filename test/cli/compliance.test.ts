/**
 * Closures and the signed archive end to end on a real `ringup store` process: sales, a void
 * and a return; `ringup admin closure day|list|show`; `ringup admin archive export`; then the
 * offline checks with no server: `ringup verify-archive` (altered in several places, refused
 * each time with the record named) and `ringup verify --data` on a copied database.
 */
import { Database } from "bun:sqlite";
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { businessDay } from "../../src/core/business-day.ts";
import { uuidv7 } from "../../src/core/ids.ts";
import { adminOk, runAdmin } from "../support/admin-cli.ts";
import { runRingup } from "../support/ringup-cli.ts";
import { type StoreProcess, seedProducts, startStore } from "../support/store-process.ts";

let store: StoreProcess;
let dir: string;
const admin = (...args: string[]) => runAdmin(store, ...args);

async function api(path: string, body?: unknown): Promise<Record<string, unknown>> {
  const res = await store.api(
    `/api/v1${path}`,
    body === undefined ? {} : { method: "POST", body: JSON.stringify(body) },
  );
  const text = await res.text();
  if (!res.ok) throw new Error(`${path}: ${res.status} ${text}`);
  return JSON.parse(text) as Record<string, unknown>;
}

async function sell(code: string, amountMinor: number): Promise<string> {
  const id = uuidv7();
  await api("/sales", {
    id,
    tillId: "T1",
    at: new Date().toISOString(),
    lines: [{ code }],
    tenders: [{ type: "cash", amountMinor }],
  });
  return id;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "ringup-compliance-"));
  store = await startStore();
  await seedProducts(store, [
    { code: "A", name: "Alpha", priceMinor: 1000 },
    { code: "B", name: "Beta", priceMinor: 250 },
  ]);
  const first = await sell("A", 1000);
  await sell("B", 300);
  const voided = await sell("B", 250);
  await api(`/sales/${voided}/void`, { reason: "customer left" });
  await api("/returns", {
    id: uuidv7(),
    originalSaleId: first,
    tillId: "T1",
    lines: [{ code: "A", qty: 1 }],
    tenders: [{ type: "cash", amountMinor: 1000 }],
  });
}, 60_000);
afterAll(async () => {
  await store[Symbol.asyncDispose]();
  rmSync(dir, { recursive: true, force: true });
}, 60_000);

/** The store's business day now (the test store keeps the default time zone, UTC). */
const today = () => businessDay(new Date(), "UTC");

/**
 * Another character of the same kind (a digit, a hex letter, a base64 letter), so the altered
 * archive still parses and its check, not its syntax, finds the change.
 */
function altered(byte: number): number {
  const c = String.fromCharCode(byte);
  const other = (a: string, b: string) => (c === a ? b : a).charCodeAt(0);
  if (/[0-9]/.test(c)) return other("1", "2");
  if (/[a-f]/.test(c)) return other("a", "b");
  if (/[A-Za-z]/.test(c)) return other("A", "B");
  if (/[-_+/]/.test(c)) return "A".charCodeAt(0);
  return byte ^ 0x01;
}

describe("closures and the archive", () => {
  test("close the day, export the archive, verify it offline, refuse it altered", async () => {
    const date = today();
    const z = await admin("closure", "day", "--date", date);
    expect(z.stderr).toBe("");
    expect(z.code).toBe(0);
    expect(z.stdout).toContain(`Z 1 ${date}`);
    expect(z.stdout).toMatch(/Voided sales +1/);
    expect(z.stdout).toMatch(/Total \(USD\) +2\.50/);
    const twice = await admin("closure", "day", "--date", date);
    expect(twice.code).toBe(1);
    expect(twice.stderr).toContain("was closed already (closure 1)");
    const future = await admin("closure", "day", "--date", "2099-01-01");
    expect(future.code).toBe(1);
    expect(future.stderr).toContain("after today");
    expect(await adminOk(store, "closure", "list")).toContain("1 closure(s)");
    expect(await adminOk(store, "closure", "show", "1")).toContain("Grand total");
    const loss = await adminOk(store, "report", "loss-prevention", "--from", date, "--to", date);
    expect(loss).toContain(`Loss prevention ${date}: 0 outlier(s) of 1 cashier(s)`);
    expect(loss.split("\n").every((l) => l.length <= 80)).toBe(true);

    const out = join(dir, "archive.ndjson");
    const noClosure = await admin(
      "archive",
      "export",
      "--from",
      "2020-01-01",
      "--to",
      "2020-01-31",
      "--out",
      out,
    );
    expect(noClosure.code).toBe(1);
    expect(noClosure.stderr).toContain("has no closure");
    const exported = await admin("archive", "export", "--from", date, "--to", date, "--out", out);
    expect(exported.stderr).toBe("");
    expect(exported.code).toBe(0);
    expect(exported.stdout).toContain("signature verified");
    const keyFile = join(dir, "store.pub");
    writeFileSync(keyFile, ((await api("/archive/public-key")) as { publicKey: string }).publicKey);

    const ok = await runRingup(["verify-archive", out, "--public-key", keyFile]);
    expect(ok.stderr).toBe("");
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain("archive OK");

    const original = readFileSync(out);
    const lines = original.toString("utf8").split("\n");
    const saleLine = lines.findIndex((l) => l.includes('"ref":"sale '));
    const closureLine = lines.findIndex((l) => l.includes('"ref":"closure 1"'));
    const places = [
      // A digit of the sale's total, a letter of a closure, the header, the manifest, the signature.
      {
        at: lineOffset(lines, saleLine) + lines[saleLine]!.indexOf("totalMinor") + 12,
        says: `record ${saleLine} (sale `,
      },
      { at: lineOffset(lines, closureLine) + 30, says: `record ${closureLine} (closure 1) was altered` },
      { at: 20, says: "line 1 is not the header" },
      {
        at: lineOffset(lines, lines.length - 3) + lines.at(-3)!.indexOf('"sha256":"') + 15,
        says: "signature does not match",
      },
      { at: original.length - 10, says: "signature does not match" },
    ];
    for (const place of places) {
      const copy = Buffer.from(original);
      copy[place.at] = altered(copy[place.at] as number);
      const file = join(dir, `altered-${place.at}.ndjson`);
      writeFileSync(file, copy);
      const run = await runRingup(["verify-archive", file, "--public-key", keyFile]);
      expect(run.code).toBe(1);
      expect(run.stderr).toContain("archive FAILED");
      expect(run.stderr).toContain(place.says);
    }
  }, 120_000);

  test("verify --data checks a copied database with no server and names the altered event", async () => {
    const data = join(dir, "copy");
    mkdirSync(data);
    await adminOk(store, "backup", "--out", join(data, "store.db"));
    const good = await runRingup(["verify", "--data", data]);
    expect(good.stderr).toBe("");
    expect(good.code).toBe(0);
    expect(good.stdout).toMatch(/OK: \d+ events, journal chain intact; 1 closures, chain intact/);

    const db = new Database(join(data, "store.db"));
    db.run(
      "UPDATE events SET payload = replace(payload, 'customer left', 'customer Left') WHERE type = 'sale.voided'",
    );
    const seq = db.query<{ seq: number }, []>("SELECT seq FROM events WHERE type = 'sale.voided'").get()?.seq;
    db.close();
    const bad = await runRingup(["verify", "--data", data]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain(`event ${seq} (`);
    expect(bad.stderr).toContain("was altered");
  }, 120_000);
});

function lineOffset(lines: readonly string[], index: number): number {
  let offset = 0;
  for (let i = 0; i < index; i++) offset += Buffer.byteLength(lines[i] as string) + 1;
  return offset;
}
