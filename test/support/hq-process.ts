/**
 * A real `ringup hq` child process for replication tests and benchmarks: a temp data dir,
 * port 0 on loopback, a known admin token, optionally `--nats`. Kill -9 and restart on the
 * same data dir, and read its database (read-only, beside the running process) to check what
 * it ingested.
 *
 *   await using hq = await startHq({ nats: nats.url });
 *   await hq.kill9();
 *   await hq.restart();
 */
import { Database } from "bun:sqlite";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import type { Subprocess } from "bun";
import { PgDatabase } from "../../src/shared/postgres/database.ts";
import { type TestPostgresDatabase, testHqDatabase } from "./postgres.ts";
import { childEnv, randomToken, ringupCommand } from "./store-process.ts";

const root = resolve(import.meta.dir, "../..");
const LISTENING = /hq listening on (https?:\/\/\S+)/;

export interface StartHqOptions {
  dataDir?: string;
  token?: string;
  /** NATS URL (--nats); without it head office runs without replication. */
  nats?: string;
  natsCreds?: string;
  args?: string[];
  startTimeoutMs?: number;
  /** On PostgreSQL: head office's database made beforehand (dropped with head office); default a fresh one. */
  database?: TestPostgresDatabase | null;
}

type HqProc = Subprocess<"ignore", "pipe", "pipe">;

export class HqProcess implements AsyncDisposable {
  #proc: HqProc | undefined;
  #url = "";
  #output = "";
  #disposed = false;
  #db: Database | null = null;
  #args: string[];
  /** RINGUP_TEST_HQ_DATABASE=postgres: this head office's own PostgreSQL database. */
  readonly #database: TestPostgresDatabase | null;

  private constructor(
    readonly dataDir: string,
    readonly token: string,
    private readonly ownsDataDir: boolean,
    private readonly options: StartHqOptions,
  ) {
    this.#database = options.database !== undefined ? options.database : testHqDatabase();
    this.#args = this.argv(options.nats, options.natsCreds);
  }

  static async start(options: StartHqOptions = {}): Promise<HqProcess> {
    const ownsDataDir = options.dataDir === undefined;
    const dataDir = options.dataDir ?? (await mkdtemp(join(tmpdir(), "ringup-hq-")));
    const hq = new HqProcess(dataDir, options.token ?? randomToken(), ownsDataDir, options);
    try {
      await hq.spawn();
    } catch (err) {
      await hq[Symbol.asyncDispose]();
      throw err;
    }
    return hq;
  }

  get url(): string {
    return this.#url;
  }

  /** `--database URL` for commands that open this head office's data offline (none on SQLite). */
  get databaseArgs(): string[] {
    return this.#database ? ["--database", this.#database.url] : [];
  }

  get output(): string {
    return this.#output;
  }

  get running(): boolean {
    return this.#proc !== undefined && this.#proc.exitCode === null && this.#proc.signalCode === null;
  }

  /** The process id while it runs (benchmarks read its CPU time from /proc). */
  get pid(): number | undefined {
    return this.running ? this.#proc?.pid : undefined;
  }

  api(path: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (!headers.has("authorization")) headers.set("authorization", `Bearer ${this.token}`);
    if (init.body !== undefined && !headers.has("content-type"))
      headers.set("content-type", "application/json");
    return fetch(`${this.#url}${path}`, { ...init, headers });
  }

  /** fetch + JSON, throwing with the body on a non-2xx answer. */
  async json<T>(path: string, init: RequestInit = {}): Promise<T> {
    const res = await this.api(path, init);
    const text = await res.text();
    if (!res.ok) throw new Error(`${init.method ?? "GET"} ${path}: ${res.status} ${text}`);
    return JSON.parse(text) as T;
  }

  /**
   * Head office's database, read-only (opened once, beside the running process); on PostgreSQL a
   * connection of its own with the same statement API.
   */
  db(): Database {
    this.#db ??= this.#database
      ? (new PgDatabase(this.#database.url) as unknown as Database)
      : new Database(join(this.dataDir, "hq.db"), { readonly: true });
    return this.#db;
  }

  async stop(signal: NodeJS.Signals = "SIGTERM"): Promise<void> {
    if (this.running) this.#proc?.kill(signal);
    await this.#proc?.exited;
  }

  async kill9(): Promise<void> {
    if (this.running) this.#proc?.kill("SIGKILL");
    await this.#proc?.exited;
  }

  /** Starts again on the same data dir, optionally with other NATS settings. */
  async restart(nats?: { url?: string; creds?: string }): Promise<void> {
    if (this.running) await this.stop();
    if (nats) this.#args = this.argv(nats.url ?? this.options.nats, nats.creds ?? this.options.natsCreds);
    await this.spawn();
  }

  async waitForOutput(text: string | RegExp, timeoutMs = 15_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    const found = () => (typeof text === "string" ? this.#output.includes(text) : text.test(this.#output));
    while (!found()) {
      if (Date.now() > deadline) throw new Error(`hq did not print ${String(text)}:\n${this.#output}`);
      await Bun.sleep(10);
    }
  }

  async [Symbol.asyncDispose](): Promise<void> {
    if (this.#disposed) return;
    this.#disposed = true;
    this.#db?.close();
    await this.kill9();
    this.#database?.drop();
    if (this.ownsDataDir) await rm(this.dataDir, { recursive: true, force: true });
  }

  private argv(nats: string | undefined, creds: string | undefined): string[] {
    return [
      ...ringupCommand(),
      "hq",
      "--data",
      this.dataDir,
      "--port",
      "0",
      "--host",
      "127.0.0.1",
      "--admin-token",
      this.token,
      ...(nats ? ["--nats", nats] : []),
      ...(creds ? ["--nats-creds", creds] : []),
      ...this.databaseArgs,
      ...(this.options.args ?? []),
    ];
  }

  private async spawn(): Promise<void> {
    const proc: HqProc = Bun.spawn([...this.#args], {
      cwd: root,
      env: childEnv(),
      stdin: "ignore",
      stdout: "pipe",
      stderr: "pipe",
    });
    this.#proc = proc;
    this.#url = "";
    const start = this.#output.length;
    void this.collect(proc.stdout);
    void this.collect(proc.stderr);
    const deadline = Date.now() + (this.options.startTimeoutMs ?? 30_000);
    for (;;) {
      const match = LISTENING.exec(this.#output.slice(start));
      if (match?.[1]) {
        this.#url = match[1].replace("://0.0.0.0:", "://127.0.0.1:");
        return;
      }
      if (proc.exitCode !== null || proc.signalCode !== null) {
        throw new Error(`ringup hq exited before listening:\n${this.#output.slice(start)}`);
      }
      if (Date.now() > deadline) {
        proc.kill("SIGKILL");
        throw new Error(`ringup hq did not start listening in time:\n${this.#output.slice(start)}`);
      }
      await Bun.sleep(5);
    }
  }

  private async collect(stream: ReadableStream<Uint8Array>): Promise<void> {
    const decoder = new TextDecoder();
    for await (const chunk of stream) this.#output += decoder.decode(chunk, { stream: true });
  }
}

export function startHq(options: StartHqOptions = {}): Promise<HqProcess> {
  return HqProcess.start(options);
}
