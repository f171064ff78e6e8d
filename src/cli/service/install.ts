/**
 * `ringup service install|uninstall|status`: writes the mode's systemd unit, makes its system
 * user and data directory, and enables it; removes it again (keeping the data); lists the
 * installed units and whether each is active. Without a running systemd (a container, an image
 * being built) the unit is written and the commands to enable it are printed instead.
 */
import { chmodSync, chownSync, existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { isAbsolute, join, resolve } from "node:path";
import type { CliIo } from "../../shared/cli-io.ts";
import { ConfigError } from "../../shared/config.ts";
import {
  renderUnit,
  type ServiceMode,
  TILL_GROUPS,
  type UnitSpec,
  unitName,
  unitSpecSchema,
} from "./unit.ts";

/** What the service commands ask of the machine (a test may answer for it). */
export interface ServiceSystem {
  /** Whether systemd runs this machine (sd_booted: /run/systemd/system exists). */
  systemdRunning(): boolean;
  run(argv: readonly string[]): { code: number; output: string };
}

export const hostSystem: ServiceSystem = {
  systemdRunning: () => existsSync("/run/systemd/system"),
  run(argv) {
    const proc = Bun.spawnSync([...argv], { stdout: "pipe", stderr: "pipe" });
    return { code: proc.exitCode, output: `${proc.stdout.toString()}${proc.stderr.toString()}`.trim() };
  },
};

/** The command that runs this very program: the compiled binary, or the runtime and its entry script. */
export function ownCommand(): string[] {
  const main = Bun.main;
  // A compiled binary's entry lives in its own embedded file system (/$bunfs/…).
  const embedded = main.startsWith("/$bunfs/") || main.includes("~BUN");
  if (!embedded && /\.[cm]?[jt]sx?$/.test(main) && existsSync(main)) return [process.execPath, main];
  return [process.execPath];
}

export interface InstallOptions {
  mode: ServiceMode;
  config?: string | undefined;
  data?: string | undefined;
  user: string;
  tty: string;
  unitDir: string;
  dryRun: boolean;
  enable: boolean;
}

/** Places systemd's ProtectHome=yes hides from the service. */
const HIDDEN = [/^\/home(\/|$)/, /^\/root(\/|$)/, /^\/run\/user(\/|$)/];

function specOf(o: InstallOptions): UnitSpec {
  const abs = (p: string) => (isAbsolute(p) ? p : resolve(p));
  const data = abs(o.data ?? `/var/lib/ringup/${o.mode}`);
  const config = o.config === undefined ? undefined : abs(o.config);
  for (const [flag, path] of [
    ["--data", data],
    ["--config", config],
  ] as const) {
    if (path !== undefined && HIDDEN.some((re) => re.test(path))) {
      throw new ConfigError(
        `${flag} ${path} is in a home directory, which the service cannot see (ProtectHome=yes): use /etc/ringup for the configuration and /var/lib/ringup for the data`,
      );
    }
  }
  if (!o.dryRun && config !== undefined && !existsSync(config)) {
    throw new ConfigError(
      `--config ${config} does not exist: write the configuration first (see docs/configuration.md)`,
    );
  }
  const parsed = unitSpecSchema.safeParse({
    mode: o.mode,
    exec: ownCommand(),
    config,
    data,
    user: o.user,
    tty: o.tty,
  });
  if (!parsed.success) throw new ConfigError(parsed.error.issues.map((i) => i.message).join("; "));
  return parsed.data;
}

function must(system: ServiceSystem, argv: readonly string[], what: string): string {
  const result = system.run(argv);
  if (result.code !== 0) {
    throw new ConfigError(
      `${what} failed (${argv.join(" ")}): ${result.output || `exit code ${result.code}`}`,
    );
  }
  return result.output;
}

/** Makes the service's system user (no login shell, home = the data dir) unless it exists. */
function ensureUser(spec: UnitSpec, system: ServiceSystem, io: CliIo): void {
  if (system.run(["id", "-u", spec.user]).code === 0) {
    io.out(`user ${spec.user} exists: kept as it is`);
    return;
  }
  const nologin = ["/usr/sbin/nologin", "/sbin/nologin"].find((p) => existsSync(p)) ?? "/bin/false";
  must(
    system,
    [
      "useradd",
      "--system",
      "--user-group",
      "--home-dir",
      spec.data,
      "--no-create-home",
      "--shell",
      nologin,
      ...(spec.mode === "till" ? ["--groups", TILL_GROUPS.join(",")] : []),
      "--comment",
      `Ringup ${spec.mode}`,
      spec.user,
    ],
    `making the system user ${spec.user}`,
  );
  io.out(`made the system user ${spec.user} (no login shell, home ${spec.data})`);
}

/** The data dir, owned by the service's user and readable by it alone. */
function ensureDataDir(spec: UnitSpec, system: ServiceSystem): void {
  mkdirSync(spec.data, { recursive: true, mode: 0o700 });
  const uid = Number(must(system, ["id", "-u", spec.user], `looking up ${spec.user}`));
  const gid = Number(must(system, ["id", "-g", spec.user], `looking up ${spec.user}`));
  chownSync(spec.data, uid, gid);
  chmodSync(spec.data, 0o700);
}

function notRoot(err: unknown, path: string): never {
  const code = (err as { code?: string }).code;
  if (code === "EACCES" || code === "EPERM") {
    throw new ConfigError(`cannot write ${path}: run 'ringup service' as root (sudo)`);
  }
  throw err;
}

function enableHint(unit: string): string {
  return `systemctl daemon-reload && systemctl enable --now ${unit}`;
}

export function installService(o: InstallOptions, io: CliIo, system: ServiceSystem = hostSystem): void {
  const spec = specOf(o);
  const text = renderUnit(spec);
  const unit = unitName(spec.mode);
  if (o.dryRun) {
    io.out(text.trimEnd());
    return;
  }
  const path = join(o.unitDir, unit);
  try {
    mkdirSync(o.unitDir, { recursive: true });
    writeFileSync(path, text, { mode: 0o644 });
  } catch (err) {
    notRoot(err, path);
  }
  io.out(`wrote ${path}`);
  ensureUser(spec, system, io);
  ensureDataDir(spec, system);
  if (!o.enable) {
    io.out(`not enabled (--no-enable): to start it now and at every boot, run: ${enableHint(unit)}`);
    return;
  }
  if (!system.systemdRunning()) {
    io.out(
      `not enabled: systemd is not running on this machine. On the machine that runs it, start it now and at every boot with: ${enableHint(unit)}`,
    );
    return;
  }
  must(system, ["systemctl", "daemon-reload"], "systemctl daemon-reload");
  must(system, ["systemctl", "enable", "--now", unit], `enabling ${unit}`);
  io.out(`enabled and started ${unit}: follow its log with journalctl -u ${unit} -f`);
}

export interface UninstallOptions {
  mode: ServiceMode;
  unitDir: string;
  disable: boolean;
}

export function uninstallService(o: UninstallOptions, io: CliIo, system: ServiceSystem = hostSystem): void {
  const unit = unitName(o.mode);
  const path = join(o.unitDir, unit);
  if (!existsSync(path)) {
    io.out(`${unit} is not installed in ${o.unitDir}: nothing to remove`);
    return;
  }
  const withSystemd = o.disable && system.systemdRunning();
  if (withSystemd) must(system, ["systemctl", "disable", "--now", unit], `stopping and disabling ${unit}`);
  try {
    rmSync(path);
  } catch (err) {
    notRoot(err, path);
  }
  if (withSystemd) must(system, ["systemctl", "daemon-reload"], "systemctl daemon-reload");
  io.out(
    `removed ${path}${withSystemd ? " (stopped and disabled)" : ""}; the data directory and the user are kept`,
  );
  if (!withSystemd) {
    io.out(
      o.disable
        ? "systemd is not running on this machine: nothing was stopped"
        : `not stopped (--no-disable): run systemctl disable --now ${unit}`,
    );
  }
}

export interface UnitStatus {
  unit: string;
  path: string;
  active: string;
}

export function serviceStatus(unitDir: string, system: ServiceSystem = hostSystem): UnitStatus[] {
  const files = existsSync(unitDir) ? readdirSync(unitDir) : [];
  const running = system.systemdRunning();
  return files
    .filter((f) => /^ringup-[a-z]+\.service$/.test(f))
    .sort()
    .map((unit) => ({
      unit,
      path: join(unitDir, unit),
      // `systemctl is-active` prints active, inactive, failed, activating… (exit code aside).
      active: running
        ? system.run(["systemctl", "is-active", unit]).output.split("\n")[0] || "unknown"
        : "unknown (systemd is not running)",
    }));
}

export function printStatus(unitDir: string, io: CliIo, system: ServiceSystem = hostSystem): void {
  const units = serviceStatus(unitDir, system);
  if (units.length === 0) {
    io.out(`no ringup service is installed in ${unitDir}`);
    return;
  }
  for (const u of units) io.out(`${u.unit.padEnd(22)} ${u.active}`);
}
