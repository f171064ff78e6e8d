/**
 * Booking reminders on the real `ringup store` process: a booking with a customer queues a
 * `booking.reminder` for the notification webhook (a real HTTP sink here) `reminderHours` before
 * its start, or at once when that is already past; a cancelled booking's reminder is never sent;
 * each reminder is received once, across a restart of the store.
 */
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { createHmac } from "node:crypto";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { uuidv7 } from "../../src/core/ids.ts";
import { waitFor } from "../replication/support/wait.ts";
import { seedProducts, startStore } from "../support/store-process.ts";

const SECRET = "whsec_bookings_test";

let configDir: string;
const deliveries: { body: string; signature: string | null }[] = [];
let sink: ReturnType<typeof Bun.serve>;

beforeAll(async () => {
  configDir = await mkdtemp(join(tmpdir(), "ringup-booking-reminders-"));
  sink = Bun.serve({
    port: 0,
    hostname: "127.0.0.1",
    async fetch(request) {
      deliveries.push({ body: await request.text(), signature: request.headers.get("ringup-signature") });
      return new Response("ok");
    },
  });
});
afterAll(async () => {
  await sink.stop(true);
  await rm(configDir, { recursive: true, force: true });
});

const bookingIds = () => deliveries.map((d) => (JSON.parse(d.body) as { bookingId: string }).bookingId);

describe("booking reminders through the notification webhook", () => {
  test("due before the start, at once when late, never for a cancelled booking, received once", async () => {
    const configFile = join(configDir, "store.toml");
    await writeFile(
      configFile,
      [
        "[services]",
        "reminderHours = 1",
        "[notifications]",
        `webhookUrl = "http://127.0.0.1:${sink.port}/hooks/ringup"`,
        `secret = "${SECRET}"`,
        "",
      ].join("\n"),
    );
    await using store = await startStore({ args: ["--config", configFile] });
    const call = async <T>(
      path: string,
      method: string,
      body?: unknown,
    ): Promise<{ status: number; body: T }> => {
      const res = await store.api(path, {
        method,
        headers: { "content-type": "application/json" },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      return { status: res.status, body: (await res.json()) as T };
    };
    await seedProducts(store, [{ code: "CUT", name: "Haircut", priceMinor: 3000, taxClass: null }]);
    const staff = await call<{ id: string }>("/api/v1/users", "POST", {
      name: "Ann",
      role: "cashier",
      pin: "1111",
    });
    const other = await call<{ id: string }>("/api/v1/users", "POST", {
      name: "Bob",
      role: "cashier",
      pin: "2222",
    });
    expect(
      (
        await call("/api/v1/services", "POST", {
          code: "CUT",
          kind: "service",
          durationMin: 30,
          staffIds: [],
        })
      ).status,
    ).toBe(200);
    const book = async (startInMs: number, customerId?: string, staffId = staff.body.id) => {
      const id = uuidv7();
      const start = new Date(Date.now() + startInMs).toISOString();
      const res = await call("/api/v1/bookings", "POST", {
        id,
        serviceCode: "CUT",
        staffId,
        start,
        ...(customerId === undefined ? {} : { customerId }),
      });
      expect(res.status).toBe(201);
      return id;
    };
    const HOUR = 3_600_000;
    // Due 2 s from now (an hour before a start an hour and 2 s away).
    const soon = await book(HOUR + 2_000, "CUST-1");
    // Starts in 30 minutes: its reminder's time has passed, so it goes at once.
    const late = await book(HOUR / 2, "CUST-2");
    // Due in 1 s, then cancelled: never sent (it would come before the one due in 2 s).
    const cancelled = await book(HOUR + 1_000, "CUST-3", other.body.id);
    expect((await call(`/api/v1/bookings/${cancelled}/status`, "POST", { status: "cancelled" })).status).toBe(
      200,
    );
    // No customer, nobody to remind.
    await book(3 * HOUR);

    await waitFor(() => deliveries.length >= 1, "the late booking's reminder");
    expect(bookingIds()).toEqual([late]);
    await waitFor(() => deliveries.length >= 2, "the reminder due in 2 s");
    expect(bookingIds()).toEqual([late, soon]);
    const reminder = JSON.parse(deliveries[1]?.body ?? "{}") as Record<string, unknown>;
    expect(reminder).toMatchObject({
      event: "booking.reminder",
      deliveryId: soon,
      customerId: "CUST-1",
      serviceCode: "CUT",
      serviceName: "Haircut",
      staffName: "Ann",
    });
    expect(deliveries[1]?.signature).toBe(
      createHmac("sha256", SECRET)
        .update(deliveries[1]?.body ?? "")
        .digest("hex"),
    );

    // After a restart, a new reminder due at once comes alone: the earlier ones went once.
    await store.restart();
    const another = await book(HOUR / 4, "CUST-4", other.body.id);
    await waitFor(() => deliveries.length >= 3, "the reminder after the restart");
    expect(bookingIds()).toEqual([late, soon, another]);
  });
});
