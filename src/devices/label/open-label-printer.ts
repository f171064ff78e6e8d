/**
 * Opens a label printer from its URI, with the printer's language as a parameter:
 *   tcp://10.0.0.7:9100?language=zpl           network label printer (raw port 9100)
 *   file:/dev/usb/lp1?language=tspl            USB label printer (device file)
 *   serial:/dev/ttyUSB1?language=escpos&baud=9600
 *   sim:?language=zpl                          labels kept in memory (demos, tests)
 * Parameters: language = zpl (Zebra ZPL II, default), tspl (TSPL/TSPL2) or escpos (ESC/POS
 * page mode); dpi = 203 (default) or 300; timeoutMs; serial lines also baud, dataBits, parity,
 * stopBits. ZPL and TSPL printers are sent the job without status requests; an ESC/POS printer
 * is asked for its status first, as a receipt printer is.
 */
import { z } from "zod";
import type { LabelLayout, LabelPrinter } from "../../core/labels/index.ts";
import { SerialLine } from "../io/serial-line.ts";
import {
  deliver,
  fileTransport,
  type PrinterTransport,
  serialTransport,
  tcpTransport,
} from "../printer/transports.ts";
import { parseDeviceUri, parseParams, serialParams, serialSettings, timeoutParam } from "../uri.ts";
import { renderEscPosLabels } from "./escpos-label.ts";
import { renderTspl } from "./tspl.ts";
import { renderZpl } from "./zpl.ts";

export const LABEL_LANGUAGES = ["zpl", "tspl", "escpos"] as const;
export type LabelLanguage = (typeof LABEL_LANGUAGES)[number];

const common = {
  language: z.enum(LABEL_LANGUAGES, { error: `must be ${LABEL_LANGUAGES.join(", ")}` }).default("zpl"),
  dpi: z.enum(["203", "300"], { error: "must be 203 or 300" }).default("203"),
  timeoutMs: timeoutParam.optional(),
};
const plainParams = z.strictObject(common);
const serialLabelParams = z.strictObject({ ...common, ...serialParams });

export function renderLabels(
  language: LabelLanguage,
  layouts: readonly LabelLayout[],
  locale: string,
): Uint8Array {
  switch (language) {
    case "zpl":
      return renderZpl(layouts);
    case "tspl":
      return renderTspl(layouts);
    default:
      return renderEscPosLabels(layouts, locale);
  }
}

class TransportLabelPrinter implements LabelPrinter {
  readonly description: string;
  constructor(
    private readonly transport: PrinterTransport,
    readonly language: LabelLanguage,
    readonly dpmm: number,
    private readonly timeoutMs: number,
  ) {
    this.description = `${transport.description} (${language})`;
  }

  async print(layouts: readonly LabelLayout[], locale: string): Promise<void> {
    const bytes = renderLabels(this.language, layouts, locale);
    const status = this.language === "escpos" && this.transport.readsStatus ? "auto" : "off";
    await deliver(this.transport, bytes, { status, timeoutMs: this.timeoutMs });
  }

  async close(): Promise<void> {
    await this.transport.close?.();
  }
}

/** Labels kept in memory, rendered as a real printer would be sent them. */
export class SimulatedLabelPrinter implements LabelPrinter {
  readonly description: string;
  readonly jobs: Uint8Array[] = [];
  constructor(
    readonly language: LabelLanguage,
    readonly dpmm: number,
  ) {
    this.description = `simulated label printer (${language})`;
  }
  async print(layouts: readonly LabelLayout[], locale: string): Promise<void> {
    this.jobs.push(renderLabels(this.language, layouts, locale));
  }
  async close(): Promise<void> {}
}

export function openLabelPrinter(uri: string): LabelPrinter {
  const address = parseDeviceUri("printer", uri);
  if (address.scheme === "serial") {
    const params = parseParams("printer", uri, serialLabelParams, address.params);
    const timeoutMs = params.timeoutMs ?? 2000;
    const settings = serialSettings({ baudRate: 9600, dataBits: 8, parity: "none", stopBits: 1 }, params);
    const line = new SerialLine(address.path, { settings });
    return new TransportLabelPrinter(
      serialTransport(line, timeoutMs),
      params.language,
      params.dpi === "300" ? 12 : 8,
      timeoutMs,
    );
  }
  const params = parseParams("printer", uri, plainParams, address.params);
  const dpmm = params.dpi === "300" ? 12 : 8;
  const timeoutMs = params.timeoutMs ?? 2000;
  switch (address.scheme) {
    case "tcp":
      return new TransportLabelPrinter(
        tcpTransport(address.host, address.port, timeoutMs),
        params.language,
        dpmm,
        timeoutMs,
      );
    case "file":
      return new TransportLabelPrinter(fileTransport(address.path), params.language, dpmm, timeoutMs);
    default:
      return new SimulatedLabelPrinter(params.language, dpmm);
  }
}
