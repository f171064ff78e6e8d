/**
 * `ringup hq tenant create|list|suspend|resume|export --data DIR`: tenants of head office, each
 * with its own database under DIR/tenants/<id>/ (on PostgreSQL, `--database URL`: its own database on that server). Works on the data directory directly, with head
 * office stopped or running (a running head office picks the changes up within seconds).
 */
import { existsSync } from "node:fs";
import { TenantError } from "../hq/tenants/errors.ts";
import { createTenant, exportTenant, listTenants, setTenantStatus } from "../hq/tenants/service.ts";
import type { CliIo } from "../shared/cli-io.ts";
import { ConfigError } from "../shared/config.ts";

export type TenantCommand = "create" | "list" | "suspend" | "resume" | "export";

export interface TenantArgs {
  id?: string;
  json?: boolean;
  out?: string;
  /** Head office's `--database` (RINGUP_DATABASE): on PostgreSQL, tenants' databases are on its server. */
  database?: string | undefined;
}

function dataDirOf(data: string | undefined): string {
  if (data === undefined) throw new ConfigError("give head office's data directory with --data <dir>");
  if (!existsSync(data))
    throw new ConfigError(`${data} does not exist: give the directory 'ringup hq --data' uses`);
  return data;
}

function need<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new ConfigError(`give ${what}`);
  return value;
}

export function runTenant(
  command: TenantCommand,
  data: string | undefined,
  args: TenantArgs,
  io: CliIo,
): void {
  const dir = dataDirOf(data);
  const now = new Date();
  try {
    switch (command) {
      case "create": {
        const id = need(args.id, "the tenant's id");
        const made = createTenant(dir, id, now, args.database);
        io.out(`tenant ${id} created; its admin token (shown once, keep it safe):`);
        io.out(made.token);
        io.out(`NATS accounts of every tenant: ${made.natsConf} (reload nats-server to let them in)`);
        return;
      }
      case "list": {
        const tenants = listTenants(dir, args.database);
        if (args.json) {
          io.out(JSON.stringify({ tenants }));
          return;
        }
        if (tenants.length === 0) io.out("no tenants: 'ringup hq tenant create ID' adds one");
        for (const t of tenants) io.out(`${t.id}\t${t.status}\t${t.createdAt}\t${t.bytes} bytes`);
        return;
      }
      case "suspend":
      case "resume": {
        const id = need(args.id, "the tenant's id");
        const entry = setTenantStatus(dir, id, command === "suspend" ? "suspended" : "active", now);
        io.out(`tenant ${entry.id} is ${entry.status}`);
        return;
      }
      case "export": {
        const id = need(args.id, "the tenant's id");
        const done = exportTenant(
          dir,
          id,
          need(args.out, "the file to write with --out FILE"),
          args.database,
        );
        io.out(`tenant ${id} exported to ${done.path} (${done.bytes} bytes, verified)`);
        return;
      }
    }
  } catch (err) {
    // The code too: scripts of an operator test it.
    if (err instanceof TenantError) throw new TenantError(err.code, `${err.code}: ${err.message}`);
    throw err;
  }
}
