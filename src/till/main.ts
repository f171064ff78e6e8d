/**
 * `ringup till`: opens the till's data layer and devices, then runs the fullscreen Ink app on
 * the terminal until the cashier quits from the log-in screen (Ctrl+C there) or the process
 * is told to stop. Till-only settings come from the same TOML file (`--config`):
 *
 *   idleLockSeconds = 300          # lock after this long without a key; 0 never
 *   [keymap]                        # see docs/till-keymap.md
 *   "line.void" = ["f3", "ctrl+v"]
 */

import { join } from "node:path";
import { z } from "zod";
import { DomainError } from "../core/errors.ts";
import type {
  CashDrawer,
  CustomerDisplay,
  PaymentTerminal,
  ReceiptPrinter,
  Scale,
  Scanner,
} from "../devices/index.ts";
import type { FiscalRegistrar } from "../devices/registrar/registrar.ts";
import { ConfigError } from "../shared/config.ts";
import { createLogger, type LogLevel, log, setProcessLogger } from "../shared/log.ts";
import { TillController } from "./app/controller.ts";
import type { SaleSigner } from "./app/fiscal-signing.ts";
import { createTillServices, pairTill } from "./data/index.ts";
import { createTranslator } from "./i18n/index.ts";
import { buildKeymap, parseKeymapOverrides } from "./keys/keymap.ts";
import { GarbagePolicy } from "./runtime/index.ts";
import { mountTill } from "./ui/mount.ts";
import { VideoFeed } from "./video/feed.ts";

export interface TillRunOptions {
  server: string;
  tillId: string;
  data: string;
  printer?: string | undefined;
  scale?: string | undefined;
  display?: string | undefined;
  /** The card terminal's URI: `sim:…`, or `standalone:` (no terminal connected: the cashier confirms). */
  payment?: string | undefined;
  /** A second card terminal's URI (`sim:…`): Ctrl+Z in payment charges it. */
  payment2?: string | undefined;
  /** Serial scanners (`serial:PATH…`, `sim:`): either one rings items. */
  scanner?: string | undefined;
  scanner2?: string | undefined;
  /** The scale port of a scanner-scale: weighs when no `scale` is given. */
  scannerScale?: string | undefined;
  /** The fiscal signature device's URI (`tcp://HOST:PORT`). */
  signature?: string | undefined;
  /** The fiscal printer's URI (`tcp://HOST:PORT`). */
  registrar?: string | undefined;
  lang: "en" | "ru" | "fr" | "az";
  pair?: string | undefined;
  ca?: string | undefined;
  /** `--log-level`: the till's lines go to `till.log` in its data dir, never to its screen. */
  logLevel?: LogLevel | undefined;
  [key: string]: unknown;
}

async function readCa(path: string | undefined): Promise<string | undefined> {
  if (path === undefined) return undefined;
  const file = Bun.file(path);
  if (!(await file.exists()))
    throw new ConfigError(`--ca ${path} does not exist: give the CA certificate (PEM)`);
  return file.text();
}

/** `ringup till --pair CODE`: pairs the till with its store, prints what it trusts, and exits. */
async function runPairing(options: TillRunOptions, code: string, io: TillIo): Promise<void> {
  const paired = await pairTill({
    server: options.server,
    tillId: options.tillId,
    dataDir: options.data,
    code,
    ca: await readCa(options.ca),
  });
  io.out(
    [
      `till ${options.tillId} is paired with store ${paired.storeId} at ${options.server}; its token is kept in ${options.data}`,
      ...(paired.certificateSha256
        ? [`  it trusts the store's certificate SHA-256 ${paired.certificateSha256}`]
        : [
            "  warning: plain HTTP: start the store with --tls-self-signed and pair again to protect PINs and tokens",
          ]),
      "  start the till without --pair",
    ].join("\n"),
  );
}

export interface TillIo {
  out(text: string): void;
  err(text: string): void;
}

class NoTerminalError extends DomainError {
  readonly code = "NO_TERMINAL";
}

