/**
 * Customer notifications from a real head office to a local HTTP sink: points earned and a card
 * blocked arrive signed (`Ringup-Signature`, HMAC-SHA256 of the body), a failed delivery is
 * retried from the outbox, and a birthday greeting is queued by the daily round.
 */
import { afterAll, beforeAll, expect, setDefaultTimeout, test } from "bun:test";
import { createHmac } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { queueBirthdays } from "../../../src/hq/customers/jobs.ts";
import { NOTIFICATIONS_ON_KEY } from "../../../src/hq/customers/notify.ts";
import { waitFor } from "../../replication/support/wait.ts";
import { testHqPerTest } from "../../support/hq-app.ts";
import { type HqProcess, startHq } from "../../support/hq-process.ts";

setDefaultTimeout(60_000);

const SECRET = "a-webhook-secret-of-32-characters";

interface Received {
  body: string;
  signature: string | null;
  event: string | null;
}

const received: Received[] = [];
let failNext = 0;
const sink = Bun.serve({
  port: 0,
  hostname: "127.0.0.1",
  async fetch(request) {
    const body = await request.text();
    if (failNext > 0) {
      failNext -= 1;
      return new Response("busy", { status: 503 });
    }
    received.push({
      body,
      signature: request.headers.get("ringup-signature"),
      event: request.headers.get("ringup-event"),
    });
    return new Response("ok");
  },
});

let dir = "";
let hq: HqProcess;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "ringup-hq-notify-"));
  const config = join(dir, "hq.toml");
  writeFileSync(
    config,
    `[notifications]\nwebhookUrl = "http://127.0.0.1:${sink.port}/hook"\nsecret = "${SECRET}"\nretryMinMs = 100\nretryMaxMs = 200\n`,
  );
  hq = await startHq({ args: ["--config", config] });
});
afterAll(async () => {
  await hq?.[Symbol.asyncDispose]();
  sink.stop(true);
  rmSync(dir, { recursive: true, force: true });
});

const post = (path: string, body: unknown = {}) =>
  hq.json(path, { method: "POST", body: JSON.stringify(body) });

test("points earned and a card blocked reach the webhook signed; a failed delivery is retried", async () => {
  await hq.json("/api/v1/loyalty", {
    method: "PUT",
    body: JSON.stringify({ earn: { points: 1, perAmountMinor: 100 }, pointValueMinor: 1 }),
  });
  await post("/api/v1/customers", { id: "c1", name: "Ana" });
  await post("/api/v1/cards", { number: "1001", kind: "loyalty", customerId: "c1" });
  failNext = 1;
  await post("/api/v1/accounts/earnings", { card: "1001", storeId: "S1", saleId: "s1", paidMinor: 1_000 });
  await post("/api/v1/cards/1001/block");
  const both = await waitFor(() => (received.length >= 2 ? received.slice(0, 2) : null), "two deliveries");
  for (const r of both) {
    expect(r.signature).toBe(createHmac("sha256", SECRET).update(r.body).digest("hex"));
  }
  const bodies = both.map(
    (r) => JSON.parse(r.body) as { event: string; customerId: string; data: Record<string, unknown> },
  );
  expect(bodies.map((b) => b.event).sort()).toEqual(["card.blocked", "points.earned"]);
  expect(bodies.find((b) => b.event === "points.earned")).toMatchObject({
    customerId: "c1",
    data: { card: "1001", points: 10, saleId: "s1" },
  });
  expect(both.map((r) => r.event).sort()).toEqual(["card.blocked", "points.earned"]);
});

const inProcess = testHqPerTest();

test("the daily round greets today's birthdays; without notifications on, nothing is queued", async () => {
  const h = inProcess();
  await h.request("POST", "/api/v1/customers", { id: "b1", name: "Born Today", birthday: "1990-03-02" });
  await h.request("POST", "/api/v1/customers", { id: "b2", name: "Not Today", birthday: "1990-03-03" });
  expect(queueBirthdays(h.ctx, "2026-03-02")).toBe(1);
  expect(h.count("customer_notification_outbox")).toBe(0);
  h.ctx.sqlite.run("INSERT INTO hq_meta (key, value) VALUES (?1, 'on')", [NOTIFICATIONS_ON_KEY]);
  queueBirthdays(h.ctx, "2026-03-02");
  const rows = h.ctx.sqlite
    .query<{ event: string; customer_id: string }, []>(
      "SELECT event, customer_id FROM customer_notification_outbox",
    )
    .all();
  expect(rows).toEqual([{ event: "customer.birthday", customer_id: "b1" }]);
  await h.request("POST", "/api/v1/customers/b1/erase");
  expect(h.count("customer_notification_outbox")).toBe(0);
});
