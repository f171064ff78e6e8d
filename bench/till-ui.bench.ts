/**
 * The till at the counter:
 * - scan to line: the rendered app (Ink, 80×24, changed rows, 60 fps cap, as `ringup till` runs it) in-process
 *   over an in-memory catalog; from the scanner's "code + Enter" arriving on stdin to the
 *   terminal write that shows the new line, for 1,000 scans into one growing sale (a scan
 *   every 25 ms, faster than any cashier); once with each code and its Enter arriving in one
 *   read, once typed key by key as a keyboard-wedge scanner does (timed from the Enter), and
 *   key by key with each code looked up in a till's own SQLite file instead: the CORE-POS
 *   sample's catalog synced from a real store (the month's item lines as a scanner sends
 *   them; skipped without the sample), and 1,000,000 generated products
 *   (RINGUP_BENCH_TILL_PRODUCTS);
 * - the compiled binary in a pseudo-terminal against a real store: time from exec to the
 *   log-in screen (beside `ringup --version`, the binary's own start); scan to line typed key
 *   by key, from the write of the Enter to the terminal receiving the new line, into one sale
 *   of 1,000 lines, through the CORE-POS month's baskets paid in cash, and into one sale on
 *   the generated 1,000,000-product till catalog (beside a Bun program
 *   echoing keys sent at the same pace through the same kind of pseudo-terminal: what the
 *   terminal I/O and the machine's wake-ups cost on their own); and resident memory after
 *   1,000 scanned lines, read after 3 s without a key (the till collects garbage when the
 *   keyboard is quiet). The scans are typed and timed by a small driver process of their own
 *   (support/pty-driver.ts), so that this process's heap and its collections stay out of the
 *   figures. Each driven case reports the first 200 scans after the log-in (the runtime still
 *   compiling the till's code) in a row of their own beside the warm ones after them, and runs
 *   again with the till's process alone limited to a quarter of one core, as on a low-spec
 *   kiosk (support/cpu-limit.ts; skipped, with the reason, where no cgroup can be written).
 */
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import type { TillController as Controller } from "../src/till/app/controller.ts";
import { openTillDatabase, TILL_DB_FILE } from "../src/till/data/db.ts";
import { createTillServices, type TillDataServices } from "../src/till/data/index.ts";
import { buildKeymap } from "../src/till/keys/keymap.ts";
import { type StoreProcess, seedProducts, startStore } from "../test/support/store-process.ts";
import { FakeServices } from "../test/till/support/fake-services.ts";
import { FakeStdin, FakeTty } from "../test/till/support/fake-terminal.ts";
import { type BenchCase, type BenchResult, type BenchSuite, summarise } from "./harness.ts";
import { coreposAvailable, loadCoreposMonth } from "./support/corepos-month.ts";
import { type CpuLimit, quarterCore } from "./support/cpu-limit.ts";
import { type DriverResult, type DriverStep, runDriver, SCAN_GAP_MS } from "./support/pty-driver.ts";
import { rssMb, Terminal, until } from "./support/terminal.ts";
import { generateCatalog, NOWHERE, offline } from "./support/till-catalog.ts";
import { newTill, openShift, scanned, startShop, twoProductScans } from "./support/till-shop.ts";

const SCANS = 1_000;
const BURST = "till: scan to line on screen (rendered, 1,000 lines)";
const TYPED = "till: scan to line, wedge scanner typing key by key";
const COREPOS = "till: scan to line, key by key, CORE-POS till catalog";
const BIG_PRODUCTS = Number(process.env.RINGUP_BENCH_TILL_PRODUCTS ?? 1_000_000);
const BIG = `till: scan to line, key by key, ${BIG_PRODUCTS.toLocaleString("en-US")}-product till catalog`;
const BINARY_SCAN = "till binary: scan to line, key by key, in a pseudo-terminal";
const PTY_ECHO = "baseline: a Bun program echoing keys at the scans' pace, same pseudo-terminal";
const BINARY_BASKETS = "till binary: scan to line, CORE-POS baskets paid in cash, key by key";
const BINARY_BIG = `till binary: scan to line, key by key, ${BIG_PRODUCTS.toLocaleString("en-US")}-product till catalog`;
/** xterm's F10 (total: to payment). */
const F10 = "\u001b[21~";
/** Resident memory is read once the keyboard has been quiet this long, as at the counter. */
const IDLE_BEFORE_RSS_MS = 3_000;
const root = resolve(import.meta.dir, "..");