const tillSettingsSchema = z.object({
  idleLockSeconds: z.coerce
    .number({ error: "must be a number of seconds" })
    .int("must be whole seconds")
    .min(0, "must be 0 (never) or more")
    .max(86_400, "must be at most 86400 (a day)")
    .default(300),
  keymap: z.unknown().optional(),
});

/** The till-only settings of the config, checked before anything opens. */
export function tillSettings(options: Record<string, unknown>) {
  const parsed = tillSettingsSchema.safeParse(options);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ConfigError(
      `invalid configuration:\n  ${issue?.path.join(".") ?? "till"}: ${issue?.message ?? "invalid"}`,
    );
  }
  try {
    return {
      idleLockMs: parsed.data.idleLockSeconds * 1000,
      keymap: buildKeymap(parseKeymapOverrides(parsed.data.keymap)),
    };
  } catch (err) {
    if (err instanceof DomainError) throw new ConfigError(`invalid configuration:\n  ${err.message}`);
    throw err;
  }
}

interface OpenDevices {
  printer?: ReceiptPrinter;
  scale?: Scale;
  display?: CustomerDisplay;
  drawer?: CashDrawer;
  payment?: PaymentTerminal;
  payment2?: PaymentTerminal;
  scanners?: Scanner[];
  signer?: SaleSigner;
  registrar?: FiscalRegistrar;
  videoFeed?: VideoFeed;
}

/**
 * The connected card terminal, if any. `standalone:` names a terminal the till does not talk to:
 * the till asks the cashier whether it approved, as it does with no `--payment` at all.
 */
async function openCardTerminal(uri: string): Promise<PaymentTerminal | undefined> {
  const { openPaymentTerminal, parseDeviceUri } = await import("../devices/index.ts");
  if (parseDeviceUri("payment", uri).scheme === "standalone") return undefined;
  return openPaymentTerminal(uri);
}

/** The fiscal signature device (a bad URI stops the till with its reason). */
async function openSigner(uri: string): Promise<SaleSigner> {
  const { TcpSignatureDevice } = await import("../devices/signature/signature-device.ts");
  const { SaleSigner } = await import("./app/fiscal-signing.ts");
  try {
    return new SaleSigner(new TcpSignatureDevice(uri));
  } catch (err) {
    throw new ConfigError(`--signature: ${err instanceof Error ? err.message : String(err)}`);
  }
}

/** The fiscal printer (a bad URI stops the till with its reason). */
async function openRegistrar(uri: string): Promise<FiscalRegistrar> {
  const { TcpFiscalRegistrar } = await import("../devices/registrar/registrar.ts");
  try {
    return new TcpFiscalRegistrar(uri);
  } catch (err) {
    throw new ConfigError(`--registrar: ${err instanceof Error ? err.message : String(err)}`);
  }
}

/**
 * A till's second card terminal, its serial scanners and a scanner-scale's scale port (used
 * when no `scale` is given: the scanner-scale is then the till's scale).
 */
async function openMoreDevices(
  options: Pick<TillRunOptions, "payment2" | "scanner" | "scanner2" | "scannerScale" | "scale">,
): Promise<Pick<OpenDevices, "payment2" | "scanners" | "scale">> {
  const more: Pick<OpenDevices, "payment2" | "scanners" | "scale"> = {};
  if (options.payment2) {
    const payment2 = await openCardTerminal(options.payment2);
    if (payment2 !== undefined) more.payment2 = payment2;
  }
  const scannerUris = [options.scanner, options.scanner2].filter((uri): uri is string => !!uri);
  if (scannerUris.length === 0 && !options.scannerScale) return more;
  const { openScale, openScanner } = await import("../devices/index.ts");
  if (scannerUris.length > 0) more.scanners = scannerUris.map((uri) => openScanner(uri));
  if (options.scannerScale && !options.scale) more.scale = openScale(options.scannerScale);
  return more;
}

