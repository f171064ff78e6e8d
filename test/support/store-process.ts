/**
 * A real `ringup store` child process for tests and benchmarks that need durability, signals
 * or real sockets: a temp data dir, port 0 on loopback, a known admin token. Runs the sources
 * (`bun src/cli.ts`) or the compiled binary when RINGUP_TEST_BINARY is set.
 *
 *   await using store = await startStore();
 *   await seedProducts(store, [{ code: "A1", name: "Apple", priceMinor: 199 }]);
 *   const res = await store.api("/api/v1/sales", { method: "POST", body: JSON.stringify(sale) });
 *   await store.kill9();
 *   await store.restart();
 */

import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import type { Subprocess } from "bun";
import type { ProductInput } from "../../src/core/product-input.ts";
import { writeTestTaxConfig } from "./tax-classes.ts";

const root = resolve(import.meta.dir, "../..");
const LISTENING = /store \S+ listening on (https?:\/\/\S+)/;

export interface StartStoreOptions {
  /** Use this data dir (kept on dispose); default: a fresh temp dir (removed on dispose). */
  dataDir?: string;
  /** Admin bearer token; default: a random one. */
  token?: string;
  storeId?: string;
  /** Extra command-line arguments (e.g. ["--config", file]). */
  args?: string[];
  /** How long to wait for the "listening" line (default 30 s). */
  startTimeoutMs?: number;
}

/** A product as `POST /api/v1/products/bulk` takes it. */
/** A product to seed: a new product, so it has a name and a price. */
export type ProductSeed = ProductInput & { name: string; priceMinor: number };

type StoreProc = Subprocess<"ignore", "pipe", "pipe">;

/** The command that runs `ringup`: the compiled binary when RINGUP_TEST_BINARY names one. */
export function ringupCommand(): string[] {
  const binary = process.env.RINGUP_TEST_BINARY;
  if (binary && existsSync(binary)) return [binary];
  return [process.execPath, join(root, "src", "cli.ts")];
}

/** The environment for the child: ours without RINGUP_* variables, so flags alone configure it. */
export function childEnv(): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (v !== undefined && !k.startsWith("RINGUP_")) env[k] = v;
  }
  return env;
}

/** A random admin token for a test server. */
export function randomToken(): string {
  const bytes = new Uint8Array(18);
  crypto.getRandomValues(bytes);
  return `test_${Buffer.from(bytes).toString("base64url")}`;
}

export class StoreProcess implements AsyncDisposable {
  #proc: StoreProc | undefined;
  #url = "";
  #output = "";
  #exitCode: Promise<number> = Promise.resolve(0);
  #disposed = false;

  private constructor(
    readonly dataDir: string,
    readonly token: string,
    private readonly ownsDataDir: boolean,
    private readonly argv: readonly string[],
    private readonly startTimeoutMs: number,
  ) {}

  static async start(options: StartStoreOptions = {}): Promise<StoreProcess> {
    const ownsDataDir = options.dataDir === undefined;
    const dataDir = options.dataDir ?? (await mkdtemp(join(tmpdir(), "ringup-store-")));
    const token = options.token ?? randomToken();
    const argv = [
      ...ringupCommand(),
      "store",
      "--data",
      dataDir,
      "--port",
      "0",
      "--host",
      "127.0.0.1",
      "--admin-token",
      token,
      ...(options.storeId ? ["--store-id", options.storeId] : []),
      // A store has no tax classes until configured: tests run with the test classes unless they give a config.
      ...(options.args?.includes("--config") || options.args?.includes("--bundle")
        ? []
        : ["--config", await writeTestTaxConfig(dataDir)]),
      ...(options.args ?? []),
    ];
    const store = new StoreProcess(dataDir, token, ownsDataDir, argv, options.startTimeoutMs ?? 30_000);
    try {
      await store.spawn();
    } catch (err) {
      await store[Symbol.asyncDispose]();
      throw err;
    }
    return store;
  }

  /** Base URL of the running process, e.g. http://127.0.0.1:40123 (changes on restart). */
  get url(): string {
    return this.#url;
  }

