/**
 * A nats-server child process with JetStream, for the demo, the tests and the benchmarks: its
 * own directory (config and JetStream store; a temp dir unless given), a free loopback port
 * chosen by the server, and the faults replication must survive: stop, kill -9, restart on the
 * same port, and wiping the store dir. Production points at the chain's own NATS cluster.
 *
 *   await using nats = await startNats();
 *   await nats.kill9();
 *   await nats.wipe();          // as if the broker lost everything it had acknowledged
 *   await nats.restart();
 */
import { mkdir, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import type { Subprocess } from "bun";
import type { NatsUser } from "./permissions.ts";
import { natsAuthorizationBlock } from "./permissions.ts";

/** The nats-server program: RINGUP_NATS_SERVER (or RINGUP_TEST_NATS_SERVER), else from PATH. */
export const NATS_SERVER =
  process.env.RINGUP_NATS_SERVER ?? process.env.RINGUP_TEST_NATS_SERVER ?? "nats-server";

export interface StartNatsOptions {
  /** The nats-server program to run (default NATS_SERVER). */
  program?: string;
  /**
   * fsync every JetStream write (`sync_interval: always`, the production setting of
   * docs/replication.md); nats-server 2.10 and later only: 2.9 refuses the option.
   */
  syncAlways?: boolean;
  /** Users and their permissions (default: no authentication). */
  users?: readonly NatsUser[];
  /** A configuration file to include, e.g. the `nats-accounts.conf` head office writes. */
  include?: string;
  /** TLS for clients: server certificate and key, and a CA to verify client certificates. */
  tls?: { cert: string; key: string; ca?: string; verify?: boolean };
  /** How long to wait for "Server is ready" (default 15 s). */
  startTimeoutMs?: number;
  /** Directory for the config and the JetStream store, kept on dispose (default: a temp dir, removed). */
  dir?: string;
  /** The server's name, unique within a cluster (default `ringup_<pid>`). */
  serverName?: string;
  /**
   * Membership of a cluster: its name, the loopback port this node's routes listen on and the
   * route ports of the other nodes (JetStream then replicates across them).
   */
  cluster?: { name: string; port: number; routes: readonly number[] };
}

type NatsProc = Subprocess<"ignore", "pipe", "pipe">;

const LISTENING = /Listening for client connections on [^\s]*:(\d+)/;

export class NatsServerProcess implements AsyncDisposable {
  #proc: NatsProc | undefined;
  #port = 0;
  #output = "";
  #disposed = false;

  private constructor(
    readonly dir: string,
    private readonly options: StartNatsOptions,
  ) {}

  static async start(options: StartNatsOptions = {}): Promise<NatsServerProcess> {
    const dir = options.dir ?? (await mkdtemp(join(tmpdir(), "ringup-nats-")));
    if (options.dir) await mkdir(options.dir, { recursive: true });
    const server = new NatsServerProcess(dir, options);
    try {
      await server.spawn();
    } catch (err) {
      await server[Symbol.asyncDispose]();
      throw err;
    }
    return server;
  }

  get port(): number {
    return this.#port;
  }

  /** nats://127.0.0.1:<port> (tls://… when TLS is on); stays the same across restarts. */
  get url(): string {
    return `${this.options.tls ? "tls" : "nats"}://127.0.0.1:${this.#port}`;
  }

  /** The JetStream store directory. */
  get storeDir(): string {
    return join(this.dir, "jetstream");
  }

  get output(): string {
    return this.#output;
  }

  get running(): boolean {
    return this.#proc !== undefined && this.#proc.exitCode === null && this.#proc.signalCode === null;
  }

  /** The server's process id while it runs (benchmarks read its CPU time from /proc). */
  get pid(): number | undefined {
    return this.running ? this.#proc?.pid : undefined;
  }

  /** Graceful stop (SIGTERM): the server flushes and exits. */
  async stop(): Promise<void> {
    if (this.running) this.#proc?.kill("SIGTERM");
    await this.#proc?.exited;
  }

  /** SIGKILL: no chance to flush anything. */
  async kill9(): Promise<void> {
    if (this.running) this.#proc?.kill("SIGKILL");
    await this.#proc?.exited;
  }

  /** Starts again on the same port and store dir (stopping first if it still runs). */
  async restart(): Promise<void> {
    if (this.running) await this.stop();
    await this.spawn();
  }

  /** Deletes the JetStream store dir; only while stopped. */
  async wipe(): Promise<void> {
    if (this.running) throw new Error("stop nats-server before wiping its store dir");
    await rm(this.storeDir, { recursive: true, force: true });
  }

  async [Symbol.asyncDispose](): Promise<void> {
    if (this.#disposed) return;
    this.#disposed = true;
    await this.kill9();
    if (!this.options.dir) await rm(this.dir, { recursive: true, force: true });
  }

  private config(): string {
    const { users, tls, syncAlways } = this.options;
    const lines = [
      `listen: "127.0.0.1:${this.#port === 0 ? -1 : this.#port}"`,
      `server_name: ${JSON.stringify(this.options.serverName ?? `ringup_${process.pid}`)}`,
      `jetstream {\n  store_dir: ${JSON.stringify(this.storeDir)}\n  max_memory_store: 268435456\n  max_file_store: 4294967296\n${
        syncAlways ? "  sync_interval: always\n" : ""
      }}`,
      "max_payload: 1048576",
    ];
    const { cluster } = this.options;
    if (cluster) {
      const routes = cluster.routes.map((port) => JSON.stringify(`nats-route://127.0.0.1:${port}`));
      lines.push(
        `cluster {\n  name: ${JSON.stringify(cluster.name)}\n  listen: "127.0.0.1:${cluster.port}"\n  routes: [${routes.join(", ")}]\n}`,
      );
    }
    if (users && users.length > 0) lines.push(natsAuthorizationBlock(users));
    // nats-server resolves an include relative to the including file.
    if (this.options.include)
      lines.push(`include ${JSON.stringify(relative(this.dir, this.options.include))}`);
    if (tls) {
      lines.push(
        `tls {\n  cert_file: ${JSON.stringify(tls.cert)}\n  key_file: ${JSON.stringify(tls.key)}\n${
          tls.ca ? `  ca_file: ${JSON.stringify(tls.ca)}\n` : ""
        }  verify: ${tls.verify === true}\n  timeout: 5\n}`,
      );
    }
    return `${lines.join("\n")}\n`;
  }

  private async spawn(): Promise<void> {
    const configPath = join(this.dir, "nats-server.conf");
    await Bun.write(configPath, this.config());
    const proc: NatsProc = Bun.spawn([this.options.program ?? NATS_SERVER, "-c", configPath], {
      stdin: "ignore",
      stdout: "pipe",
      stderr: "pipe",
    });
    this.#proc = proc;
    const start = this.#output.length;
    void this.collect(proc.stdout);
    void this.collect(proc.stderr);
    const deadline = Date.now() + (this.options.startTimeoutMs ?? 15_000);
    for (;;) {
      const seen = this.#output.slice(start);
      const port = LISTENING.exec(seen)?.[1];
      if (port && seen.includes("Server is ready")) {
        this.#port = Number(port);
        return;
      }
      if (proc.exitCode !== null || proc.signalCode !== null) {
        throw new Error(`nats-server exited before it was ready:\n${seen}`);
      }
      if (Date.now() > deadline) {
        proc.kill("SIGKILL");
        throw new Error(`nats-server was not ready in time:\n${seen}`);
      }
      await Bun.sleep(5);
    }
  }

  private async collect(stream: ReadableStream<Uint8Array>): Promise<void> {
    const decoder = new TextDecoder();
    for await (const chunk of stream) this.#output += decoder.decode(chunk, { stream: true });
  }
}

export function startNats(options: StartNatsOptions = {}): Promise<NatsServerProcess> {
  return NatsServerProcess.start(options);
}
