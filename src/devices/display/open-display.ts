/**
 * Opens a customer display from its URI:
 *   serial:/dev/ttyUSB1[?protocol=epson|cd5220][&baud=9600][&codepages=pc866,pc437]
 *   sim:[?protocol=epson|cd5220]
 */
import { z } from "zod";
import { CODE_PAGE_NAMES } from "../escpos/code-pages.ts";
import { SerialLine } from "../io/serial-line.ts";
import { integerParam, parseDeviceUri, parseParams, serialParams, serialSettings } from "../uri.ts";
import {
  type CustomerDisplay,
  PoleDisplay,
  SimulatedDisplay,
  serialDisplaySink,
} from "./customer-display.ts";
import { DisplayEmulator } from "./display-emulator.ts";

const protocol = z.enum(["epson", "cd5220"], { error: "must be epson or cd5220" }).default("epson");
const codepages = z
  .string()
  .transform((value) => value.split(",").map((page) => page.trim().toLowerCase()))
  .pipe(z.array(z.enum(CODE_PAGE_NAMES, { error: `lists pages from ${CODE_PAGE_NAMES.join(", ")}` })).min(1));

const serialDisplayParams = z.strictObject({
  protocol,
  codepages: codepages.optional(),
  reconnectMs: integerParam(10, 60_000).optional(),
  ...serialParams,
});

export interface OpenDisplayOptions {
  /** Language of the display's text (picks the code page); default English. */
  locale?: string;
}

export function openDisplay(uri: string, options: OpenDisplayOptions = {}): CustomerDisplay {
  const locale = options.locale ?? "en";
  const address = parseDeviceUri("display", uri);
  if (address.scheme === "sim") {
    const params = parseParams("display", uri, z.strictObject({ protocol }), address.params);
    return new SimulatedDisplay(new DisplayEmulator(params.protocol), locale);
  }
  if (address.scheme !== "serial") throw new RangeError(`unexpected display scheme ${address.scheme}`);
  const params = parseParams("display", uri, serialDisplayParams, address.params);
  const settings = serialSettings({ baudRate: 9600, dataBits: 8, parity: "none", stopBits: 1 }, params);
  const line = new SerialLine(address.path, {
    settings,
    ...(params.reconnectMs !== undefined ? { reconnectMs: params.reconnectMs } : {}),
  });
  return new PoleDisplay(
    `${params.protocol} customer display at ${address.path}`,
    serialDisplaySink(line),
    params.protocol,
    locale,
    params.codepages,
  );
}
