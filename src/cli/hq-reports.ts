/**
 * `ringup hq reports rebuild --data DIR [--database URL]`: rebuilds head office's report summaries from the
 * detail rows (sales, voids, returns) in one transaction, with progress on stderr. Safe while
 * head office runs: ingest waits for the transaction and goes on from the rebuilt tables.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { rebuildSummaries } from "../hq/analytics/rebuild.ts";
import { openHq } from "../hq/open.ts";
import type { CliIo } from "../shared/cli-io.ts";
import { ConfigError } from "../shared/config.ts";

export function rebuildReportSummaries(data: string | undefined, io: CliIo, database?: string): void {
  if (data === undefined) throw new ConfigError("give head office's data directory with --data <dir>");
  if (database === undefined && !existsSync(join(data, "hq.db"))) {
    throw new ConfigError(`no head office database in ${data}: give the directory 'ringup hq --data' uses`);
  }
  const ctx = openHq(data, { log: (line) => io.err(line), database });
  try {
    const r = rebuildSummaries(ctx.sqlite, ctx.now(), (p) =>
      io.err(`reports: summaries: ${p.done}/${p.total} documents`),
    );
    io.out(`rebuilt the report summaries from ${r.sales} sales and ${r.returns} returns`);
  } finally {
    ctx.sqlite.close();
  }
}