/** React's production build, as `ringup till` runs it: set before React is first loaded. */
async function loadApp() {
  process.env.NODE_ENV ??= "production";
  // Colours on, as on the till's terminal (TERM=xterm): set before Ink's colour support loads.
  process.env.FORCE_COLOR ??= "1";
  const [{ TillController }, { mountTill }] = await Promise.all([
    import("../src/till/app/controller.ts"),
    import("../src/till/ui/mount.ts"),
  ]);
  return { TillController, mountTill };
}

/**
 * How the scanner's characters arrive: all at once ("code + Enter" in one read, as a serial
 * scanner or a fast wedge gives them), or typed one by one a millisecond apart (a USB
 * keyboard-wedge scanner read key by key), the latency counted from the Enter.
 */
type ScanInput = "burst" | "typed";

/**
 * What is scanned: the code typed or sent, the name its line shows, and whether the till rings a
 * deposit line after it (a bottle's), which moves the next line's number on by one more.
 */
type Item = [code: string, name: string, deposit?: boolean];

/** Three items of the in-memory catalog, one of them 2×. */
const smallCatalogItem = (n: number): Item =>
  n % 3 === 0 ? ["0003", "Coffee beans"] : n % 3 === 1 ? ["0001", "Milk 1l"] : ["2*0002", "Bread"];

/** The till's screens on a real till data layer for lookups (sales and log-in stay in memory). */
class CatalogServices extends FakeServices {
  constructor(private readonly data: TillDataServices) {
    super();
  }
  override lookup(code: string) {
    return this.data.lookup(code);
  }
  override search(text: string, limit: number) {
    return this.data.search(text, limit);
  }
}

async function scanToLine(
  name: string,
  input: ScanInput,
  services: FakeServices = new FakeServices(),
  item: (n: number) => Item = smallCatalogItem,
): Promise<BenchResult> {
  const { TillController, mountTill } = await loadApp();
  const controller: Controller = new TillController({ services, keymap: buildKeymap(), lang: "en" });
  const stdout = new FakeTty();
  const stdin = new FakeStdin();
  let screen = "";
  const renderTimes: number[] = [];
  const keyTimes: number[] = [];
  const key = controller.key.bind(controller);
  controller.key = (event) => {
    const begin = performance.now();
    key(event);
    keyTimes.push(performance.now() - begin);
  };
  let waitingFor: { marker: string; since: number; done: (ms: number) => void } | null = null;
  stdout.onChunk = (text) => {
    // Only the last frame or so: a growing copy of everything written would make the garbage
    // being measured.
    screen = text.length >= 8_192 ? text : (screen + text).slice(-8_192);
    if (waitingFor && text.includes(waitingFor.marker)) {
      const { since, done } = waitingFor;
      waitingFor = null;
      done(performance.now() - since);
    }
  };
  const instance = mountTill(controller, {
    stdout: stdout as unknown as NodeJS.WriteStream,
    stdin: stdin as unknown as NodeJS.ReadStream,
    patchConsole: false,
    interactive: true,
    onRender: ({ renderTime }) => renderTimes.push(renderTime),
  });
  try {
    await until(() => screen.includes("PIN"), "the log-in screen");
    stdin.send("1234\r");
    await until(() => controller.state.screen.kind === "sale", "the sale screen");
    const samples: number[] = [];
    const start = performance.now();
    let lineNo = 1;
    for (let n = 1; n <= SCANS; n++) {
      await Bun.sleep(SCAN_GAP_MS);
      const [code, lineName, deposit = false] = item(n);
      if (input === "typed") {
        for (const char of code) {
          stdin.send(char);
          await Bun.sleep(1);
        }
      }
      const ms = await new Promise<number>((done, fail) => {
        const timer = setTimeout(() => fail(new Error(`bench: line ${n} never reached the screen`)), 5_000);
        waitingFor = {
          // The start of the name: a long one is cut to its column.
          marker: `${lineNo} ${lineName.slice(0, 20)}`,
          since: performance.now(),
          done: (elapsed) => {
            clearTimeout(timer);
            done(elapsed);
          },
        };
        stdin.send(input === "typed" ? "\r" : `${code}\r`);
      });
      samples.push(ms);
      lineNo += deposit ? 2 : 1;
    }
    const result = summarise(name, samples, performance.now() - start);
    const p = (values: number[], q: number) => {
      const sorted = [...values].sort((a, b) => a - b);
      return (
        Math.round((sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0) * 100) / 100
      );
    };
    return {
      ...result,
      extra: {
        reducerP50Ms: p(keyTimes, 0.5),
        reducerP99Ms: p(keyTimes, 0.99),
        renderP50Ms: p(renderTimes, 0.5),
        renderP99Ms: p(renderTimes, 0.99),
        rssMb: Math.round(process.memoryUsage().rss / 1e6),
      },
    };
  } finally {
    instance.unmount();
    controller.dispose();
  }
}

