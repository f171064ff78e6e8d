/**
 * The digital receipt end to end: `ringup till` in an 80×24 tmux pane against a real
 * `ringup store` whose config sets publicUrl. After a cash sale the paid screen offers the QR
 * code (Ctrl+R), which shows the receipt's link in half blocks, exactly bwip-js's matrix of the
 * link the store serves.
 */
import { Database } from "bun:sqlite";
import { describe, expect, test } from "bun:test";
import { existsSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { qrMatrix } from "../../../src/devices/qr/matrix.ts";
import { receiptLinkToken, receiptLinkUrl } from "../../../src/shared/receipt-link.ts";
import { TILL_DB_FILE } from "../../../src/till/data/db.ts";
import { qrBlocks } from "../../../src/till/ui/qr-blocks.ts";
import { ringupCommand, seedProducts, startStore } from "../../support/store-process.ts";
import { haveTmux, TmuxSession } from "../support/tmux.ts";

if (!haveTmux())
  console.warn("receipt QR end-to-end test skipped: tmux is not installed (apt-get install tmux)");

const PUBLIC_URL = "https://shop.example";

async function until<T>(read: () => T | Promise<T>, ok: (v: T) => boolean, what: string, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (ok(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await Bun.sleep(50);
  }
}

/** A value from the till's database, once it is there. */
function tillRead(tillData: string, sql: string): number | string | null {
  const file = join(tillData, TILL_DB_FILE);
  if (!existsSync(file)) return null;
  const db = new Database(file, { readonly: true });
  try {
    const row = db.query<{ v: number | string }, []>(sql).get();
    return row?.v ?? null;
  } catch {
    return null;
  } finally {
    db.close();
  }
}

describe("the receipt's QR code on the till's screen", () => {
  test.if(haveTmux())(
    "after payment Ctrl+R shows the link the store serves, as a scannable QR code",
    async () => {
      const configDir = await mkdtemp(join(tmpdir(), "ringup-qr-e2e-"));
      const tillData = join(configDir, "till");
      try {
        const config = join(configDir, "store.toml");
        await writeFile(config, `publicUrl = "${PUBLIC_URL}"\nstoreName = "Corner Co-op"\n`);
        await using store = await startStore({ args: ["--config", config] });
        await seedProducts(store, [{ code: "4011", name: "Bananas each", priceMinor: 129, taxClass: null }]);
        const post = (path: string, body: unknown, token?: string) =>
          token === undefined
            ? store.api(path, { method: "POST", body: JSON.stringify(body) })
            : fetch(`${store.url}${path}`, {
                method: "POST",
                body: JSON.stringify(body),
                headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
              });
        expect((await post("/api/v1/users", { name: "Ann", role: "cashier", pin: "1234" })).status).toBe(201);
        const login = (await (
          await fetch(`${store.url}/api/v1/sessions`, {
            method: "POST",
            body: JSON.stringify({ tillId: "T1", pin: "1234" }),
            headers: { "content-type": "application/json" },
          })
        ).json()) as { token: string };
        expect((await post("/api/v1/shifts", { tillId: "T1", floatMinor: 0 }, login.token)).status).toBe(201);

        const env = {
          PATH: process.env.PATH ?? "/usr/bin:/bin",
          HOME: process.env.HOME ?? "/tmp",
          TERM: "screen",
        };
        const argv = [
          ...ringupCommand(),
          "till",
          "--server",
          store.url,
          "--till-id",
          "T1",
          "--data",
          tillData,
        ];
        await using till = await TmuxSession.start(argv, env, 80, 24);
        await till.waitFor("● online", "the till to reach the store", 30_000);
        await till.type("1234");
        await till.keys("Enter");
        // The first sync after the log-in brings the catalog and the receipt-link key.
        await until(
          () => tillRead(tillData, "SELECT count(*) AS v FROM products WHERE code = '4011'"),
          (n) => n === 1,
          "the till's catalog",
        );
        await until(
          () => tillRead(tillData, "SELECT value AS v FROM meta WHERE key = 'receiptLinkKey'"),
          (v) => typeof v === "string",
          "the receipt-link key at the till",
        );

        await till.type("4011");
        await till.keys("Enter");
        await till.waitFor("Bananas each", "the line");
        await till.keys("F10");
        await till.waitFor("Payment", "the payment screen");
        await till.keys("Enter");
        const paid = await till.waitFor("Sale complete", "the paid screen");
        expect(paid).toContain("Ctrl+R QR");

        const sales = await until(
          async () => {
            const res = await store.api(
              `/api/v1/sales?from=${new Date(Date.now() - 86_400_000).toISOString()}&to=${new Date(Date.now() + 86_400_000).toISOString()}`,
            );
            return ((await res.json()) as { sales: { id: string; receiptNo: string }[] }).sales;
          },
          (s) => s.length === 1,
          "the store to record the sale",
        );
        const keyAnswer = (await (await store.api("/api/v1/receipt-links/key")).json()) as { key: string };
        const token = receiptLinkToken(Buffer.from(keyAnswer.key, "hex"), sales[0]?.id ?? "") ?? "";
        const url = receiptLinkUrl(PUBLIC_URL, token);

        await till.keys("C-r");
        const drawn = qrBlocks(qrMatrix(url, "L"));
        expect(drawn).toHaveLength(19);
        // Polled until the whole symbol is on screen: a capture may catch a frame half written.
        const shows = (screen: string) => {
          const shown = screen.split("\n");
          return (
            screen.includes("scan the code with") && drawn.every((line, i) => shown[2 + i]?.startsWith(line))
          );
        };
        const screen = await till.waitFor(shows, "the QR code of the store's link");
        const rows = screen.split("\n");
        for (const row of rows) expect([...row].length).toBeLessThanOrEqual(80);

        // The link is the store's copy of this receipt.
        const copy = await fetch(`${store.url}/r/${token}?format=text`);
        expect(copy.status).toBe(200);
        expect(await copy.text()).toContain(sales[0]?.receiptNo ?? "?");
      } finally {
        await rm(configDir, { recursive: true, force: true });
      }
    },
    90_000,
  );
});