/** Loads the drivers (serial ports, ESC/POS) only for the devices configured. */
export async function openDevices(
  options: Pick<
    TillRunOptions,
    | "printer"
    | "scale"
    | "display"
    | "payment"
    | "payment2"
    | "scanner"
    | "scanner2"
    | "scannerScale"
    | "signature"
    | "registrar"
  >,
  locale: string,
): Promise<OpenDevices> {
  const devices: OpenDevices = {};
  if (options.signature) devices.signer = await openSigner(options.signature);
  if (options.registrar) devices.registrar = await openRegistrar(options.registrar);
  if (options.payment) {
    const payment = await openCardTerminal(options.payment);
    if (payment !== undefined) devices.payment = payment;
  }
  Object.assign(devices, await openMoreDevices(options));
  if (!options.printer && !options.scale && !options.display) return devices;
  const { openDisplay, openPrinter, openScale, printerDrawer } = await import("../devices/index.ts");
  if (options.printer) {
    devices.printer = openPrinter(options.printer);
    devices.drawer = printerDrawer(devices.printer);
  }
  if (options.scale) devices.scale = openScale(options.scale);
  if (options.display) devices.display = openDisplay(options.display, { locale });
  return devices;
}

async function closeDevices(devices: OpenDevices): Promise<void> {
  await Promise.allSettled([
    devices.printer?.close(),
    devices.scale?.close(),
    devices.display?.close(),
    devices.payment?.close(),
    devices.payment2?.close(),
    ...(devices.scanners ?? []).map((scanner) => scanner.close()),
  ]);
  await devices.videoFeed?.close();
}

/** The video feed's queue, in the till's data dir. */

/** The till's log, in its data dir. */
export const TILL_LOG_FILE = "till.log";

export async function runTill(options: TillRunOptions, io: TillIo): Promise<void> {
  if (options.pair !== undefined) {
    await runPairing(options, options.pair, io);
    return;
  }
  const { idleLockMs, keymap } = tillSettings(options);
  if (!process.stdin.isTTY || !process.stdout.isTTY) {
    throw new NoTerminalError(
      "the till needs a terminal (a text console, tmux or a terminal window); run it there, not with input or output redirected",
    );
  }
  // The terminal is the cashier's screen: the log is a file beside the till's database.
  setProcessLogger(
    createLogger({
      mode: "till",
      level: options.logLevel ?? "info",
      sink: { kind: "file", path: join(options.data, TILL_LOG_FILE) },
    }),
  );
  log().info({ tillId: options.tillId, server: options.server }, `till ${options.tillId} starting`);
  const services = await createTillServices({
    server: options.server,
    tillId: options.tillId,
    dataDir: options.data,
    ca: await readCa(options.ca),
  });
  const settings = services.settings();
  const locale = createTranslator({
    lang: options.lang,
    currency: settings.currency,
    storeLocale: settings.locale,
    keymap,
  }).locale;
  let devices: OpenDevices = {};
  let instance: ReturnType<typeof mountTill> | undefined;
  const garbage = new GarbagePolicy();
  const controller = new TillController({
    services,
    keymap,
    lang: options.lang,
    idleLockMs,
    garbage,
    onQuit: () => instance?.unmount(),
  });
  instance = mountTill(controller, { alternateScreen: true, patchConsole: true });
  const stop = () => instance?.unmount();
  process.on("SIGTERM", stop);
  process.on("SIGHUP", stop);
  controller.start();
  try {
    // The log-in screen is up; now the devices (a bad device URI stops the till with its reason).
    devices = await openDevices(options, locale);
    // The video feed follows the store's [[videoFeeds]] as the till hears them (none: nothing kept).
    devices.videoFeed = new VideoFeed({
      queue: services.videoQueue,
      tillId: options.tillId,
      feeds: () => services.settings().videoFeeds,
    });
    controller.attachDevices(devices);
    await instance.waitUntilExit();
  } catch (err) {
    log().error({ err }, `till ${options.tillId} stopped on an error`);
    instance.unmount();
    throw err;
  } finally {
    process.off("SIGTERM", stop);
    process.off("SIGHUP", stop);
    controller.dispose();
    const pending = services.status().pending;
    await closeDevices(devices);
    await services.close();
    log().info({ tillId: options.tillId, pending }, `till ${options.tillId} closed`);
    io.out(
      pending > 0
        ? `till ${options.tillId} closed; ${pending} sale(s) wait in ${options.data} and are sent at the next start`
        : `till ${options.tillId} closed`,
    );
  }
}