/**
 * Scan to line on the compiled binary in a pseudo-terminal against a real store: after a log-in
 * and the catalog's sync, 1,000 scans into one sale, typed key by key a millisecond apart as a
 * keyboard-wedge scanner does, each timed from the write of its Enter to the terminal receiving
 * the frame with the new line.
 */
async function binaryScanToLine(
  binary: string,
  store: StoreProcess,
  limit?: CpuLimit,
): Promise<DriverResult> {
  const data = await mkdtemp(join(tmpdir(), "ringup-till-bench-pty-"));
  try {
    const steps = twoProductScans(join(data, TILL_DB_FILE), SCANS);
    const command = tillCommand(binary, store.url, "T2", data);
    return await runDriver({ command, steps, ...limited(limit) });
  } finally {
    await rm(data, { recursive: true, force: true });
  }
}

/**
 * What the pseudo-terminal and a Bun process's terminal I/O cost on their own, at the scans'
 * pace: a program that writes back each key it reads, sent a scan's code key by key a
 * millisecond apart after the same pause, then timed from the write of one more key to its
 * echo on the screen. At this pace the machine's wake-ups and stalls reach it as they reach
 * the till.
 */
async function ptyEcho(): Promise<BenchResult> {
  const steps: DriverStep[] = [{ kind: "wait", text: "ready", timeoutMs: 30_000 }];
  for (let n = 1; n <= SCANS; n++)
    steps.push({ kind: "scan", code: "BENCH1", enter: `<${n}>`, marker: `<${n}>` });
  const command = [process.execPath, join(root, "bench", "support", "pty-echo.ts")];
  const run = await runDriver({ command, steps });
  return {
    ...summarise(PTY_ECHO, run.samples, run.wallMs),
    extra: { mainCpuMs: run.cpu?.mainMsPerSample ?? 0 },
  };
}

/** `ringup till` on `serverUrl` with its own data dir. */
function tillCommand(binary: string, serverUrl: string, tillId: string, dataDir: string): string[] {
  return [binary, "till", "--server", serverUrl, "--till-id", tillId, "--data", dataDir];
}

/** The first scans after the log-in, reported apart: the runtime is still compiling their code. */
const EARLY_SCANS = 200;
/** The goal's bound on a warm scan, and on one on a quarter of a core (a frame at 60 Hz). */
const GOAL_MS = { full: 5, quarter: 16 } as const;

/** The driver's script options that put the till alone in `limit`'s cgroup. */
function limited(limit: CpuLimit | undefined): { cgroupProcs?: string } {
  return limit === undefined ? {} : { cgroupProcs: limit.procs };
}

/**
 * A driven case's two rows: the scans after the first 200 (warm), with the program's CPU per
 * scan (its main thread, and the whole process: unlike the times, these hardly move with what
 * else the machine runs, so they show a change in the program's own cost through a noisy run)
 * and its memory; and the first 200 scans after the log-in (cold). Both count the scans over
 * the goal's bound.
 */
