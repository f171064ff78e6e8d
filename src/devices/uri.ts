/**
 * Device URIs, as given on the command line (`--printer tcp://10.0.0.5:9100`):
 *   tcp://HOST[:PORT]               network printer (raw port 9100)
 *   file:/dev/usb/lp0               printer device file
 *   serial:/dev/ttyUSB0?baud=9600   serial device; protocol and line settings as parameters
 *   sim:                            simulated device (tests, demos)
 *   keyboard:                       keyboard-wedge scanner (the till reads the keys)
 *   standalone:                     standalone card terminal (the cashier confirms the approval)
 * Each device kind accepts some schemes and parameters; anything else is refused with a message
 * that lists what is allowed.
 */
import { z } from "zod";
import { DeviceUriError } from "./errors.ts";

export type DeviceKind = "printer" | "scale" | "scanner" | "display" | "payment";
export type Scheme = "tcp" | "file" | "serial" | "sim" | "keyboard" | "standalone";

export type DeviceAddress =
  | { scheme: "tcp"; host: string; port: number; params: Record<string, string> }
  | { scheme: "file" | "serial"; path: string; params: Record<string, string> }
  | { scheme: "sim" | "keyboard" | "standalone"; params: Record<string, string> };

const EXAMPLES: Record<Scheme, string> = {
  tcp: "tcp://10.0.0.5:9100",
  file: "file:/dev/usb/lp0",
  serial: "serial:/dev/ttyUSB0?baud=9600",
  sim: "sim:",
  keyboard: "keyboard:",
  standalone: "standalone:",
};

export const ALLOWED_SCHEMES: Record<DeviceKind, readonly Scheme[]> = {
  printer: ["tcp", "file", "serial", "sim"],
  scale: ["serial", "sim"],
  scanner: ["serial", "keyboard", "sim"],
  display: ["serial", "sim"],
  payment: ["standalone", "sim"],
};

const DEFAULT_TCP_PORT = 9100;

function allowedList(kind: DeviceKind): string {
  return ALLOWED_SCHEMES[kind].map((scheme) => EXAMPLES[scheme]).join(", ");
}

function refuse(kind: DeviceKind, uri: string, reason: string): DeviceUriError {
  return new DeviceUriError(
    `"${uri}" is not a usable ${kind} URI: ${reason}. Use one of: ${allowedList(kind)}.`,
    {
      kind,
      uri,
    },
  );
}

function splitQuery(rest: string): { body: string; params: Record<string, string> } {
  const at = rest.indexOf("?");
  if (at < 0) return { body: rest, params: {} };
  const params: Record<string, string> = {};
  for (const [key, value] of new URLSearchParams(rest.slice(at + 1))) params[key] = value;
  return { body: rest.slice(0, at), params };
}

/** Parses a device URI for a device kind, refusing schemes the kind does not accept. */
export function parseDeviceUri(kind: DeviceKind, uri: string): DeviceAddress {
  const match = /^([a-z]+):(.*)$/i.exec(uri.trim());
  if (match === null) throw refuse(kind, uri, "it has no scheme");
  const scheme = (match[1] ?? "").toLowerCase();
  const rest = match[2] ?? "";
  if (!(ALLOWED_SCHEMES[kind] as readonly string[]).includes(scheme)) {
    throw refuse(kind, uri, `a ${kind} cannot be reached through "${scheme}:"`);
  }
  const { body, params } = splitQuery(rest);
  switch (scheme) {
    case "tcp": {
      let url: URL;
      try {
        url = new URL(`tcp:${body}`);
      } catch {
        throw refuse(kind, uri, "write the address as tcp://HOST:PORT");
      }
      const host = url.hostname.replace(/^\[(.*)\]$/, "$1");
      if (host === "" || (url.pathname !== "" && url.pathname !== "/")) {
        throw refuse(kind, uri, "write the address as tcp://HOST:PORT");
      }
      const port = url.port === "" ? DEFAULT_TCP_PORT : Number(url.port);
      if (!Number.isInteger(port) || port < 1 || port > 65535)
        throw refuse(kind, uri, "the port is 1 to 65535");
      return { scheme: "tcp", host, port, params };
    }
    case "file":
    case "serial": {
      const path = body.replace(/^\/\/(?=\/)/, "");
      if (!path.startsWith("/") || path.length < 2) {
        throw refuse(kind, uri, `give the absolute device path, e.g. ${EXAMPLES[scheme]}`);
      }
      return { scheme, path, params };
    }
    default:
      if (body !== "" && body !== "//") throw refuse(kind, uri, `"${scheme}:" takes only ?parameters`);
      return { scheme: scheme as "sim" | "keyboard" | "standalone", params };
  }
}

/** Parses a URI's parameters with a strict schema; unknown or bad parameters are refused by name. */
export function parseParams<S extends z.ZodType>(
  kind: DeviceKind,
  uri: string,
  schema: S,
  params: Record<string, string>,
): z.infer<S> {
  const result = schema.safeParse(params);
  if (result.success) return result.data;
  const reasons = result.error.issues.map((issue) => {
    if (issue.code === "unrecognized_keys")
      return `unknown parameter ${issue.keys.map((k) => `"${k}"`).join(", ")}`;
    const name = issue.path.join(".");
    return name === "" ? issue.message : `parameter "${name}" ${issue.message}`;
  });
  throw new DeviceUriError(`"${uri}" has bad parameters for a ${kind}: ${reasons.join("; ")}.`, {
    kind,
    uri,
    issues: result.error.issues,
  });
}

const integerText = (min: number, max: number) =>
  z
    .string()
    .regex(/^\d+$/, `must be a whole number from ${min} to ${max}`)
    .transform(Number)
    .pipe(z.number().int().min(min, `must be at least ${min}`).max(max, `must be at most ${max}`));

export const BAUD_RATES = [1200, 2400, 4800, 9600, 19200, 38400, 57600, 115200] as const;

export const baudParam = z
  .string()
  .transform(Number)
  .refine((n) => (BAUD_RATES as readonly number[]).includes(n), `must be one of ${BAUD_RATES.join(", ")}`);

/** Serial line settings that any serial device URI may override. */
export const serialParams = {
  baud: baudParam.optional(),
  dataBits: z.enum(["7", "8"], { error: "must be 7 or 8" }).transform(Number).optional(),
  parity: z.enum(["none", "even", "odd"], { error: "must be none, even or odd" }).optional(),
  stopBits: z.enum(["1", "2"], { error: "must be 1 or 2" }).transform(Number).optional(),
};

export const timeoutParam = integerText(10, 120_000);
export const integerParam = integerText;

export interface SerialSettings {
  baudRate: number;
  dataBits: 7 | 8;
  parity: "none" | "even" | "odd";
  stopBits: 1 | 2;
}

export function serialSettings(
  defaults: SerialSettings,
  params: {
    baud?: number | undefined;
    dataBits?: number | undefined;
    parity?: SerialSettings["parity"] | undefined;
    stopBits?: number | undefined;
  },
): SerialSettings {
  return {
    baudRate: params.baud ?? defaults.baudRate,
    dataBits: params.dataBits === 7 ? 7 : params.dataBits === 8 ? 8 : defaults.dataBits,
    parity: params.parity ?? defaults.parity,
    stopBits: params.stopBits === 2 ? 2 : params.stopBits === 1 ? 1 : defaults.stopBits,
  };
}
