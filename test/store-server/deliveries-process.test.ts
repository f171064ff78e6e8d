/**
 * A delivery on the real `ringup store` process: created at the till's session, taken to
 * "delivered" by its courier through the API with his own session, and each status posted,
 * signed, to the notification webhook (a real HTTP sink here) exactly once, even when the
 * courier sends a status twice.
 */
import { Database } from "bun:sqlite";
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { createHmac } from "node:crypto";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { uuidv7 } from "../../src/core/ids.ts";
import { addCourierToStore, pollFor } from "../support/couriers.ts";
import { seedProducts, startStore } from "../support/store-process.ts";
import { WebhookSink } from "../support/webhook-sink.ts";

const SECRET = "whsec_deliveries_test";

let configDir: string;
let sink: WebhookSink;

beforeAll(async () => {
  configDir = await mkdtemp(join(tmpdir(), "ringup-deliveries-"));
  sink = new WebhookSink();
});
afterAll(async () => {
  await sink[Symbol.asyncDispose]();
  await rm(configDir, { recursive: true, force: true });
});

describe("a delivery through the API on a real store", () => {
  test("the courier takes it to delivered with his own session; the webhook receives each status once", async () => {
    const configFile = join(configDir, "store.toml");
    await writeFile(
      configFile,
      ["[notifications]", `webhookUrl = "${sink.url}"`, `secret = "${SECRET}"`, ""].join("\n"),
    );
    await using store = await startStore({ args: ["--config", configFile] });
    const call = async (path: string, method: string, body: unknown, token: string | null) => {
      const headers: Record<string, string> = { "content-type": "application/json" };
      if (token) headers.authorization = `Bearer ${token}`;
      const res = await fetch(`${store.url}${path}`, { method, headers, body: JSON.stringify(body) });
      return { status: res.status, body: (await res.json()) as Record<string, unknown> };
    };
    await seedProducts(store, [{ code: "BREAD", name: "Bread", priceMinor: 275, taxClass: null }]);
    expect(
      (await call("/api/v1/users", "POST", { name: "Ann", role: "cashier", pin: "1111" }, store.token))
        .status,
    ).toBe(201);
    // The courier and his role, as head office's feed writes them into the store's database.
    addCourierToStore(store.dataDir, "C-KIM", "Kim", "7001");
    const ann = (await call("/api/v1/sessions", "POST", { tillId: "T1", pin: "1111" }, null)).body
      .token as string;
    const kim = (await call("/api/v1/sessions", "POST", { tillId: "K1", pin: "7001" }, null)).body
      .token as string;
    expect(kim).toBeString();

    const saleId = uuidv7();
    const sale = await call(
      "/api/v1/sales",
      "POST",
      { id: saleId, lines: [{ code: "BREAD" }], tenders: [{ type: "card", amountMinor: 275 }] },
      ann,
    );
    expect(sale.status).toBe(201);
    const id = uuidv7();
    const created = await call(
      "/api/v1/deliveries",
      "POST",
      { id, saleId, address: "3 Elm St", phone: "+1 555 0100", courierId: "C-KIM" },
      ann,
    );
    expect(created.status).toBe(201);
    for (const status of ["preparing", "on_the_way", "on_the_way", "delivered"]) {
      const res = await call(`/api/v1/deliveries/${id}/status`, "POST", { status }, kim);
      expect({ status, code: res.status }).toEqual({ status, code: 200 });
    }
    const back = await call(`/api/v1/deliveries/${id}/status`, "POST", { status: "on_the_way" }, kim);
    expect(back.status).toBe(409);
    expect((back.body.error as { code: string }).code).toBe("STATUS_BACKWARDS");

    await pollFor("four notifications", () => sink.posted.length >= 4);
    // Nothing more comes: the outbox is empty once the four were taken.
    const outbox = () => {
      const check = new Database(join(store.dataDir, "store.db"), { readonly: true });
      try {
        return check.query<{ n: number }, []>("SELECT count(*) AS n FROM notification_outbox").get()?.n ?? -1;
      } finally {
        check.close();
      }
    };
    await pollFor("an empty outbox", () => outbox() === 0);
    const bodies = sink.bodies<{ status: string; deliveryId: string; phone: string }>();
    expect(bodies.map((b) => b.status)).toEqual(["accepted", "preparing", "on_the_way", "delivered"]);
    expect(bodies.every((b) => b.deliveryId === id && b.phone === "+1 555 0100")).toBe(true);
    for (const p of sink.posted) {
      expect(p.event).toBe("delivery.status");
      expect(p.signature).toBe(createHmac("sha256", SECRET).update(p.body).digest("hex"));
    }
  }, 60_000);
});
