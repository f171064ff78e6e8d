import { expect, test } from "bun:test";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { KitchenRoundStatus, KitchenTicketsAnswer } from "../../../src/api/store/kitchen.ts";
import { decodeEscPos } from "../../../src/devices/escpos/decode.ts";
import { closedPort, EscPosSink } from "../../devices/support/escpos-sink.ts";
import { waitFor } from "../../devices/support/wait.ts";
import { startStore } from "../../support/store-process.ts";
import { round } from "./support.ts";

function kitchenConfig(dir: string, printerPort: number): string {
  const path = join(dir, "store.toml");
  writeFileSync(
    path,
    `[kitchen]
printRetryMaxSeconds = 1

[[kitchen.stations]]
id = "grill"
name = "Grill"
categories = ["mains"]
printer = "tcp://127.0.0.1:${printerPort}?timeoutMs=500"

[[kitchen.stations]]
id = "pass"
name = "Pass"
`,
  );
  return path;
}

test("a kitchen printer that is off keeps its ticket queued; switched on, it prints it once", async () => {
  const dir = mkdtempSync(join(tmpdir(), "ringup-kitchen-printer-"));
  try {
    const port = await closedPort();
    await using store = await startStore({ args: ["--config", kitchenConfig(dir, port)] });
    const sent = round({ tableLabel: "4", lines: [round().lines[0] as never] });
    const res = await store.api("/api/v1/kitchen/rounds", { method: "POST", body: JSON.stringify(sent) });
    expect(res.status).toBe(201);
    const { stations } = (await res.json()) as KitchenRoundStatus;
    expect(stations.map((s) => s.stationId)).toEqual(["grill"]);
    await store.waitForOutput("waits for its printer");
    const queued = (await (
      await store.api("/api/v1/kitchen/tickets?station=grill")
    ).json()) as KitchenTicketsAnswer;
    expect(queued.tickets[0]?.print).toBe("queued");

    await using printer = await EscPosSink.start(port);
    const printed = await waitFor(
      "the ticket to print",
      async () => {
        const answer = (await (
          await store.api("/api/v1/kitchen/tickets?station=grill")
        ).json()) as KitchenTicketsAnswer;
        return answer.tickets[0]?.print === "printed" ? answer : undefined;
      },
      20_000,
    );
    expect(printed.tickets).toHaveLength(1);
    // The same round sent again (a waiter's retry) prints nothing more.
    await store.api("/api/v1/kitchen/rounds", { method: "POST", body: JSON.stringify(sent) });
    await waitFor("the printer's connection to close", () => printer.jobs.length >= 1);
    const text = printer.jobs.map((job) => decodeEscPos(job).lines.join("\n"));
    expect(text).toHaveLength(1);
    expect(text[0]).toContain(`Grill #${stations[0]?.number}`);
    expect(text[0]).toContain("Table 4");
    expect(text[0]).toContain("2 x Steak frites (seat 1)");
    expect(text[0]).toContain("+ medium rare");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
