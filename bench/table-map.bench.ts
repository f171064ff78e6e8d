/**
 * The restaurant's table map on the till: 100 tables in four areas, the whole till (its React
 * app drawn by Ink at 80×24 with its status and key bars, as `ringup till` runs it) on a fake
 * terminal, a waiter logged in. What is timed is what a waiter waits:
 * - first draw: from the floor's answer (the store's list of tables, 40 ms after the waiter
 *   asked) to the frame with the map written to the terminal, the first time the map is shown
 *   in the till's life (its own code not yet run);
 * - warm: the selection moved one table, from the key to the frame written, 500 times.
 */
import type { TableAnswer } from "../src/api/store/restaurant.ts";
import type { RestaurantAnswer, RestaurantCall } from "../src/till/restaurant/types.ts";
import { FakeServices } from "../test/till/support/fake-services.ts";
import { FakeStdin, FakeTty } from "../test/till/support/fake-terminal.ts";
import { type BenchCase, summarise } from "./harness.ts";
import { until } from "./support/terminal.ts";

const TABLES = 100;
const GOAL = "p99 < 20 ms";
const STATUSES = ["free", "ordered", "bill_printed", "paid"] as const;
/** How long the store takes to answer with the floor (a LAN's round trip and the query). */
const STORE_ANSWER_MS = 40;
/** Between two moves of the selection: more than a frame, as a waiter's keys come. */
const KEY_GAP_MS = 25;
const WARM_MOVES = 500;

const floor: TableAnswer[] = Array.from({ length: TABLES }, (_, i) => ({
  id: `T${i + 1}`,
  area: ["Hall", "Terrace", "Bar", "Upstairs"][Math.floor(i / 25)] ?? "Hall",
  name: String(i + 1),
  seats: 4,
  status: STATUSES[i % 4] ?? "free",
  orderId: null,
  waiterId: null,
  waiterName: null,
  guests: null,
  amountMinor: 0,
}));

/** The store's answers for a restaurant: the floor, after a LAN's delay. */
class FloorServices extends FakeServices {
  answeredAt = 0;
  constructor() {
    super({ mode: "restaurant" });
  }
  async restaurant(call: RestaurantCall): Promise<RestaurantAnswer> {
    if (call.op !== "floor") throw new Error(`bench: no ${call.op} here`);
    await Bun.sleep(STORE_ANSWER_MS);
    this.answeredAt = performance.now();
    return { floor };
  }
}

/** A till with a waiter logged in on its sale screen; `frame` waits for the next write. */
async function runningTill() {
  process.env.NODE_ENV ??= "production";
  process.env.FORCE_COLOR ??= "1";
  const [{ TillController }, { mountTill }, { buildKeymap }] = await Promise.all([
    import("../src/till/app/controller.ts"),
    import("../src/till/ui/mount.ts"),
    import("../src/till/keys/keymap.ts"),
  ]);
  const services = new FloorServices();
  const controller = new TillController({ services, keymap: buildKeymap(), lang: "en" });
  const stdout = new FakeTty();
  const stdin = new FakeStdin();
  let screen = "";
  let waiting: { marker: string; done: (at: number) => void } | null = null;
  stdout.onChunk = (text) => {
    screen = (screen + text).slice(-8_192);
    if (waiting !== null && text.includes(waiting.marker)) {
      const { done } = waiting;
      waiting = null;
      done(performance.now());
    }
  };
  const instance = mountTill(controller, {
    stdout: stdout as unknown as NodeJS.WriteStream,
    stdin: stdin as unknown as NodeJS.ReadStream,
    patchConsole: false,
    interactive: true,
  });
  await until(() => screen.includes("PIN"), "the log-in screen");
  stdin.send("1234\r");
  await until(() => controller.state.screen.kind === "sale", "the sale screen");
  /** Runs `act` and resolves with the time the next frame containing `marker` was written. */
  const frame = (marker: string, act: () => void) =>
    new Promise<number>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`bench: no frame with ${marker}`)), 5_000);
      waiting = {
        marker,
        done: (at) => {
          clearTimeout(timer);
          resolve(at);
        },
      };
      act();
    });
  return {
    services,
    controller,
    frame,
    close: () => {
      instance.unmount();
      controller.dispose();
    },
  };
}

const cases: BenchCase[] = [
  {
    name: "till: table map of 100 tables drawn, cold (first draw)",
    goal: GOAL,
    measure: async () => {
      const till = await runningTill();
      try {
        const shownAt = await till.frame("Upstairs", () => till.controller.dispatch({ type: "tables.open" }));
        const ms = shownAt - till.services.answeredAt;
        return summarise("till: table map of 100 tables drawn, cold (first draw)", [ms], ms);
      } finally {
        till.close();
      }
    },
  },
  {
    name: "till: table map of 100 tables drawn, warm",
    goal: GOAL,
    measure: async () => {
      const till = await runningTill();
      try {
        await till.frame("Upstairs", () => till.controller.dispatch({ type: "tables.open" }));
        const samples: number[] = [];
        const wall = performance.now();
        for (let i = 0; i < WARM_MOVES; i++) {
          await Bun.sleep(KEY_GAP_MS);
          // Down the floor and back up: every move changes the highlighted row.
          const type = Math.floor(i / (TABLES - 1)) % 2 === 0 ? "cursor.down" : "cursor.up";
          const start = performance.now();
          const at = await till.frame("", () => till.controller.dispatch({ type }));
          samples.push(at - start);
        }
        return summarise("till: table map of 100 tables drawn, warm", samples, performance.now() - wall);
      } finally {
        till.close();
      }
    },
  },
];

export default cases;