  /** The current child process (a new one after restart). */
  get proc(): StoreProc {
    if (!this.#proc) throw new Error("the store process has not started");
    return this.#proc;
  }

  /** Everything the current and earlier processes wrote to stdout and stderr. */
  get output(): string {
    return this.#output;
  }

  get running(): boolean {
    return this.#proc !== undefined && this.#proc.exitCode === null && this.#proc.signalCode === null;
  }

  /** fetch against the store with the admin token (and a JSON content type when there is a body). */
  api(path: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (!headers.has("authorization")) headers.set("authorization", `Bearer ${this.token}`);
    if (init.body !== undefined && !headers.has("content-type")) {
      headers.set("content-type", "application/json");
    }
    return fetch(`${this.#url}${path}`, { ...init, headers });
  }

  /** Sends a signal (default SIGTERM) and answers the exit code once the process has exited. */
  async stop(signal: NodeJS.Signals = "SIGTERM"): Promise<number> {
    if (this.running) this.#proc?.kill(signal);
    return this.#exitCode;
  }

  /** Kills the process with SIGKILL (no chance to clean up) and waits until it is gone. */
  async kill9(): Promise<void> {
    if (this.running) this.#proc?.kill("SIGKILL");
    await this.#exitCode;
  }

  /** Starts a new process on the same data dir and token (stopping the old one first if alive). */
  async restart(): Promise<void> {
    if (this.running) await this.stop("SIGTERM");
    await this.spawn();
  }

  /** Polls the captured output until it contains `text`, failing after the deadline. */
  async waitForOutput(text: string | RegExp, timeoutMs = 10_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    const found = () => (typeof text === "string" ? this.#output.includes(text) : text.test(this.#output));
    while (!found()) {
      if (Date.now() > deadline) {
        throw new Error(`the store did not print ${String(text)} within ${timeoutMs} ms:\n${this.#output}`);
      }
      await Bun.sleep(5);
    }
  }

  /** Kills the process if it still runs and removes the temp data dir it made. */
  async [Symbol.asyncDispose](): Promise<void> {
    if (this.#disposed) return;
    this.#disposed = true;
    await this.kill9();
    if (this.ownsDataDir) await rm(this.dataDir, { recursive: true, force: true });
  }

  private async spawn(): Promise<void> {
    const proc: StoreProc = Bun.spawn([...this.argv], {
      cwd: root,
      env: childEnv(),
      stdin: "ignore",
      stdout: "pipe",
      stderr: "pipe",
    });
    this.#proc = proc;
    this.#url = "";
    this.#exitCode = proc.exited;
    const stdoutDone = this.collect(proc.stdout);
    const stderrDone = this.collect(proc.stderr);
    const deadline = Date.now() + this.startTimeoutMs;
    const start = this.#output.length;
    for (;;) {
      const match = LISTENING.exec(this.#output.slice(start));
      if (match?.[1]) {
        this.#url = match[1].replace("://0.0.0.0:", "://127.0.0.1:");
        return;
      }
      if (proc.exitCode !== null || proc.signalCode !== null) {
        await Promise.all([stdoutDone, stderrDone]);
        throw new Error(
          `ringup store exited (${proc.exitCode ?? proc.signalCode}) before listening:\n${this.#output.slice(start)}`,
        );
      }
      if (Date.now() > deadline) {
        proc.kill("SIGKILL");
        throw new Error(
          `ringup store did not print its "listening" line within ${this.startTimeoutMs} ms:\n${this.#output.slice(start)}`,
        );
      }
      await Bun.sleep(5);
    }
  }

  /** Reads a child stream to the end, appending it to the output as it arrives. */
  private async collect(stream: ReadableStream<Uint8Array>): Promise<void> {
    const decoder = new TextDecoder();
    for await (const chunk of stream) this.#output += decoder.decode(chunk, { stream: true });
    this.#output += decoder.decode();
  }
}

export function startStore(options: StartStoreOptions = {}): Promise<StoreProcess> {
  return StoreProcess.start(options);
}

/** Imports products through `POST /api/v1/products/bulk`; throws unless every row was imported. */
export async function seedProducts(store: StoreProcess, products: readonly ProductInput[]): Promise<void> {
  const res = await store.api("/api/v1/products/bulk", {
    method: "POST",
    body: JSON.stringify({ products, strict: true }),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`seeding products failed: ${res.status} ${text}`);
  const body = JSON.parse(text) as { imported?: number; errors?: unknown[] };
  if (body.imported !== products.length) {
    throw new Error(`seeding products imported ${body.imported} of ${products.length}: ${text}`);
  }
}
