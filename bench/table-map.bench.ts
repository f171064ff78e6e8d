/**
 * The restaurant's table map on the till: 100 tables in four areas drawn by Ink at 80×24 (the
 * map's component rendered to the frame's text, as the till's screen draws it), the cashier's
 * wait between the floor's answer and the map on screen.
 * - cold: the map's first draw at a till already running (a frame of another screen drawn before
 *   it, as the log-in screen is, so Ink and its layout engine are loaded; the map's own code not
 *   yet run);
 * - warm: drawn again and again, the selection moving one table each time.
 */
import { type BenchCase, summarise } from "./harness.ts";

const TABLES = 100;
const GOAL = "p99 < 20 ms";
const STATUSES = ["free", "ordered", "bill_printed", "paid"] as const;

async function load() {
  process.env.NODE_ENV ??= "production";
  const [{ createElement }, { Box, Text, renderToString }, { TableMap }] = await Promise.all([
    import("react"),
    import("ink"),
    import("../src/till/ui/table-map-view.tsx"),
  ]);
  const tables = Array.from({ length: TABLES }, (_, i) => ({
    id: `T${i + 1}`,
    area: ["Hall", "Terrace", "Bar", "Upstairs"][Math.floor(i / 25)] ?? "Hall",
    name: String(i + 1),
    status: STATUSES[i % 4] ?? "free",
  }));
  const footer = ["· free  ● ordered  $ bill printed  ✓ paid", "Enter: open the table · Esc: back"];
  // The till has drawn its log-in screen before anyone opens the floor.
  const login = createElement(
    Box,
    { flexDirection: "column", height: 20 },
    createElement(Text, null, "PIN:"),
  );
  renderToString(login, { columns: 80 });
  return (selected: number) =>
    renderToString(createElement(TableMap, { tables, selected, columns: 80, height: 20, footer }), {
      columns: 80,
    });
}

const cases: BenchCase[] = [
  {
    name: "till: table map of 100 tables drawn, cold (first draw)",
    goal: GOAL,
    measure: async () => {
      const draw = await load();
      const start = performance.now();
      const text = draw(0);
      const ms = performance.now() - start;
      if (!text.includes("Upstairs")) throw new Error("bench: the map lacks an area");
      return summarise("till: table map of 100 tables drawn, cold (first draw)", [ms], ms);
    },
  },
  {
    name: "till: table map of 100 tables drawn, warm",
    goal: GOAL,
    measure: async () => {
      const draw = await load();
      for (let i = 0; i < 50; i++) draw(i % TABLES);
      const samples: number[] = [];
      const wall = performance.now();
      for (let i = 0; i < 500; i++) {
        const start = performance.now();
        draw(i % TABLES);
        samples.push(performance.now() - start);
      }
      return summarise("till: table map of 100 tables drawn, warm", samples, performance.now() - wall);
    },
  },
];

export default cases;
