/**
 * `ringup kds` (the compiled binary under RINGUP_TEST_BINARY, else the sources) in tmux at 80×24
 * against a real store: rounds posted through the API appear, are bumped and recalled by keys,
 * and a bump made while the store is down reaches it once it is back.
 */
import { expect, test } from "bun:test";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { KitchenRoundStatus } from "../../src/api/store/kitchen.ts";
import { closedPort } from "../devices/support/escpos-sink.ts";
import { waitFor } from "../devices/support/wait.ts";
import { round } from "../store-server/kitchen/support.ts";
import { startStore } from "../support/store-process.ts";
import { startKdsInTmux } from "../till/support/tmux.ts";

const CONFIG = `[[kitchen.stations]]
id = "grill"
name = "Grill"
categories = ["mains"]

[[kitchen.stations]]
id = "bar"
name = "Bar"
`;

test("the kitchen display shows rounds as they come, bumps and recalls by keys, and keeps a bump made while the store is down", async () => {
  const dir = mkdtempSync(join(tmpdir(), "ringup-kds-e2e-"));
  try {
    writeFileSync(join(dir, "store.toml"), CONFIG);
    const port = await closedPort();
    await using store = await startStore({
      args: ["--config", join(dir, "store.toml"), "--port", String(port)],
    });
    const send = async (tableLabel: string) => {
      const sent = round({ tableLabel, lines: [round().lines[0] as never, round().lines[1] as never] });
      const res = await store.api("/api/v1/kitchen/rounds", { method: "POST", body: JSON.stringify(sent) });
      expect(res.status).toBe(201);
      return { id: sent.id, status: (await res.json()) as KitchenRoundStatus };
    };
    const status = async (id: string) =>
      (await (await store.api(`/api/v1/kitchen/rounds/${id}`)).json()) as KitchenRoundStatus;
    const first = await send("12");

    await using kds = await startKdsInTmux(store, "grill", join(dir, "kds"));
    let screen = await kds.waitFor("Table 12", "the first round on the grill's screen", 30_000);
    expect(screen).toContain("Grill · 1 open");
    expect(screen).toContain("2x Steak frites s1");
    expect(screen).toContain("+ medium rare");
    // The bar's line is not the grill's.
    expect(screen).not.toContain("Lemonade");

    const second = await send("7");
    await kds.waitFor("Table 7", "a round sent now to appear");

    // Enter bumps the selected (oldest) ticket; the waiter's round status follows.
    await kds.keys("Enter");
    screen = await kds.waitFor((s) => !s.includes("Table 12") && s.includes("Grill · 1 open"), "the bump");
    await waitFor(
      "the grill's ticket of table 12 to be done",
      async () => (await status(first.id)).stations.find((s) => s.stationId === "grill")?.done,
    );
    // R recalls it.
    await kds.keys("r");
    await kds.waitFor("Table 12", "the recalled ticket");
    await waitFor(
      "the recall at the store",
      async () => (await status(first.id)).stations.find((s) => s.stationId === "grill")?.done === false,
    );

    // The store goes down: the display says so and keeps its tickets; a bump waits and is sent later.
    await store.stop();
    screen = await kds.waitFor("STORE OFFLINE", "the display to see the store down");
    expect(screen).toContain("Table 12");
    expect(screen).toContain("Table 7");
    await kds.keys("Right");
    await kds.keys("Enter");
    await kds.waitFor((s) => !s.includes("Table 7") && s.includes("1 to send"), "the offline bump kept");
    await store.restart();
    await kds.waitFor(
      (s) => s.includes("online") && !s.includes("to send"),
      "the display to catch up",
      30_000,
    );
    await waitFor("the offline bump at the store", async () => (await status(second.id)).stations[0]?.done);
    const third = await send("3");
    await kds.waitFor("Table 3", "a round after the outage");
    expect(third.status.stations.map((s) => s.stationId)).toEqual(["grill", "bar"]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
