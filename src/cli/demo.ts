/**
 * `ringup demo`: a store server on the real co-op catalog of the CORE-POS sample data, with a
 * cashier and a supervisor, a few of the month's real transactions rung up as sales (their
 * receipts printed here), and the day's report — then it keeps serving until Ctrl-C so the API
 * can be explored (`--once` stops after the walkthrough).
 */
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { businessDay } from "../core/business-day.ts";
import { DomainError } from "../core/errors.ts";
import { uuidv7 } from "../core/ids.ts";
import { formatMoney } from "../core/money.ts";
import { buildReceipt } from "../core/receipt.ts";
import { renderReceiptText } from "../core/receipt-layout.ts";
import { storeSettingsSchema } from "../core/settings.ts";
import { startHqServer } from "../hq/main.ts";
import { startHqReplication } from "../hq/replication/index.ts";
import { loadCoreposMonth } from "../samples/corepos-month.ts";
import type { CliIo } from "../shared/cli-io.ts";
import { createLogger, type LogLevel, log, logLines, setProcessLogger } from "../shared/log.ts";
import { NatsServerProcess } from "../shared/nats/server-process.ts";
import { newToken } from "../store-server/auth/tokens.ts";
import { parseDepartments, parseProducts } from "../store-server/imports/index.ts";
import { startStoreServer } from "../store-server/main.ts";
import { progressReporter } from "./admin-import.ts";

export class DemoError extends DomainError {
  readonly code = "DEMO_FAILED";
}

export interface DemoOptions {
  data?: string;
  samples?: string;
  port?: string;
  once?: boolean;
  /** Run the store alone, without head office and nats-server. */
  noHq?: boolean;
  /** The servers' log lines at this level and above go to stderr (default warn: the walkthrough is the output). */
  logLevel?: LogLevel;
}

interface DemoChain {
  natsUrl: string;
  hqUrl: string;
  stop(): Promise<void>;
}

/**
 * The demo's own requests do not keep their connections open: a server that is stopping waits
 * for its open connections, so a pooled keep-alive connection would keep `--once` from exiting.
 */
const CLOSE = { connection: "close" } as const;

function firstLine(err: unknown): string {
  return (err instanceof Error ? err.message : String(err)).split("\n")[0] ?? "";
}

/** nats-server and head office, when nats-server is installed; the store replicates to them. */
async function startChain(data: string, token: string, io: CliIo): Promise<DemoChain | null> {
  let nats: NatsServerProcess;
  try {
    nats = await NatsServerProcess.start({ dir: join(data, "nats") });
  } catch (err) {
    io.err(`demo: running the store alone: nats-server did not start (${firstLine(err)})`);
    return null;
  }
  try {
    const hq = await startHqServer(
      {
        data: join(data, "hq"),
        port: 0,
        host: "127.0.0.1",
        adminToken: token,
        nats: nats.url,
        natsReplicas: 1,
        logLevel: log().level as LogLevel,
      },
      logLines(log()),
      { startReplication: startHqReplication },
    );
    const registered = await fetch(`${hq.url}/api/v1/stores`, {
      method: "POST",
      headers: { ...CLOSE, authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: JSON.stringify({
        storeId: "S1",
        name: DEMO_SETTINGS.storeName,
        timeZone: DEMO_SETTINGS.timeZone,
      }),
    });
    if (!registered.ok && registered.status !== 409) {
      throw new DemoError(`demo: registering the store at head office failed: ${await registered.text()}`);
    }
    return {
      natsUrl: nats.url,
      hqUrl: hq.url,
      async stop() {
        await hq.stop();
        await nats.stop();
      },
    };
  } catch (err) {
    await nats.stop();
    throw err;
  }
}

/** Polls head office until it has the store's sales of the day (replication is asynchronous). */
async function hqReport(chain: DemoChain, token: string, day: string, sales: number): Promise<unknown> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const res = await fetch(`${chain.hqUrl}/api/v1/reports/sales?from=${day}&to=${day}`, {
      headers: { ...CLOSE, authorization: `Bearer ${token}` },
    });
    const body = (await res.json()) as { total?: { salesCount?: number } };
    if (body.total?.salesCount === sales || Date.now() > deadline) return body;
    await Bun.sleep(200);
  }
}

const DEMO_SETTINGS = storeSettingsSchema.parse({
  storeName: "Riverside Co-op (demo)",
  addressLines: ["12 Main St", "Springfield"],
  currency: "USD",
  locale: "en-US",
  timeZone: "America/New_York",
  taxClasses: [
    { id: "1", name: "Regular", rate: "8.875" },
    { id: "2", name: "Deli", rate: "8.875" },
  ],
});

