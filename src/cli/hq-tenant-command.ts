/** The `ringup hq tenant …` commands (their work is in hq-tenant.ts, loaded when one runs). */
import type { Command } from "commander";
import type { CliIo } from "../shared/cli-io.ts";
import type { TenantArgs, TenantCommand } from "./hq-tenant.ts";

const DATABASE_HELP =
  "head office's --database (also RINGUP_DATABASE): on postgres://…/NAME each tenant's database is NAME_t_<id> on that server";

export function addTenantCommands(hq: Command, io: CliIo): void {
  const tenant = hq
    .command("tenant")
    .description("tenants of head office, each with its own database, tokens and NATS account");
  const runTenant = async (command: TenantCommand, cmd: Command, args: TenantArgs) => {
    // `--data` and `--database` are also head office's own options: commander hands them to the parent.
    const globals = cmd.optsWithGlobals() as { data?: string; database?: string };
    const database = globals.database ?? (process.env.RINGUP_DATABASE || undefined);
    (await import("./hq-tenant.ts")).runTenant(command, globals.data, { ...args, database }, io);
  };
  tenant
    .command("create <id>")
    .description("create a tenant (lowercase letters, digits, dashes); prints its admin token once")
    .option("--data <dir>", "head office's data directory (required)")
    .option("--database <url>", DATABASE_HELP)
    .action((id: string, _o: unknown, cmd: Command) => runTenant("create", cmd, { id }));
  tenant
    .command("list")
    .description("every tenant: id, status, created, database size")
    .option("--data <dir>", "head office's data directory (required)")
    .option("--database <url>", DATABASE_HELP)
    .option("--json", "print machine-readable JSON")
    .action((o: { json?: boolean }, cmd: Command) => runTenant("list", cmd, { json: o.json === true }));
  for (const [name, description] of [
    ["suspend", "refuse the tenant's tokens (403 TENANT_SUSPENDED) and stop its work; its data is kept"],
    ["resume", "serve a suspended tenant again"],
  ] as const) {
    tenant
      .command(`${name} <id>`)
      .description(description)
      .option("--data <dir>", "head office's data directory (required)")
      .option("--database <url>", DATABASE_HELP)
      .action((id: string, _o: unknown, cmd: Command) => runTenant(name, cmd, { id }));
  }
  tenant
    .command("export <id>")
    .description("write a verified copy of the tenant's database (safe while head office runs)")
    .option("--data <dir>", "head office's data directory (required)")
    .option("--database <url>", DATABASE_HELP)
    .requiredOption("--out <file>", "the file to write (must not exist)")
    .action((id: string, o: { out: string }, cmd: Command) => runTenant("export", cmd, { id, out: o.out }));
}
