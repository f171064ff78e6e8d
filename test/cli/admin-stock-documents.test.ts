/**
 * `ringup admin stock receive|issue|writeoff|transfer-out|transfer-in|adjust|post|list|show|pdf`
 * end to end: a real `ringup store` process and the admin CLI run as a process against it.
 */
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runAdmin } from "../support/admin-cli.ts";
import { type StoreProcess, seedProducts, startStore } from "../support/store-process.ts";

const admin = (...args: string[]) => runAdmin(store, ...args);

async function onHandMilli(code: string): Promise<number> {
  const res = await store.api(`/api/v1/stock?code=${code}`);
  expect(res.status).toBe(200);
  return ((await res.json()) as { onHandMilli: number }).onHandMilli;
}

interface Doc {
  id: string;
  number: number;
  type: string;
  status: string;
  toStore: string | null;
  transferStatus: string | null;
  lines: {
    code: string;
    qtyMilli: number;
    unitCostMinor: number | null;
    lot: string | null;
    expiry: string | null;
  }[];
}

let store: StoreProcess;
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "ringup-stock-cli-"));
  store = await startStore();
  await seedProducts(store, [
    { code: "BREAD", name: "Rye bread", priceMinor: 350 },
    { code: "MILK", name: "Milk 1l", priceMinor: 199 },
  ]);
}, 60_000);
afterAll(async () => {
  await store[Symbol.asyncDispose]();
  await rm(dir, { recursive: true, force: true });
}, 60_000);

describe("ringup admin stock documents", () => {
  test("receive from a semicolon CSV as a draft, then post, show, list and pdf", async () => {
    const file = join(dir, "delivery.csv");
    await Bun.write(file, "code;qty;unitCostMinor;lot;expiry\nBREAD;12;180;L1;2027-01-31\nMILK;6;90;;\n");
    const draft = await admin("--json", "stock", "receive", "--file", file, "--reason", "delivery 42");
    expect(draft.stderr).toBe("");
    expect(draft.code).toBe(0);
    const doc = JSON.parse(draft.stdout) as Doc;
    expect(doc.type).toBe("receipt");
    expect(doc.status).toBe("draft");
    expect(doc.lines).toMatchObject([
      { code: "BREAD", qtyMilli: 12_000, unitCostMinor: 180, lot: "L1", expiry: "2027-01-31" },
      { code: "MILK", qtyMilli: 6_000, unitCostMinor: 90, lot: null, expiry: null },
    ]);
    expect(await onHandMilli("BREAD")).toBe(0);

    const posted = await admin("stock", "post", doc.id);
    expect(posted.code).toBe(0);
    expect(posted.stdout).toContain(`receipt ${doc.number} (posted)`);
    expect(await onHandMilli("BREAD")).toBe(12_000);
    expect(await onHandMilli("MILK")).toBe(6_000);

    const shown = await admin("stock", "show", doc.id);
    expect(shown.code).toBe(0);
    expect(shown.stdout).toContain("BREAD Rye bread qty 12 (+12), cost 180, lot L1, expiry 2027-01-31");

    const list = await admin("stock", "list", "--type", "receive");
    expect(list.code).toBe(0);
    expect(list.stdout).toContain(doc.id);

    const out = join(dir, "receipt.pdf");
    const pdf = await admin("stock", "pdf", doc.id, "--out", out);
    expect(pdf.stderr).toBe("");
    expect(pdf.code).toBe(0);
    expect(new TextDecoder().decode((await Bun.file(out).bytes()).slice(0, 5))).toBe("%PDF-");
  });

  test("issue, write-off and adjust from --line, posted at once (the admin token approves)", async () => {
    const issued = await admin("stock", "issue", "--line", "BREAD:2", "--post", "--reason", "kitchen");
    expect(issued.stderr).toBe("");
    expect(issued.code).toBe(0);
    expect(await onHandMilli("BREAD")).toBe(10_000);

    const written = await admin(
      "stock",
      "writeoff",
      "--line",
      "BREAD:1",
      "--line",
      "MILK:1",
      "--post",
      "--reason",
      "damaged",
    );
    expect(written.code).toBe(0);
    expect(await onHandMilli("BREAD")).toBe(9_000);
    expect(await onHandMilli("MILK")).toBe(5_000);

    const adjusted = await admin("stock", "adjust", "--line", "MILK:-1", "--post", "--reason", "recount");
    expect(adjusted.stderr).toBe("");
    expect(adjusted.code).toBe(0);
    expect(adjusted.stdout).toContain("MILK Milk 1l qty -1 (-1)");
    expect(await onHandMilli("MILK")).toBe(4_000);
  });

  test("transfer out names the receiving store and stays in transit", async () => {
    const run = await admin(
      "--json",
      "stock",
      "transfer-out",
      "--line",
      "BREAD:3",
      "--to-store",
      "S2",
      "--post",
    );
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const doc = JSON.parse(run.stdout) as Doc;
    expect(doc).toMatchObject({
      type: "transfer_out",
      status: "posted",
      toStore: "S2",
      transferStatus: "in_transit",
    });
    expect(await onHandMilli("BREAD")).toBe(6_000);
  });

  test("bad lines and missing lines are refused with what to fix", async () => {
    const none = await admin("stock", "receive");
    expect(none.code).toBe(1);
    expect(none.stderr).toContain("--file F or --line CODE:QTY[:COST]");

    const bad = await admin("stock", "receive", "--line", "BREAD:abc");
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain("--line BREAD:abc");

    const file = join(dir, "bad.csv");
    await Bun.write(file, "BREAD,2,1.50\n");
    const badCost = await admin("stock", "receive", "--file", file);
    expect(badCost.code).toBe(1);
    expect(badCost.stderr).toContain("line 1: the unit cost must be a whole number of minor units");
  });
});
