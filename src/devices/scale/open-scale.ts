/**
 * Opens a scale from its URI:
 *   serial:/dev/ttyUSB0?protocol=toledo|cas|nci[&unit=kg|lb][&baud=9600][&dataBits=7][&parity=even]
 *          [&stopBits=1][&timeoutMs=1000]
 *   sim:[?protocol=cas][&weight=1.455][&unit=kg][&state=stable|motion|overload|silent]
 */
import { z } from "zod";
import { DeviceUriError } from "../errors.ts";
import { SerialLine } from "../io/serial-line.ts";
import {
  integerParam,
  parseDeviceUri,
  parseParams,
  serialParams,
  serialSettings,
  timeoutParam,
} from "../uri.ts";
import { casEcr } from "./cas-ecr.ts";
import { nciGeneral } from "./nci.ts";
import {
  SCALE_PROTOCOLS,
  type ScaleProtocol,
  type ScaleProtocolName,
  type SimulatedScaleState,
} from "./protocol.ts";
import { memoryLink, ProtocolScale, serialLink } from "./protocol-scale.ts";
import type { Scale } from "./scale.ts";
import { toledo8217 } from "./toledo-8217.ts";

export const SCALE_PROTOCOL_TABLE: Record<ScaleProtocolName, ScaleProtocol> = {
  toledo: toledo8217,
  cas: casEcr,
  nci: nciGeneral,
};

const protocolParam = z.enum(SCALE_PROTOCOLS, { error: `must be one of ${SCALE_PROTOCOLS.join(", ")}` });
const unitParam = z.enum(["kg", "lb"], { error: "must be kg or lb" });

const serialScaleParams = z.strictObject({
  protocol: protocolParam,
  unit: unitParam.optional(),
  timeoutMs: timeoutParam.optional(),
  reconnectMs: integerParam(10, 60_000).optional(),
  ...serialParams,
});

const simScaleParams = z.strictObject({
  protocol: protocolParam.default("cas"),
  unit: unitParam.default("kg"),
  weight: z
    .string()
    .regex(/^-?\d+(\.\d{1,3})?$/, "must be a weight such as 1.455")
    .default("0"),
  state: z
    .enum(["stable", "motion", "overload", "silent"], { error: "must be stable, motion, overload or silent" })
    .default("stable"),
  timeoutMs: timeoutParam.optional(),
});

/** A simulated scale: a protocol's device side in memory, with its state open to change. */
export class SimulatedScale extends ProtocolScale {
  constructor(
    readonly state: SimulatedScaleState,
    protocol: ScaleProtocol,
    timeoutMs: number,
  ) {
    super(memoryLink(protocol.createDevice(), state), protocol, `simulated ${protocol.label} scale`, {
      timeoutMs,
      unit: state.unit,
    });
  }

  /** Puts something on the scale, shakes it, overloads it or switches it off. */
  set(change: Partial<SimulatedScaleState>): void {
    Object.assign(this.state, change);
  }
}

export interface OpenScaleOptions {
  timeoutMs?: number;
}

function weightToMilli(weight: string): number {
  const [whole = "0", fraction = ""] = weight.replace("-", "").split(".");
  const milli = Number(whole) * 1000 + Number(fraction.padEnd(3, "0"));
  return weight.startsWith("-") ? -milli : milli;
}

export function openScale(uri: string, options: OpenScaleOptions = {}): Scale {
  const address = parseDeviceUri("scale", uri);
  if (address.scheme === "sim") {
    const params = parseParams("scale", uri, simScaleParams, address.params);
    const protocol = SCALE_PROTOCOL_TABLE[params.protocol];
    const state: SimulatedScaleState = {
      weightMilli: weightToMilli(params.weight),
      unit: params.unit,
      motion: params.state === "motion",
      overload: params.state === "overload",
      silent: params.state === "silent",
    };
    return new SimulatedScale(state, protocol, params.timeoutMs ?? options.timeoutMs ?? 300);
  }
  if (address.scheme !== "serial") {
    throw new DeviceUriError(`"${uri}" is not a scale URI; use serial:/dev/ttyUSB0?protocol=toledo or sim:.`);
  }
  const params = parseParams("scale", uri, serialScaleParams, address.params);
  const protocol = SCALE_PROTOCOL_TABLE[params.protocol];
  const settings = serialSettings(protocol.serialDefaults, params);
  const line = new SerialLine(address.path, {
    settings,
    ...(params.reconnectMs ? { reconnectMs: params.reconnectMs } : {}),
  });
  const framing = `${settings.baudRate} ${settings.dataBits}${settings.parity[0]?.toUpperCase()}${settings.stopBits}`;
  return new ProtocolScale(
    serialLink(line),
    protocol,
    `${protocol.label} scale at ${address.path} (${framing})`,
    {
      timeoutMs: params.timeoutMs ?? options.timeoutMs ?? 1000,
      unit: params.unit ?? "kg",
    },
  );
}
