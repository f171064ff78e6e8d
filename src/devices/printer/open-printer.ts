/**
 * Opens a receipt printer from its URI:
 *   tcp://10.0.0.5:9100        network printer (raw TCP, port 9100 by default)
 *   file:/dev/usb/lp0          USB printer device file (no status read-back)
 *   serial:/dev/ttyS0?baud=38400
 *   sim:                       simulated printer in memory (demos, tests)
 * Parameters: width=58|80 (paper, default 80), columns=24..64 (overrides width),
 * codepages=pc437,pc858,pc857,pc866,wpc1252,wpc1251[,kz1048] (the pages the printer has),
 * status=auto|off|required, timeoutMs, drawerPin=2|5, qr=native|raster (raster for a printer
 * without the QR command GS ( k); serial lines also baud, dataBits,
 * parity, stopBits; the simulator also paper=out|low and power=off.
 */
import { z } from "zod";
import { CODE_PAGE_NAMES, type CodePageName } from "../escpos/code-pages.ts";
import { decodeEscPos } from "../escpos/decode.ts";
import { PrinterEmulator } from "../escpos/printer-emulator.ts";
import { SerialLine } from "../io/serial-line.ts";
import {
  integerParam,
  parseDeviceUri,
  parseParams,
  serialParams,
  serialSettings,
  timeoutParam,
} from "../uri.ts";
import { EscPosPrinter, type EscPosPrinterOptions } from "./escpos-printer.ts";
import type { ReceiptPrinter } from "./printer.ts";
import { emulatorTransport, fileTransport, serialTransport, tcpTransport } from "./transports.ts";

const codePagesParam = z
  .string()
  .transform((value) => value.split(",").map((page) => page.trim().toLowerCase()))
  .pipe(
    z
      .array(z.enum(CODE_PAGE_NAMES, { error: `lists pages from ${CODE_PAGE_NAMES.join(", ")}` }))
      .min(1, "lists at least one page"),
  );

const common = {
  width: z.enum(["58", "80"], { error: "must be 58 or 80 (mm)" }).optional(),
  columns: integerParam(24, 64).optional(),
  codepages: codePagesParam.optional(),
  status: z.enum(["auto", "off", "required"], { error: "must be auto, off or required" }).optional(),
  timeoutMs: timeoutParam.optional(),
  drawerPin: z.enum(["2", "5"], { error: "must be 2 or 5" }).transform(Number).optional(),
  qr: z.enum(["native", "raster"], { error: "must be native or raster" }).optional(),
};

const networkParams = z.strictObject(common);
const serialPrinterParams = z.strictObject({
  ...common,
  ...serialParams,
  reconnectMs: integerParam(10, 60_000).optional(),
});
const simParams = z.strictObject({
  ...common,
  paper: z.enum(["ok", "low", "out"], { error: "must be ok, low or out" }).default("ok"),
  power: z.enum(["on", "off"], { error: "must be on or off" }).default("on"),
});

export interface OpenPrinterOptions {
  /** Paper width when the URI does not say (default 80 mm). */
  paperWidthMm?: 58 | 80;
  codePages?: readonly CodePageName[];
  timeoutMs?: number;
  retryMinMs?: number;
  retryMaxMs?: number;
}

/** A printer in memory with a real ESC/POS byte stream: switch it off, take away its paper. */
export class SimulatedPrinter extends EscPosPrinter {
  constructor(
    readonly emulator: PrinterEmulator,
    /** Switch the simulated printer off (`power.on = false`) to see the queue at work. */
    readonly power: { on: boolean },
    options: EscPosPrinterOptions,
  ) {
    super(emulatorTransport(emulator, power), options);
  }

  /** The text on the paper so far. */
  paperText(): string {
    return decodeEscPos(this.emulator.output()).lines.join("\n");
  }
}

function baseOptions(
  params: z.infer<typeof networkParams>,
  options: OpenPrinterOptions,
): EscPosPrinterOptions {
  const width = params.width === undefined ? (options.paperWidthMm ?? 80) : Number(params.width);
  const result: EscPosPrinterOptions = { columns: params.columns ?? (width === 58 ? 32 : 48) };
  const codePages = params.codepages ?? options.codePages;
  if (codePages !== undefined) result.codePages = codePages;
  if (params.status !== undefined) result.status = params.status;
  const timeoutMs = params.timeoutMs ?? options.timeoutMs;
  if (timeoutMs !== undefined) result.timeoutMs = timeoutMs;
  if (params.drawerPin !== undefined) result.drawerPin = params.drawerPin === 5 ? 5 : 2;
  if (params.qr === "raster") result.nativeQr = false;
  if (options.retryMinMs !== undefined) result.retryMinMs = options.retryMinMs;
  if (options.retryMaxMs !== undefined) result.retryMaxMs = options.retryMaxMs;
  return result;
}

export function openPrinter(uri: string, options: OpenPrinterOptions = {}): ReceiptPrinter {
  const address = parseDeviceUri("printer", uri);
  switch (address.scheme) {
    case "tcp": {
      const params = parseParams("printer", uri, networkParams, address.params);
      const driver = baseOptions(params, options);
      return new EscPosPrinter(tcpTransport(address.host, address.port, driver.timeoutMs ?? 2000), driver);
    }
    case "file": {
      const params = parseParams("printer", uri, networkParams, address.params);
      return new EscPosPrinter(fileTransport(address.path), baseOptions(params, options));
    }
    case "serial": {
      const params = parseParams("printer", uri, serialPrinterParams, address.params);
      const driver = baseOptions(params, options);
      const settings = serialSettings({ baudRate: 9600, dataBits: 8, parity: "none", stopBits: 1 }, params);
      const line = new SerialLine(address.path, {
        settings,
        ...(params.reconnectMs !== undefined ? { reconnectMs: params.reconnectMs } : {}),
      });
      return new EscPosPrinter(serialTransport(line, driver.timeoutMs ?? 2000), driver);
    }
    default: {
      const params = parseParams("printer", uri, simParams, address.params);
      const emulator = new PrinterEmulator();
      emulator.status.paperOut = params.paper === "out";
      emulator.status.paperNearEnd = params.paper === "low";
      return new SimulatedPrinter(
        emulator,
        { on: params.power === "on" },
        { ...baseOptions(params, options), timeoutMs: 200 },
      );
    }
  }
}
