/**
 * E-mail receipts on the real `ringup store` process: the request is kept in the store's
 * outbox and posted, signed, to the notification webhook (a real HTTP sink here); a 500 is
 * retried, and a delivery still pending when the store is killed is delivered after its restart.
 * The address is gone once delivered; the audit log says a receipt was e-mailed, not to whom.
 */
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { createHmac } from "node:crypto";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { uuidv7 } from "../../src/core/ids.ts";
import { seedProducts, startStore } from "../support/store-process.ts";

const SECRET = "whsec_receipts_test";
const EMAIL = "ann.customer@example.org";

interface Delivery {
  body: string;
  signature: string | null;
  deliveryHeader: string | null;
  answered: number;
}

let configDir: string;
let deliveries: Delivery[] = [];
/** What the sink answers to each delivery, in turn; 200 after the list. */
let answers: number[] = [];
let sink: ReturnType<typeof Bun.serve>;

beforeAll(async () => {
  configDir = await mkdtemp(join(tmpdir(), "ringup-receipt-email-"));
  sink = Bun.serve({
    port: 0,
    hostname: "127.0.0.1",
    async fetch(request) {
      const body = await request.text();
      const answered = answers.shift() ?? 200;
      deliveries.push({
        body,
        signature: request.headers.get("ringup-signature"),
        deliveryHeader: request.headers.get("ringup-delivery"),
        answered,
      });
      return new Response(answered === 200 ? "ok" : "try later", { status: answered });
    },
  });
});
afterAll(async () => {
  await sink.stop(true);
  await rm(configDir, { recursive: true, force: true });
});

async function waitFor<T>(what: string, probe: () => T | undefined | false, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await Bun.sleep(20);
  }
}

describe("e-mail receipts through the notification webhook", () => {
  test("signed, retried after a 500, delivered after a restart, the address forgotten", async () => {
    deliveries = [];
    answers = [500];
    const configFile = join(configDir, "store.toml");
    await writeFile(
      configFile,
      [
        'publicUrl = "https://shop.example"',
        'storeName = "Corner Co-op"',
        "[notifications]",
        `webhookUrl = "http://127.0.0.1:${sink.port}/hooks/ringup"`,
        `secret = "${SECRET}"`,
        "retryMinMs = 1500",
        "",
      ].join("\n"),
    );
    await using store = await startStore({ args: ["--config", configFile] });
    const call = (path: string, method: string, body?: unknown, token?: string | null) => {
      const headers: Record<string, string> = { "content-type": "application/json" };
      if (token) headers.authorization = `Bearer ${token}`;
      const init: RequestInit = { method, ...(body === undefined ? {} : { body: JSON.stringify(body) }) };
      return token === null
        ? fetch(`${store.url}${path}`, { ...init, headers })
        : store.api(path, token ? { ...init, headers } : init);
    };
    await seedProducts(store, [{ code: "BREAD", name: "Bread", priceMinor: 275, taxClass: null }]);
    expect((await call("/api/v1/users", "POST", { name: "Ann", role: "cashier", pin: "1111" })).status).toBe(
      201,
    );
    const login = (await (
      await call("/api/v1/sessions", "POST", { tillId: "T1", pin: "1111" }, null)
    ).json()) as {
      token: string;
    };
    expect((await call("/api/v1/shifts", "POST", { tillId: "T1", floatMinor: 0 }, login.token)).status).toBe(
      201,
    );
    const saleId = uuidv7();
    const recorded = await call(
      "/api/v1/sales",
      "POST",
      { id: saleId, tillId: "T1", lines: [{ code: "BREAD" }], tenders: [{ type: "cash", amountMinor: 500 }] },
      login.token,
    );
    expect(recorded.status).toBe(201);
    const { receiptNo } = (await recorded.json()) as { receiptNo: string };

    const bad = await call(
      `/api/v1/sales/${saleId}/receipt-email`,
      "POST",
      { email: "not an address" },
      login.token,
    );
    expect(bad.status).toBe(400);
    const asked = await call(`/api/v1/sales/${saleId}/receipt-email`, "POST", { email: EMAIL }, login.token);
    expect(asked.status).toBe(202);
    const { deliveryId } = (await asked.json()) as { deliveryId: string };

    // The first attempt: the sink answers 500. The store is killed before it tries again.
    const first = await waitFor("the first attempt", () => deliveries[0]);
    expect(first.answered).toBe(500);
    await store.kill9();
    await store.restart();
    const second = await waitFor("the delivery after the restart", () => deliveries[1]);
    expect(second.answered).toBe(200);
    expect(second.body).toBe(first.body);

    const payload = JSON.parse(second.body) as Record<string, unknown>;
    expect(payload).toMatchObject({ event: "receipt.email", deliveryId, to: EMAIL, receiptNo });
    expect(String(payload.url)).toMatch(/^https:\/\/shop\.example\/r\/[A-Za-z0-9_-]{38}$/);
    expect(String(payload.text)).toContain("Corner Co-op");
    expect(String(payload.text)).toContain("Bread");
    expect(second.deliveryHeader).toBe(deliveryId);
    const expected = createHmac("sha256", SECRET).update(second.body).digest("hex");
    expect(second.signature).toBe(expected);

    // The link in the e-mail opens the receipt.
    const path = new URL(String(payload.url)).pathname;
    const page = await fetch(`${store.url}${path}?format=text`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain(receiptNo);

    // Delivered: the store keeps no address; the audit log says that a receipt was e-mailed.
    const audit = await call("/api/v1/audit?action=receipt.email_requested", "GET");
    const entries = ((await audit.json()) as { entries: unknown[] }).entries;
    expect(entries).toHaveLength(1);
    expect(JSON.stringify(entries)).toContain(deliveryId);
    expect(JSON.stringify(entries)).not.toContain(EMAIL);
    await store.stop();
    const db = new (await import("bun:sqlite")).Database(join(store.dataDir, "store.db"), { readonly: true });
    try {
      const rows = db.query("SELECT count(*) AS n FROM notification_outbox").get() as { n: number };
      expect(rows.n).toBe(0);
    } finally {
      db.close();
    }
    expect(deliveries).toHaveLength(2);
  });
});
