/** The `ringup service` commands; their implementation loads only when one runs. */
import { type Command, Option } from "commander";
import type { CliIo } from "../../shared/cli-io.ts";
import { DEFAULT_TTY, DEFAULT_UNIT_DIR, DEFAULT_USER, SERVICE_MODES, type ServiceMode } from "./unit.ts";

const modeOption = () =>
  new Option("--mode <mode>", "which part runs as the service").choices(SERVICE_MODES).makeOptionMandatory();
const unitDirOption = () => new Option("--unit-dir <dir>", "where unit files live").default(DEFAULT_UNIT_DIR);

export function serviceCommands(program: Command, io: CliIo): void {
  const service = program
    .command("service")
    .description("run the till, store or head office as a systemd service");
  service
    .command("install")
    .description(
      "write the systemd unit ringup-MODE.service, make its system user and data directory, enable and start it",
    )
    .addOption(modeOption())
    .option("--config <file>", "the mode's TOML configuration (e.g. /etc/ringup/store.toml)")
    .option("--data <dir>", "data directory (default /var/lib/ringup/MODE)")
    .option("--user <name>", "system user the service runs as (made unless it exists)", DEFAULT_USER)
    .option("--tty <ttyN>", "text console of the till's kiosk", DEFAULT_TTY)
    .addOption(unitDirOption())
    .option("--dry-run", "print the unit and change nothing")
    .option("--no-enable", "write the unit but do not enable or start it")
    .action(
      async (o: {
        mode: ServiceMode;
        config?: string;
        data?: string;
        user: string;
        tty: string;
        unitDir: string;
        dryRun?: boolean;
        enable: boolean;
      }) => {
        const { installService } = await import("./install.ts");
        installService({ ...o, dryRun: o.dryRun === true }, io);
      },
    );
  service
    .command("uninstall")
    .description("stop and disable the service and remove its unit (the data and the user are kept)")
    .addOption(modeOption())
    .addOption(unitDirOption())
    .option("--no-disable", "only remove the unit file (do not call systemctl)")
    .action(async (o: { mode: ServiceMode; unitDir: string; disable: boolean }) => {
      const { uninstallService } = await import("./install.ts");
      uninstallService(o, io);
    });
  service
    .command("status")
    .description("each installed ringup unit and whether it is active")
    .addOption(unitDirOption())
    .action(async (o: { unitDir: string }) => {
      const { printStatus } = await import("./install.ts");
      printStatus(o.unitDir, io);
    });
}