function drivenRows(
  name: string,
  run: DriverResult,
  bound: number,
  extra: Record<string, number> = {},
): [warm: BenchResult, cold: BenchResult] {
  const cpu = run.cpu ? { mainCpuMs: run.cpu.mainMsPerSample, processCpuMs: run.cpu.processMsPerSample } : {};
  const withRss = run.rssMb === undefined ? {} : { rssMb: run.rssMb };
  const cold = run.samples.slice(0, EARLY_SCANS);
  const warm = run.samples.slice(EARLY_SCANS);
  const over = (samples: number[]) => samples.filter((ms) => ms > bound).length;
  // The wall time is shared out by the scans' count: the rate is the run's.
  const share = (samples: number[]) => (run.wallMs * samples.length) / Math.max(1, run.samples.length);
  return [
    {
      ...summarise(name, warm, share(warm)),
      extra: { ...extra, ...cpu, ...withRss, overGoal: over(warm) },
    },
    { ...summarise(`${name}, first ${EARLY_SCANS}`, cold, share(cold)), extra: { overGoal: over(cold) } },
  ];
}

/** `ringup --version` in the same kind of pseudo-terminal: the binary's own start, for comparison. */
async function versionStarts(binary: string, runs: number): Promise<number[]> {
  const times: number[] = [];
  for (let run = 0; run < runs; run++) {
    const begin = performance.now();
    const proc = Terminal.start([binary, "--version"]);
    await until(() => /\d+\.\d+\.\d+/.test(proc.tail()), "the version", 30_000);
    times.push(performance.now() - begin);
    await proc.stop();
  }
  return times;
}

async function binaryCases(binary: string, store: StoreProcess): Promise<BenchResult[]> {
  const versions = await versionStarts(binary, 5);
  const starts: number[] = [];
  let rss = Number.NaN;
  const runs = 5;
  for (let run = 0; run < runs; run++) {
    const data = await mkdtemp(join(tmpdir(), "ringup-till-bench-"));
    const begin = performance.now();
    const till = Terminal.till(binary, store.url, "T1", data);
    try {
      await until(() => till.has("Type your PIN"), "the log-in screen", 30_000);
      starts.push(performance.now() - begin);
      if (run === runs - 1) {
        await till.readyToScan(join(data, TILL_DB_FILE));
        for (let n = 1; n <= SCANS; n++) {
          till.write(n % 2 === 0 ? "BENCH1\r" : "3*BENCH2\r");
          if (n % 50 === 0) await until(() => till.has(`${n} Bench`), `line ${n}:\n${till.tail()}`, 30_000);
        }
        await until(() => till.has(`${SCANS} Bench`), `line ${SCANS}`, 30_000);
        // Read once the till has sat idle a moment after the last scan, as it does at the counter.
        await Bun.sleep(IDLE_BEFORE_RSS_MS);
        rss = await rssMb(till.pid);
      }
    } finally {
      await till.stop();
      await rm(data, { recursive: true, force: true });
    }
  }
  const start = summarise(
    "till binary: start to log-in screen",
    starts,
    starts.reduce((a, b) => a + b, 0),
  );
  const version = summarise(
    "ringup --version (binary start alone)",
    versions,
    versions.reduce((a, b) => a + b, 0),
  );
  return [
    { ...start, goal: "< 500 ms", baseline: version.name },
    version,
    {
      name: "till binary: resident memory after 1,000 scanned lines",
      ops: SCANS,
      opsPerSec: Number.NaN,
      meanMs: Number.NaN,
      p50Ms: Number.NaN,
      p99Ms: Number.NaN,
      extra: { rssMb: Math.round(rss * 10) / 10 },
      goal: "<= 80 MB",
    },
  ];
}

/** A till's data folder holding BIG_PRODUCTS generated products, and scans into it. */
interface BigCatalog {
  dir: string;
  /** EAN-13 scans in random order, with the names their lines show. */
  items: Item[];
}

async function bigCatalog(dirs: string[]): Promise<BigCatalog> {
  const dir = await mkdtemp(join(tmpdir(), "ringup-bench-till-ui-"));
  dirs.push(dir);
  const db = openTillDatabase(dir);
  process.stderr.write(`bench: till-ui: generating ${BIG_PRODUCTS.toLocaleString("en-US")} products …\n`);
  const { eans } = generateCatalog(db.sqlite, BIG_PRODUCTS);
  const name = db.sqlite.prepare<{ name: string }, [string]>(
    "SELECT p.name FROM barcodes b JOIN products p ON p.code = b.product_code WHERE b.barcode = ?",
  );
  const items = eans.slice(0, SCANS).map((ean): Item => [ean, name.get(`0${ean}`)?.name ?? ""]);
  db.sqlite.close();
  // A till's process holds its catalog on disk, not the garbage of generating one.
  Bun.gc(true);
  return { dir, items };
}