/** The demo till's opening float. */
const DEMO_FLOAT_MINOR = 15_000;

function money(minor: number): string {
  return formatMoney(minor, DEMO_SETTINGS.currency, DEMO_SETTINGS.locale);
}

async function api<T>(url: string, token: string, method: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(`${url}/api/v1${path}`, {
    method,
    headers: { ...CLOSE, authorization: `Bearer ${token}`, "content-type": "application/json" },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const json = (await res.json()) as T & { error?: { message: string } };
  if (!res.ok && res.status !== 409) {
    throw new DemoError(`demo: ${method} ${path} failed: ${json.error?.message ?? res.statusText}`);
  }
  return json;
}

/** How to start this same program again: the compiled binary, or Bun with the CLI's source file. */
function selfCommand(): string[] {
  const script = process.argv[1];
  return script && /\.(ts|js)$/.test(script) ? [process.execPath, script] : [process.execPath];
}

export async function runDemo(options: DemoOptions, io: CliIo): Promise<void> {
  setProcessLogger(
    createLogger({ mode: "demo", level: options.logLevel ?? "warn", sink: { kind: "stderr" } }),
  );
  const samples = resolve(options.samples ?? process.env.RINGUP_COREPOS_DIR ?? "../shared/data/corepos");
  if (!existsSync(join(samples, "products.csv")) || !existsSync(join(samples, "sampletrans.csv.gz"))) {
    throw new DemoError(
      `the CORE-POS sample data is not at ${samples}: pass --samples DIR (the folder with products.csv and sampletrans.csv.gz)`,
    );
  }
  // A folder of its own in the temp directory unless --data is given; removed when the demo ends.
  const ownData = options.data === undefined;
  const data = options.data ?? (await mkdtemp(join(tmpdir(), "ringup-demo-")));
  try {
    await runIn(data, ownData, samples, options, io);
  } finally {
    if (ownData) await rm(data, { recursive: true, force: true });
  }
}

async function runIn(
  data: string,
  ownData: boolean,
  samples: string,
  options: DemoOptions,
  io: CliIo,
): Promise<void> {
  const token = newToken();
  const port = Number(options.port ?? 7070);
  const chain = options.noHq ? null : await startChain(data, token, io);
  const storeOptions = {
    data: join(data, "store"),
    host: "127.0.0.1",
    storeId: "S1",
    adminToken: token,
    ...(chain ? { nats: chain.natsUrl } : {}),
    logLevel: log().level as LogLevel,
  };
  const quiet: CliIo = logLines(log());
  const store = await startStoreServer({ ...storeOptions, port }, quiet, DEMO_SETTINGS).catch(
    async (err: unknown) => {
      if (port === 0) throw err;
      io.err(`demo: port ${port} is busy; using a free port`);
      return startStoreServer({ ...storeOptions, port: 0 }, quiet, DEMO_SETTINGS);
    },
  );
  try {
    if (chain) io.out(`Ringup demo: head office on ${chain.hqUrl}, nats-server on ${chain.natsUrl}`);
    io.out(
      `Ringup demo: store S1 on ${store.url} (data in ${data}${ownData ? ", removed when the demo ends" : ""})`,
    );
    const currency = DEMO_SETTINGS.currency;

    const depts = parseDepartments(await Bun.file(join(samples, "departments.sql")).text(), "corepos", {
      currency,
    });
    await api(store.url, token, "POST", "/departments/bulk", { departments: depts.rows });
    io.out(`imported ${depts.rows.length} departments`);

    // The catalog as the month's sales need it: the real products file through the CORE-POS
    // importer, with items the lane sold by weight or at an open price made sellable that way.
    const progress = progressReporter(io);
    const parsed = parseProducts(await Bun.file(join(samples, "products.csv")).text(), "corepos", {
      currency,
      onProgress: progress.update,
    });
    progress.end();
    const month = await loadCoreposMonth(samples);
    const imported = await api<{ imported: number }>(store.url, token, "POST", "/products/bulk", {
      // Products made up from the transaction log (not in products.csv) have no file line.
      products: month.products.map(({ line, ...product }) => (line > 0 ? { ...product, line } : product)),
    });
    io.out(
      `imported ${imported.imported} products: ${parsed.rows.length} of products.csv (${parsed.errors.length} bad rows skipped, e.g. negative prices) and ${month.stats.minimalProducts} sold in the month's transaction log but missing from products.csv`,
    );

    await api(store.url, token, "POST", "/users", { name: "Demo Cashier", role: "cashier", pin: "1234" });
    await api(store.url, token, "POST", "/users", {
      name: "Demo Supervisor",
      role: "supervisor",
      pin: "9999",
    });

    // The till's shift, opened with its float as a cashier does at log-in: the demo's sales
    // belong to it, and its X report counts them (a rerun on the same data finds it open).
    await api(store.url, token, "POST", "/shifts", { tillId: "T1", floatMinor: DEMO_FLOAT_MINOR });
    const shift = await api<{ id: string; floatMinor: number }>(
      store.url,
      token,
      "GET",
      "/shifts/current?tillId=T1",
    );
    io.out(`opened a shift at till T1 with a float of ${money(shift.floatMinor)}`);

    const picks = month.sales.filter((s) => s.lines.length >= 3 && s.lines.length <= 8).slice(0, 3);
    let lastAt = "";
    for (const pick of picks) {
      const sale = await api<Record<string, unknown> & { at: string; receiptNo: string }>(
        store.url,
        token,
        "POST",
        "/sales",
        {
          id: uuidv7(),
          tillId: "T1",
          cashierId: pick.cashierId,
          lines: pick.lines,
          tenders: [{ type: "cash", amountMinor: pick.cashMinor }],
        },
      );
      lastAt = sale.at;
      const doc = buildReceipt({
        ...sale,
        saleId: sale.id,
        timeZone: DEMO_SETTINGS.timeZone,
        locale: DEMO_SETTINGS.locale,
        currency,
        store: { name: DEMO_SETTINGS.storeName, addressLines: DEMO_SETTINGS.addressLines },
        cashierName: "Demo Cashier",
      });
      io.out(`\n${renderReceiptText(doc, 42)}`);
    }

    const day = businessDay(new Date(lastAt), DEMO_SETTINGS.timeZone);
    const x = await api<{ salesCount: number; cash: { expectedMinor: number } }>(
      store.url,
      token,
      "GET",
      `/shifts/${shift.id}/x-report`,
    );
    io.out(
      `\nX report for till T1: ${x.salesCount} sales, expected cash in the drawer ${money(x.cash.expectedMinor)}`,
    );
    const report = await api<Record<string, unknown>>(store.url, token, "GET", `/reports/daily?date=${day}`);
    io.out(`\nDaily report for ${day}:\n${JSON.stringify(report, null, 2)}`);
    if (chain) {
      const hq = await hqReport(chain, token, day, picks.length);
      io.out(`\nHead office, the same day (replicated over NATS JetStream):\n${JSON.stringify(hq, null, 2)}`);
    }
    io.out(
      [
        "",
        `Store API:     ${store.url}/api/v1   (OpenAPI: ${store.url}/openapi.json)`,
        ...(chain
          ? [`Head office:   ${chain.hqUrl}/api/v1   (same token; GET /stores shows replication)`]
          : []),
        `Admin token:   ${token}`,
        "Cashier PIN:   1234   Supervisor PIN: 9999",
        `Try:           curl -H 'Authorization: Bearer ${token}' '${store.url}/api/v1/products/lookup?code=4011'`,
        `               ringup admin --server ${store.url} --token ${token} report daily --date ${day}`,
      ].join("\n"),
    );
    if (options.once) return;
    // Stop cleanly (store, head office, nats-server) however the demo is ended, including a
    // closed terminal (SIGHUP).
    const stopRequested = new Promise<void>((done) => {
      for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) process.once(signal, () => done());
    });
    if (process.stdin.isTTY && process.stdout.isTTY) {
      io.out("\nStarting the till T1 on this terminal: log in with PIN 1234 (F1 shows the keys).");
      const till = Bun.spawn(
        [
          ...selfCommand(),
          "till",
          "--server",
          store.url,
          "--till-id",
          "T1",
          "--data",
          join(data, "till-T1"),
          // The simulated card terminal: it approves after a moment (F7 in payment).
          "--payment",
          "sim:?delayMs=800",
        ],
        { stdin: "inherit", stdout: "inherit", stderr: "inherit" },
      );
      await Promise.race([till.exited, stopRequested]);
      if (till.exitCode === null) till.kill("SIGTERM");
      await till.exited;
      return;
    }
    io.out("\nThe store keeps running; press Ctrl-C to stop.");
    await stopRequested;
  } finally {
    await store.stop();
    await chain?.stop();
  }
}
