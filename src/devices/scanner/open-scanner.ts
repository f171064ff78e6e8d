/**
 * Opens a scanner from its URI:
 *   serial:/dev/ttyACM0[?baud=9600][&terminator=cr|lf|crlf|any]
 *   keyboard:      keyboard-wedge (the till feeds it keys)
 *   sim:           simulated
 */
import { z } from "zod";
import { SerialLine } from "../io/serial-line.ts";
import { integerParam, parseDeviceUri, parseParams, serialParams, serialSettings } from "../uri.ts";
import { KeyboardWedgeScanner, type Scanner, SerialScanner, SimulatedScanner } from "./scanner.ts";

const serialScannerParams = z.strictObject({
  ...serialParams,
  terminator: z.enum(["cr", "lf", "crlf", "any"], { error: "must be cr, lf, crlf or any" }).default("any"),
  reconnectMs: integerParam(10, 60_000).optional(),
});

export function openScanner(uri: string): Scanner {
  const address = parseDeviceUri("scanner", uri);
  if (address.scheme === "keyboard") {
    parseParams("scanner", uri, z.strictObject({}), address.params);
    return new KeyboardWedgeScanner();
  }
  if (address.scheme === "sim") {
    parseParams("scanner", uri, z.strictObject({}), address.params);
    return new SimulatedScanner();
  }
  if (address.scheme !== "serial") throw new RangeError(`unexpected scanner scheme ${address.scheme}`);
  const params = parseParams("scanner", uri, serialScannerParams, address.params);
  const settings = serialSettings({ baudRate: 9600, dataBits: 8, parity: "none", stopBits: 1 }, params);
  const line = new SerialLine(address.path, {
    settings,
    ...(params.reconnectMs !== undefined ? { reconnectMs: params.reconnectMs } : {}),
  });
  return new SerialScanner(line, params.terminator);
}