/**
 * Key by key, as TYPED, but each code looked up in a till's own SQLite file holding
 * BIG_PRODUCTS products (EAN-13 scans in random order).
 */
async function scanBigCatalog({ dir, items }: BigCatalog): Promise<BenchResult> {
  const data = await createTillServices({ server: NOWHERE, tillId: "T1", dataDir: dir, fetch: offline });
  try {
    for (const [code, name] of items.slice(0, 3))
      if (data.lookup(code).product.name !== name) throw new Error(`bench: ${code} is not ${name}`);
    return await scanToLine(
      BIG,
      "typed",
      new CatalogServices(data),
      (n) => items[(n - 1) % items.length] ?? ["", ""],
    );
  } finally {
    await data.close();
  }
}

/**
 * The compiled binary on the same generated catalog (its till folder, after the in-process
 * case), logged in to the benchmark's store: 1,000 EAN-13 scans into one sale, key by key,
 * each timed from the write of its Enter to the terminal receiving the new line.
 */
async function binaryBigCatalog(
  binary: string,
  store: StoreProcess,
  big: BigCatalog,
  limit?: CpuLimit,
): Promise<DriverResult> {
  const first = big.items[0];
  if (first === undefined) throw new Error("bench: the generated catalog has no scan");
  const steps: DriverStep[] = [
    { kind: "readyToScan", code: first[0], name: first[1], dbFile: join(big.dir, TILL_DB_FILE) },
  ];
  for (let n = 1; n <= SCANS; n++) {
    const [code, name] = big.items[(n - 1) % big.items.length] ?? ["", ""];
    steps.push({ kind: "scan", code, enter: "\r", marker: `${n} ${name.slice(0, 20)}` });
  }
  const command = tillCommand(binary, store.url, "T4", big.dir);
  return runDriver({ command, steps, rssAfterMs: IDLE_BEFORE_RSS_MS, ...limited(limit) });
}

/** The CORE-POS shop both CORE-POS cases ring up in. */
interface CoreposShop {
  /** A real store holding the sample's catalog, with a cashier (PIN 1234). */
  store: StoreProcess;
  /** Products in the catalog (the month itself is let go: it is large). */
  products: number;
  /** A till's data layer logged in to `store`, the catalog synced into its own SQLite file. */
  till: TillDataServices;
  /**
   * The month's sales as baskets a scan alone rings up (no weight or price to key in), up to
   * 1,000 lines in all, the codes as a scanner sends them.
   */
  baskets: Item[][];
}

async function coreposShop(dirs: string[], closers: (() => Promise<void>)[]): Promise<CoreposShop> {
  const store = await startShop(closers);
  const month = await loadCoreposMonth();
  await seedProducts(
    store,
    month.products.map(({ line: _l, ...p }) => p),
  );
  const tillDir = await mkdtemp(join(tmpdir(), "ringup-bench-till-ui-corepos-"));
  dirs.push(tillDir);
  const till = await newTill(store, tillDir, closers);
  await till.login("1234");
  await till.syncNow();
  const withBarcode = new Set(month.products.filter((p) => p.barcodes?.length).map((p) => p.code));
  const baskets: Item[][] = [];
  let count = 0;
  for (const sale of month.sales) {
    if (count >= SCANS) break;
    const basket: Item[] = [];
    for (const line of sale.lines) {
      if (count >= SCANS) break;
      const code = scanned(line.code, line.unitPriceMinor, withBarcode.has(line.code));
      const found = till.lookup(code);
      const { product } = found;
      if (product.soldByWeight && found.qtyMilli === undefined) continue;
      if (product.openPrice && found.priceMinor === undefined) continue;
      basket.push([code, product.name, product.deposit !== undefined]);
      count++;
    }
    if (basket.length > 0) baskets.push(basket);
  }
  return { store, products: month.products.length, till, baskets };
}

