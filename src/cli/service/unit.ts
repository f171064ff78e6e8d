/**
 * The systemd units of `ringup service install`: a hardened service for the store and head
 * office, and for the till a kiosk on a text console that takes the console's place at boot.
 */
import { z } from "zod";

export const SERVICE_MODES = ["till", "store", "hq"] as const;
export type ServiceMode = (typeof SERVICE_MODES)[number];

export const DEFAULT_UNIT_DIR = "/etc/systemd/system";
export const DEFAULT_USER = "ringup";
export const DEFAULT_TTY = "tty1";
/** Groups the till's user needs: serial scanners and scales, printers, its console. */
export const TILL_GROUPS = ["dialout", "lp", "tty"] as const;

const absolute = (what: string) =>
  z.string().refine((p) => p.startsWith("/"), `${what} must be an absolute path`);

export const unitSpecSchema = z.object({
  mode: z.enum(SERVICE_MODES),
  /** The command that runs ringup: the binary's own path (or the runtime and the entry script). */
  exec: z.array(absolute("the ringup program")).min(1),
  config: absolute("--config").optional(),
  data: absolute("--data"),
  user: z
    .string()
    .regex(/^[a-z_][a-z0-9_-]{0,31}$/, "--user must be a system user name such as ringup (lower case)")
    .refine(
      (u) => u !== "root" && u !== "nobody",
      "--user must be a user of its own: root defeats the hardening, and nobody is shared by other services",
    ),
  tty: z.string().regex(/^tty[0-9]{1,2}$/, "--tty must name a text console such as tty1"),
});
export type UnitSpec = z.infer<typeof unitSpecSchema>;

export function unitName(mode: ServiceMode): string {
  return `ringup-${mode}.service`;
}

const DESCRIPTIONS: Record<ServiceMode, string> = {
  store: "Ringup store server",
  hq: "Ringup head office",
  till: "Ringup till",
};

/** A systemd command-line word, quoted when it holds a space, a quote or a specifier. */
function word(value: string): string {
  const escaped = value.replaceAll("%", "%%");
  if (!/[\s"'\\;$]/.test(escaped)) return escaped;
  return `"${escaped.replaceAll("\\", "\\\\").replaceAll('"', '\\"')}"`;
}

function execStart(spec: UnitSpec): string {
  const args = [
    ...spec.exec,
    spec.mode,
    ...(spec.config ? ["--config", spec.config] : []),
    "--data",
    spec.data,
  ];
  return args.map(word).join(" ");
}

/**
 * The data directory made writable: a `StateDirectory=` (systemd makes it and gives it to the
 * user) when it lies under /var/lib, otherwise `ReadWritePaths=`.
 */
function dataDirectory(data: string): string[] {
  const under = /^\/var\/lib\/(.+?)\/*$/.exec(data)?.[1];
  return under ? [`StateDirectory=${under}`, "StateDirectoryMode=0700"] : [`ReadWritePaths=${data}`];
}

const HARDENING = [
  "NoNewPrivileges=yes",
  "ProtectSystem=strict",
  "ProtectHome=yes",
  "PrivateTmp=yes",
  "ProtectKernelTunables=yes",
  "ProtectControlGroups=yes",
  "RestrictAddressFamilies=AF_INET AF_INET6 AF_UNIX",
  "LockPersonality=yes",
  "# MemoryDenyWriteExecute= is left out on purpose: Bun's JavaScript JIT maps memory that is",
  "# writable and executable, which that option forbids (ringup would crash at start).",
];

function serverUnit(spec: UnitSpec): string[] {
  return [
    "[Unit]",
    `Description=${DESCRIPTIONS[spec.mode]}`,
    "Wants=network-online.target",
    `After=network-online.target${spec.mode === "hq" ? " nats-server.service" : ""}`,
    "",
    "[Service]",
    "Type=simple",
    `User=${spec.user}`,
    `ExecStart=${execStart(spec)}`,
    `WorkingDirectory=${spec.data}`,
    "Restart=on-failure",
    "RestartSec=2",
    // The server finishes in-flight requests and closes its database on SIGTERM.
    "TimeoutStopSec=30",
    ...dataDirectory(spec.data),
    "UMask=0077",
    ...HARDENING,
    "StandardOutput=journal",
    "StandardError=journal",
    `SyslogIdentifier=ringup-${spec.mode}`,
    "",
    "[Install]",
    "WantedBy=multi-user.target",
  ];
}

function tillUnit(spec: UnitSpec): string[] {
  const getty = `getty@${spec.tty}.service`;
  return [
    "[Unit]",
    `Description=${DESCRIPTIONS.till} on /dev/${spec.tty}`,
    // The till takes the console's place: no login prompt, no login shell.
    `Conflicts=${getty}`,
    `After=systemd-user-sessions.service network-online.target ${getty}`,
    "Wants=network-online.target",
    "",
    "[Service]",
    "Type=simple",
    `User=${spec.user}`,
    `SupplementaryGroups=${TILL_GROUPS.join(" ")}`,
    `ExecStart=${execStart(spec)}`,
    `WorkingDirectory=${spec.data}`,
    "Environment=TERM=linux",
    "StandardInput=tty",
    "StandardOutput=tty",
    "StandardError=journal",
    `TTYPath=/dev/${spec.tty}`,
    "TTYReset=yes",
    "TTYVHangup=yes",
    "TTYVTDisallocate=yes",
    "Restart=always",
    "RestartSec=1",
    ...dataDirectory(spec.data),
    "UMask=0077",
    ...HARDENING,
    `SyslogIdentifier=ringup-till`,
    "",
    "[Install]",
    "WantedBy=multi-user.target",
  ];
}

/** The unit file's text. */
export function renderUnit(spec: UnitSpec): string {
  const lines = spec.mode === "till" ? tillUnit(spec) : serverUnit(spec);
  return `# Written by 'ringup service install --mode ${spec.mode}'; 'ringup service uninstall --mode ${spec.mode}' removes it.\n${lines.join("\n")}\n`;
}
