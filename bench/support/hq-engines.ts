/**
 * The databases `bench hq` runs head office on: SQLite files under a temporary directory, and
 * PostgreSQL databases on the server RINGUP_BENCH_HQ_POSTGRES_URL names or, without it, on a
 * throw-away cluster (scripts/services/postgres, with a state directory of its own so a cluster
 * the tests started is left alone), stopped when the bench ends.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { PgDatabase } from "../../src/shared/postgres/database.ts";
import { processTreeCpuMs } from "./process-cpu.ts";

export type HqEngine = "sqlite" | "postgres";

/** RINGUP_BENCH_HQ_DATABASE: `sqlite` (default), `postgres`, or `both` (SQLite, then PostgreSQL). */
export function hqEngines(): HqEngine[] {
  const asked = process.env.RINGUP_BENCH_HQ_DATABASE ?? "sqlite";
  if (asked === "both") return ["sqlite", "postgres"];
  if (asked === "sqlite" || asked === "postgres") return [asked];
  throw new Error(`RINGUP_BENCH_HQ_DATABASE must be sqlite, postgres or both, not ${asked}`);
}

const root = resolve(import.meta.dir, "../..");

/** A PostgreSQL server for the bench: databases made on demand, everything removed by `stop`. */
export class BenchPostgres {
  private state: string | null = null;
  private admin: PgDatabase | null = null;
  private readonly made: string[] = [];
  readonly url: string;

  constructor() {
    const given = process.env.RINGUP_BENCH_HQ_POSTGRES_URL;
    if (given !== undefined) {
      this.url = given;
      return;
    }
    this.state = mkdtempSync(join(tmpdir(), "ringup-bench-pg-state-"));
    const proc = Bun.spawnSync(["bash", join(root, "scripts/services/postgres"), "start"], {
      env: { ...process.env, RINGUP_POSTGRES_STATE: this.state },
    });
    const url = /RINGUP_TEST_POSTGRES_URL=(\S+)/.exec(proc.stdout.toString())?.[1];
    if (proc.exitCode !== 0 || url === undefined) {
      rmSync(this.state, { recursive: true, force: true });
      throw new Error(`bench hq: could not start PostgreSQL: ${proc.stderr.toString()}`);
    }
    this.url = url;
  }

  /**
   * CPU milliseconds the cluster's processes have used so far, when the bench started the
   * cluster (null on a server RINGUP_BENCH_HQ_POSTGRES_URL names: it may be on another machine).
   */
  serverCpuMs(): number | null {
    if (this.state === null) return null;
    const env = readFileSync(join(this.state, "env"), "utf8");
    const cluster = /RINGUP_POSTGRES_CLUSTER=(\S+)/.exec(env)?.[1];
    if (cluster === undefined) return null;
    const postmaster = Number(readFileSync(join(cluster, "data", "postmaster.pid"), "utf8").split("\n")[0]);
    return processTreeCpuMs(postmaster);
  }

  /** A new empty database; answers its URL. */
  createDatabase(): string {
    const name = `ringup_bench_hq_${crypto.randomUUID().replaceAll("-", "").slice(0, 12)}`;
    this.admin ??= new PgDatabase(this.url, { statementTimeoutMs: 120_000 });
    this.admin.exec(`CREATE DATABASE ${name}`);
    // The setting docs/hq-postgres.md gives for a server with few cores shared with head office.
    this.admin.exec(`ALTER DATABASE ${name} SET max_parallel_workers_per_gather = 0`);
    this.made.push(name);
    const u = new URL(this.url);
    u.pathname = `/${name}`;
    return u.toString();
  }

  /**
   * Drops the databases made and stops a cluster the bench started; with
   * RINGUP_BENCH_HQ_KEEP=1 on a given server (RINGUP_BENCH_HQ_POSTGRES_URL) the databases are
   * kept, and named, for EXPLAIN ANALYZE after the run (drop them by hand).
   */
  stop(): void {
    if (process.env.RINGUP_BENCH_HQ_KEEP === "1" && this.state === null) {
      process.stderr.write(`bench: hq: kept PostgreSQL databases: ${this.made.join(", ")}\n`);
      this.admin?.close();
      this.admin = null;
      return;
    }
    for (const name of this.made) this.admin?.exec(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    this.admin?.close();
    this.admin = null;
    if (this.state === null) return;
    Bun.spawnSync(["bash", join(root, "scripts/services/postgres"), "stop"], {
      env: { ...process.env, RINGUP_POSTGRES_STATE: this.state },
    });
    rmSync(this.state, { recursive: true, force: true });
    this.state = null;
  }
}

/**
 * Counts the statements sent to PostgreSQL and the time spent waiting for their answers (hand-over
 * to the connection's worker, the round trip and the server's work), while `fn` runs: where an
 * ingest's time goes. Statements sent without waiting (deferred writes) count when sent; their
 * wait is where the caller next waits.
 */
export function countPgStatements<R>(fn: () => R): { result: R; statements: number; waitMs: number } {
  const proto = PgDatabase.prototype as unknown as {
    post: (...args: unknown[]) => unknown;
    settle: (...args: unknown[]) => unknown;
  };
  const { post, settle } = proto;
  let statements = 0;
  let waitMs = 0;
  proto.post = function (this: unknown, ...args: unknown[]) {
    statements++;
    return post.apply(this, args);
  };
  proto.settle = function (this: unknown, ...args: unknown[]) {
    const t0 = performance.now();
    try {
      return settle.apply(this, args);
    } finally {
      waitMs += performance.now() - t0;
    }
  };
  try {
    return { result: fn(), statements, waitMs };
  } finally {
    proto.post = post;
    proto.settle = settle;
  }
}