/**
 * Key by key, as TYPED, on a till that logged in to a real store holding the CORE-POS sample's
 * catalog and synced it into its own SQLite file; the codes are the month's item lines as a
 * scanner sends them, all in one sale.
 */
async function scanCorepos(shop: CoreposShop): Promise<BenchResult> {
  const { products, till } = shop;
  const items = shop.baskets.flat();
  Bun.gc(true); // the month's parsing left garbage: collect it before measuring
  return scanToLine(
    `${COREPOS} (${products.toLocaleString("en-US")} products)`,
    "typed",
    new CatalogServices(till),
    (n) => items[(n - 1) % items.length] ?? ["", ""],
  );
}

/**
 * The compiled binary at the counter: a till on a real store holding the CORE-POS catalog
 * (synced into its own SQLite file) rings up the month's sales one after another, each code
 * typed key by key a millisecond apart after a pause, as a keyboard-wedge scanner does, each
 * scan timed from the write of its Enter to the terminal receiving the new line; every basket
 * is then paid in exact cash (F10, Enter) and the next sale begins. Its resident memory is
 * read after 3 s without a key, as in the resident-memory case.
 */
async function binaryBaskets(
  binary: string,
  shop: CoreposShop,
  dirs: string[],
  limit?: CpuLimit,
): Promise<DriverResult> {
  const { store, baskets } = shop;
  const first = baskets[0]?.[0];
  if (first === undefined) throw new Error("bench: the CORE-POS month has no basket to scan");
  const data = await mkdtemp(join(tmpdir(), "ringup-till-bench-baskets-"));
  dirs.push(data);
  const steps: DriverStep[] = [
    { kind: "readyToScan", code: first[0], name: first[1].slice(0, 20), dbFile: join(data, TILL_DB_FILE) },
  ];
  for (const basket of baskets) {
    let lineNo = 1;
    for (const [code, name, deposit = false] of basket) {
      steps.push({ kind: "scan", code, enter: "\r", marker: `${lineNo} ${name.slice(0, 20)}` });
      lineNo += deposit ? 2 : 1;
    }
    steps.push(
      { kind: "keys", keys: F10, marker: "Cash given", pauseMs: SCAN_GAP_MS },
      { kind: "keys", keys: "\r", marker: "Sale complete", pauseMs: 0 },
    );
  }
  const command = tillCommand(binary, store.url, "T3", data);
  return runDriver({ command, steps, rssAfterMs: IDLE_BEFORE_RSS_MS, ...limited(limit) });
}

