/**
 * `ringup hq --database URL` (or RINGUP_DATABASE): `sqlite:PATH`, `postgres://…` /
 * `postgresql://…`, or nothing for `hq.db` under `--data`.
 */
import { join } from "node:path";

export type HqDatabaseTarget = { kind: "sqlite"; path: string } | { kind: "postgres"; url: string };

export function hqDatabaseTarget(dataDir: string, database: string | undefined): HqDatabaseTarget {
  if (database === undefined || database === "") return { kind: "sqlite", path: join(dataDir, "hq.db") };
  if (/^postgres(ql)?:\/\//.test(database)) return { kind: "postgres", url: database };
  if (database.startsWith("sqlite:")) {
    const path = database.slice("sqlite:".length).replace(/^\/\/(?=\/)/, "");
    if (path === "") throw new Error("--database sqlite: needs a path, e.g. sqlite:/var/lib/ringup/hq.db");
    return { kind: "sqlite", path };
  }
  throw new Error(`--database ${database}: give sqlite:PATH or postgres://USER@HOST:PORT/DATABASE`);
}

/** The database's URL with any password hidden, for logs. */
export function describeDatabase(target: HqDatabaseTarget): string {
  if (target.kind === "sqlite") return target.path;
  const u = new URL(target.url);
  if (u.password) u.password = "***";
  return u.toString();
}
