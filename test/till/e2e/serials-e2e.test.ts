/**
 * Serials end to end: the compiled till in an 80×24 tmux pane against a real store. A
 * serialised product (marked through the store's products API, synced to the till) was received
 * with its serial; a scan of its GS1 label with AI 21 rings it with that serial at once, the
 * receipt prints it, and the store's `GET /serials/:serial` has it sold on that receipt.
 */

import { Database } from "bun:sqlite";
import { describe, expect, test } from "bun:test";
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { uuidv7 } from "../../../src/core/ids.ts";
import { TILL_DB_FILE } from "../../../src/till/data/db.ts";
import { adminOk } from "../../support/admin-cli.ts";
import { type StoreProcess, seedProducts, startStore } from "../../support/store-process.ts";
import { haveTmux, startTillInTmux } from "../support/tmux.ts";

if (!haveTmux())
  console.warn("serials end-to-end test skipped: tmux is not installed (apt-get install tmux)");

const GTIN = "09506000134352";
const SERIAL = "SN12345";

interface History {
  status: string;
  units: { code: string; status: string; received: unknown[]; sold: { receiptNo: string }[] }[];
}

const admin = adminOk;

async function waitUntil<T>(
  read: () => Promise<T>,
  ok: (value: T) => boolean,
  what: string,
  timeoutMs = 30_000,
) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (ok(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(value)}`);
    await Bun.sleep(50);
  }
}

/** Waits until the till's own catalog has the product marked serialised. */
async function tillKnowsSerialised(tillData: string, code: string): Promise<void> {
  const file = join(tillData, TILL_DB_FILE);
  await waitUntil(
    async () => {
      if (!existsSync(file)) return 0;
      const db = new Database(file, { readonly: true });
      try {
        return (
          db
            .query<{ serialised: number }, [string]>("SELECT serialised FROM products WHERE code = ?")
            .get(code)?.serialised ?? 0
        );
      } catch {
        return 0;
      } finally {
        db.close();
      }
    },
    (n) => n === 1,
    "the till's catalog",
    60_000,
  );
}

async function history(store: StoreProcess, serial: string): Promise<History | null> {
  const res = await store.api(`/api/v1/serials/${serial}`);
  return res.status === 200 ? ((await res.json()) as History) : null;
}

describe("serials at the till", () => {
  test.if(haveTmux())(
    "a GS1 label with the serial rings the serialised product; the store has the serial sold",
    async () => {
      await using store = await startStore();
      const tillData = await mkdtemp(join(tmpdir(), "ringup-till-serials-"));
      try {
        await seedProducts(store, [
          { code: "DRILL", name: "Cordless drill", priceMinor: 8_999, taxClass: null },
        ]);
        // Marked serialised afterwards, by itself: the rest of the product stays.
        const marked = await store.api("/api/v1/products", {
          method: "POST",
          body: JSON.stringify({ code: "DRILL", serialised: true, barcodes: [GTIN] }),
        });
        expect(marked.status).toBe(200);
        const received = await store.api("/api/v1/stock/documents", {
          method: "POST",
          body: JSON.stringify({
            id: uuidv7(),
            type: "receipt",
            post: true,
            lines: [{ code: "DRILL", qty: 2, unitCostMinor: 5_000, serials: [SERIAL, "SN12346"] }],
          }),
        });
        expect(received.status).toBe(201);
        expect((await history(store, SERIAL))?.status).toBe("in_stock");

        await admin(store, "user", "add", "--name", "Ann", "--role", "cashier", "--pin", "1234");
        await admin(store, "shift", "open", "--till", "T1", "--float", "100");
        await using till = await startTillInTmux(store.url, "T1", tillData);
        await till.waitFor("Type your PIN", "the log-in screen");
        await till.type("1234");
        await till.keys("Enter");
        await till.waitFor("Hello, Ann", "the sale screen");
        await tillKnowsSerialised(tillData, "DRILL");

        // The label as a scanner sends it (human-readable form): GTIN and serial.
        await till.type(`(01)${GTIN}(21)${SERIAL}`);
        await till.keys("Enter");
        await till.waitFor("Cordless drill", "the drill's line");
        await till.keys("F10");
        await till.waitFor("Payment", "the payment screen");
        await till.keys("Enter");
        await till.waitFor("Sale complete", "the sale");
        await till.keys("F11");
        await till.waitFor(`S/N ${SERIAL}`, "the serial on the receipt");

        const sold = await waitUntil(
          () => history(store, SERIAL),
          (h) => h?.status === "sold",
          "the serial sold at the store",
        );
        expect(sold?.units.map((u) => [u.code, u.status, u.received.length, u.sold.length])).toEqual([
          ["DRILL", "sold", 1, 1],
        ]);
        expect(sold?.units[0]?.sold[0]?.receiptNo).toMatch(/T1/);
        expect((await history(store, "SN12346"))?.status).toBe("in_stock");
      } finally {
        await rm(tillData, { recursive: true, force: true });
      }
    },
    240_000,
  );
});