export default async function suite(): Promise<BenchSuite> {
  const binary = process.env.RINGUP_TEST_BINARY ?? join(root, "dist", "ringup");
  const haveBinary = existsSync(binary);
  if (!haveBinary) console.warn(`bench: till binary cases skipped: build ${binary} first (bun run build)`);
  let store: StoreProcess | undefined;
  let binaryResults: BenchResult[] | undefined;
  const dirs: string[] = [];
  const cases: BenchCase[] = [
    { name: BURST, measure: () => scanToLine(BURST, "burst"), goal: "p99 < 5 ms" },
    { name: TYPED, measure: () => scanToLine(TYPED, "typed"), goal: "p99 < 5 ms" },
    { name: BIG, measure: async () => scanBigCatalog(await bigOnce()), goal: "p99 < 5 ms" },
  ];
  const closers: (() => Promise<void>)[] = [];
  let big: Promise<BigCatalog> | undefined;
  function bigOnce(): Promise<BigCatalog> {
    big ??= bigCatalog(dirs);
    return big;
  }
  // Set up once for both CORE-POS cases: a store holding the catalog and a synced till.
  let corepos: Promise<CoreposShop> | undefined;
  const coreposOnce = () => {
    corepos ??= coreposShop(dirs, closers);
    return corepos;
  };
  if (coreposAvailable()) {
    cases.splice(2, 0, {
      name: COREPOS,
      measure: async () => scanCorepos(await coreposOnce()),
      goal: "p99 < 5 ms",
    });
  } else {
    console.warn("bench: till-ui: the CORE-POS case is skipped: the sample data is not there");
  }
  let limit: CpuLimit | undefined;
  if (haveBinary) {
    const quarter = quarterCore();
    if ("unavailable" in quarter)
      console.warn(`bench: till-ui: the quarter-core cases are skipped: ${quarter.unavailable}`);
    else limit = quarter;
    /**
     * A driven binary case's rows: warm and first 200, at full speed and (where a cgroup can be
     * written) with the till on a quarter of one core; one run of the till for each speed.
     */
    const drivenCases = (
      name: string,
      drive: (limit?: CpuLimit) => Promise<DriverResult>,
      extra: () => Promise<Record<string, number>> = async () => ({}),
    ): BenchCase[] => {
      const runs = new Map<keyof typeof GOAL_MS, Promise<[BenchResult, BenchResult]>>();
      const rows = (speed: keyof typeof GOAL_MS, label: string) => {
        let rowsOfRun = runs.get(speed);
        if (rowsOfRun === undefined) {
          rowsOfRun = (async () =>
            drivenRows(
              label,
              await drive(speed === "quarter" ? limit : undefined),
              GOAL_MS[speed],
              await extra(),
            ))();
          runs.set(speed, rowsOfRun);
        }
        return rowsOfRun;
      };
      const speeds: (keyof typeof GOAL_MS)[] = limit === undefined ? ["full"] : ["full", "quarter"];
      return speeds.flatMap((speed): BenchCase[] => {
        const label = speed === "quarter" ? `${name}, quarter core` : name;
        return [
          {
            name: label,
            goal: `p99 <= ${GOAL_MS[speed]} ms`,
            baseline: PTY_ECHO,
            measure: async () => (await rows(speed, label))[0],
          },
          { name: `${label}, first ${EARLY_SCANS}`, measure: async () => (await rows(speed, label))[1] },
        ];
      });
    };
    const measured = async (index: number): Promise<BenchResult> => {
      if (binaryResults === undefined) {
        store = await startStore();
        await seedProducts(store, [
          { code: "BENCH1", name: "Bench apples", priceMinor: 199 },
          { code: "BENCH2", name: "Bench bread", priceMinor: 250 },
        ]);
        const res = await store.api("/api/v1/users", {
          method: "POST",
          body: JSON.stringify({ name: "Bench", role: "cashier", pin: "1234" }),
        });
        if (!res.ok) throw new Error(`bench: adding the cashier failed: ${await res.text()}`);
        await openShift(store, ["T1", "T2", "T3", "T4"]);
        binaryResults = await binaryCases(binary, store);
      }
      const result = binaryResults[index];
      if (result === undefined) throw new Error("bench: missing binary result");
      return result;
    };
    /** The store of the two-product binary cases, started with the start and memory cases. */
    const benchStore = async (): Promise<StoreProcess> => {
      await measured(0);
      if (store === undefined) throw new Error("bench: no store for the binary");
      return store;
    };
    cases.push(
      {
        name: "till binary: start to log-in screen",
        measure: () => measured(0),
        goal: "< 500 ms",
        baseline: "ringup --version (binary start alone)",
      },
      { name: "ringup --version (binary start alone)", measure: () => measured(1) },
      { name: PTY_ECHO, measure: ptyEcho },
      ...drivenCases(BINARY_SCAN, async (limit) => binaryScanToLine(binary, await benchStore(), limit)),
      ...(coreposAvailable()
        ? drivenCases(
            BINARY_BASKETS,
            async (limit) => binaryBaskets(binary, await coreposOnce(), dirs, limit),
            async () => {
              const shop = await coreposOnce();
              return { sales: shop.baskets.length, products: shop.products };
            },
          )
        : []),
      ...drivenCases(BINARY_BIG, async (limit) =>
        binaryBigCatalog(binary, await benchStore(), await bigOnce(), limit),
      ),
      {
        name: "till binary: resident memory after 1,000 scanned lines",
        measure: () => measured(2),
        goal: "<= 80 MB",
      },
    );
  }
  return {
    cases,
    teardown: async () => {
      for (const close of closers.reverse()) await close();
      if (store) await store[Symbol.asyncDispose]();
      for (const dir of dirs) await rm(dir, { recursive: true, force: true });
      limit?.remove();
    },
  };
}
