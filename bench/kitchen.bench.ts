/**
 * A kitchen ticket from the waiter's send to the kitchen display: `POST /kitchen/rounds` to a
 * real store (a process on loopback), timed until the compiled `ringup kds` in a pseudo-terminal
 * has drawn the frame that counts it. The first rounds after the display starts are a row of
 * their own (cold), the rest the warm row.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ringupBinary } from "../test/support/binary.ts";
import { startStore } from "../test/support/store-process.ts";
import { type BenchResult, summarise } from "./harness.ts";
import { Terminal, until } from "./support/terminal.ts";

const ROUNDS = 300;
const COLD = 20;
/** A waiter sends rounds seconds apart; this leaves the display waiting again before the next. */
const GAP_MS = 30;

const CONFIG = `[[kitchen.stations]]
id = "grill"
name = "Grill"
`;

function roundBody(i: number): string {
  return JSON.stringify({
    id: crypto.randomUUID(),
    tableLabel: `B${i}`,
    waiterName: "Ann",
    lines: [
      { lineId: "1", name: "Steak frites", quantityMilli: 1000, modifiers: ["medium rare"] },
      { lineId: "2", name: "Green salad", quantityMilli: 2000, modifiers: [], notes: "no onion" },
    ],
  });
}

async function sendToDisplay(): Promise<BenchResult[]> {
  const dir = mkdtempSync(join(tmpdir(), "ringup-bench-kitchen-"));
  writeFileSync(join(dir, "store.toml"), CONFIG);
  const binary = await ringupBinary();
  const store = await startStore({ args: ["--config", join(dir, "store.toml")] });
  const kds = Terminal.start(
    [binary, "kds", "--server", store.url, "--station", "grill", "--data", join(dir, "kds")],
    { RINGUP_TOKEN: store.token },
  );
  try {
    await until(() => kds.has("online"), "the kitchen display to reach the store", 30_000);
    const samples: number[] = [];
    const start = performance.now();
    for (let i = 0; i < ROUNDS; i++) {
      await Bun.sleep(GAP_MS);
      const shown = kds.timed("", `Grill · ${i + 1} open`);
      const res = await store.api("/api/v1/kitchen/rounds", { method: "POST", body: roundBody(i) });
      if (res.status !== 201)
        throw new Error(`bench: the round was refused (${res.status}): ${await res.text()}`);
      samples.push(await shown);
    }
    const wall = performance.now() - start;
    const share = (n: number) => (wall * n) / ROUNDS;
    const goal = "p99 < 200 ms";
    return [
      {
        ...summarise("kitchen: send to display frame, warm", samples.slice(COLD), share(ROUNDS - COLD)),
        goal,
      },
      {
        ...summarise(`kitchen: send to display frame, first ${COLD}`, samples.slice(0, COLD), share(COLD)),
        goal,
      },
    ];
  } finally {
    await kds.stop();
    await store[Symbol.asyncDispose]();
    rmSync(dir, { recursive: true, force: true });
  }
}

export default async () => {
  let results: Promise<BenchResult[]> | undefined;
  const run = () => {
    results ??= sendToDisplay();
    return results;
  };
  return {
    cases: [
      { name: "kitchen: send to display frame, warm", measure: async () => (await run())[0] as BenchResult },
      {
        name: `kitchen: send to display frame, first ${COLD}`,
        measure: async () => (await run())[1] as BenchResult,
      },
    ],
  };
};
