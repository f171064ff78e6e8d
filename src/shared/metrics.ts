/**
 * `GET /metrics` of the store and head office, in Prometheus text format (prom-client): every
 * request's latency by method, route template and status (a histogram; a path no route serves
 * counts as `unmatched`, so labels stay bounded whatever paths callers send), and gauges read
 * at scrape time from the database (journal, outbox, replication, dead letters) and from the
 * data directory (free disk, database size). Open like /health: it carries no secret, only
 * counts, sequence numbers and store ids.
 */
import type { Database } from "bun:sqlite";
import { statfsSync, statSync } from "node:fs";
import { dirname } from "node:path";
import { Elysia } from "elysia";
import { Counter, Gauge, Histogram, Registry } from "prom-client";

/** A gauge's samples at scrape time: one value, or one per label set. */
export type Samples = number | ReadonlyArray<{ labels: Record<string, string>; value: number }>;

const METHODS = new Set(["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"]);
/** Seconds: a scan look-up takes a millisecond, a long poll for catalog changes up to a minute. */
const BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];

interface Template {
  path: string;
  segments: string[];
  statics: number;
}

function segmentsOf(path: string): string[] {
  return path.split("/").filter((s) => s !== "");
}

function matches(template: Template, segments: readonly string[]): boolean {
  const t = template.segments;
  for (let i = 0; i < t.length; i++) {
    const want = t[i] as string;
    if (want === "*") return true;
    const got = segments[i];
    if (got === undefined) return false;
    if (!want.startsWith(":") && want !== got) return false;
  }
  return t.length === segments.length;
}

export class ServerMetrics {
  readonly registry = new Registry();
  readonly #requests: Histogram<"method" | "route" | "status">;
  #templates = new Map<string, Template[]>();

  constructor() {
    this.#requests = new Histogram({
      name: "ringup_http_request_duration_seconds",
      help: "HTTP requests by method, route template and status, and the time taken to answer them",
      labelNames: ["method", "route", "status"],
      buckets: BUCKETS,
      registers: [this.registry],
    });
  }

  /** The routes the app serves (their templates, e.g. `/api/v1/sales/:id`). */
  routes(routes: ReadonlyArray<{ method: string; path: string }>): this {
    const byMethod = new Map<string, Template[]>();
    for (const r of routes) {
      const segments = segmentsOf(r.path);
      const template = { path: r.path, segments, statics: segments.filter((s) => !s.startsWith(":")).length };
      const methods = r.method === "ALL" ? [...METHODS] : [r.method];
      for (const m of methods) byMethod.set(m, [...(byMethod.get(m) ?? []), template]);
    }
    // The most specific first: `/sales/refused` before `/sales/:id`.
    for (const list of byMethod.values()) list.sort((a, b) => b.statics - a.statics);
    this.#templates = byMethod;
    return this;
  }

  /** The route template a request's path belongs to, or `unmatched`. */
  routeOf(method: string, pathname: string): string {
    const segments = segmentsOf(pathname);
    for (const t of this.#templates.get(method) ?? []) if (matches(t, segments)) return t.path;
    return "unmatched";
  }

  observe(method: string, pathname: string, status: number, seconds: number): void {
    const m = METHODS.has(method) ? method : "OTHER";
    this.#requests.observe({ method: m, route: this.routeOf(m, pathname), status: String(status) }, seconds);
  }

  /** A gauge read when scraped; a read that fails leaves it out of that scrape. */
  gauge(name: string, help: string, labelNames: readonly string[], read: () => Samples): this {
    new Gauge({
      name,
      help,
      labelNames: [...labelNames],
      registers: [this.registry],
      collect() {
        this.reset();
        let samples: Samples;
        try {
          samples = read();
        } catch {
          return;
        }
        if (typeof samples === "number") this.set(samples);
        else for (const s of samples) this.set(s.labels, s.value);
      },
    });
    return this;
  }

  /** A counter read when scraped from what the database keeps (it survives restarts). */
  counter(name: string, help: string, read: () => number): this {
    new Counter({
      name,
      help,
      registers: [this.registry],
      collect() {
        try {
          const value = read();
          this.reset();
          this.inc(value);
        } catch {
          // Left as it was: the next scrape reads again.
        }
      },
    });
    return this;
  }

  /** Free disk of the database's directory and the database's size (file and its WAL). */
  storage(sqlite: Database): this {
    const file = sqlite.filename;
    this.gauge(
      "ringup_data_dir_free_bytes",
      "Bytes free for this server in its data directory's file system",
      [],
      () => {
        const fs = statfsSync(dirname(file));
        return fs.bavail * fs.bsize;
      },
    );
    return this.gauge(
      "ringup_database_bytes",
      "Size of the database file and its write-ahead log",
      [],
      () => {
        let size = statSync(file).size;
        try {
          size += statSync(`${file}-wal`).size;
        } catch {
          // No WAL file right now.
        }
        return size;
      },
    );
  }

  text(): Promise<string> {
    return this.registry.metrics();
  }
}

/** `GET /metrics`: the text exposition format, version 0.0.4. */
export function metricsRoute(metrics: ServerMetrics) {
  return new Elysia({ name: "ringup.metrics" }).get(
    "/metrics",
    async () =>
      new Response(await metrics.text(), { headers: { "content-type": metrics.registry.contentType } }),
    {
      detail: {
        summary:
          "Metrics in Prometheus text format: requests by route, and the server's figures (see docs/operations.md)",
      },
    },
  );
}
