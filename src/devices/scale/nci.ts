/**
 * NCI / Weigh-Tronix general serial protocol (SCP-01; also "NCI" mode on Avery Berkel,
 * Brecknell, Ohaus and Adam scales), 9600 baud 7E1.
 *   host:  "W" CR        scale: LF "0001.45KG" CR LF hh CR ETX   (weight, unit, status bytes)
 *                        or     LF hh CR ETX                      (status only: no valid weight)
 *   host:  "S" CR        scale: LF hh CR ETX
 *   host:  "Z" CR        zero; scale: LF hh CR ETX
 * Status byte 1: bit 0 motion, 1 at zero, 2 RAM error, 3 EEPROM error, 4–5 always 1, 6 always 0.
 * Status byte 2: bit 0 under capacity, 1 over capacity, 2 ROM error, 3 faulty calibration,
 * 4–5 always 1, 6 "another byte follows". Some scales prefix the status bytes with "S".
 */
import type { FrameParser } from "../io/byte-inbox.ts";
import {
  ascii,
  type ConversationOptions,
  CR,
  decimalToMilli,
  ETX,
  indexOf,
  LF,
  milliToField,
  noAnswer,
  type ScaleDevice,
  type ScaleLink,
  type ScaleProtocol,
  type SimulatedScaleState,
  withEvenParity,
} from "./protocol.ts";
import type { ScaleReading, WeightUnit } from "./scale.ts";

interface Frame {
  weight: string | undefined;
  status: number[];
}

export const parseNciFrame: FrameParser<Frame | "unrecognized"> = (raw) => {
  const bytes = raw.map((b) => b & 0x7f);
  const start = indexOf(bytes, LF);
  if (start < 0) return undefined;
  const end = indexOf(bytes, ETX, start + 1);
  if (end < 0) return undefined;
  const parts = String.fromCharCode(...bytes.slice(start + 1, end))
    .split("\r")
    .map((part) => part.replace(/^\n/, ""))
    .filter((part) => part.length > 0);
  if (parts.length === 1 && parts[0] === "?") return { value: "unrecognized", consumed: end + 1 };
  const statusText = (parts.at(-1) ?? "").replace(/^S/, "");
  const weight = parts.length > 1 ? parts[0] : undefined;
  return { value: { weight, status: [...statusText].map((c) => c.charCodeAt(0)) }, consumed: end + 1 };
};

function fromFrame(frame: Frame | "unrecognized", fallback: WeightUnit): ScaleReading {
  if (frame === "unrecognized")
    return { status: "error", detail: "the scale does not understand NCI commands" };
  const [first = 0x30, second = 0x30] = frame.status;
  if (second & 0x02) return { status: "overload" };
  if (second & 0x01) return { status: "underload" };
  if (first & 0x0c || second & 0x0c) {
    return {
      status: "error",
      detail: "the scale reports an internal fault (memory or calibration): service it",
    };
  }
  const match = frame.weight === undefined ? null : /^(.*?)([A-Za-z]{2})?$/.exec(frame.weight.trim());
  const unitText = (match?.[2] ?? "").toLowerCase();
  const unit: WeightUnit = unitText === "lb" ? "lb" : unitText === "kg" ? "kg" : fallback;
  const milli = match === null ? undefined : decimalToMilli(match[1] ?? "");
  if (first & 0x01)
    return milli === undefined ? { status: "motion", unit } : { status: "motion", weightMilli: milli, unit };
  if (first & 0x02 || milli === 0) return { status: "zero", unit };
  if (milli === undefined) {
    return frame.weight === undefined
      ? { status: "error", detail: "the scale sent its status without a weight" }
      : { status: "error", detail: `unreadable weight "${frame.weight}" from the scale` };
  }
  if (milli < 0) return { status: "underload" };
  return { status: "stable", weightMilli: milli, unit };
}

async function converse(
  link: ScaleLink,
  command: string,
  options: ConversationOptions,
): Promise<ScaleReading> {
  link.clear();
  await link.send(ascii(`${command}\r`));
  const frame = await link.receive(parseNciFrame, options.timeoutMs);
  return frame === undefined ? noAnswer(`"${command}"`) : fromFrame(frame, options.unit);
}

function statusBytes(state: SimulatedScaleState): number[] {
  let first = 0x30;
  if (state.motion) first |= 0x01;
  if (state.weightMilli === 0 && !state.motion) first |= 0x02;
  let second = 0x30;
  if (state.weightMilli < 0) second |= 0x01;
  if (state.overload) second |= 0x02;
  return [withEvenParity(first), withEvenParity(second)];
}

function createDevice(): ScaleDevice {
  let pending = "";
  return {
    receive(bytes, state) {
      if (state.silent) return new Uint8Array();
      const out: number[] = [];
      pending += String.fromCharCode(...bytes.map((b) => b & 0x7f));
      for (let at = pending.indexOf("\r"); at >= 0; at = pending.indexOf("\r")) {
        const command = pending.slice(0, at).trim().toUpperCase();
        pending = pending.slice(at + 1);
        if (command === "W") {
          const unit = state.unit === "kg" ? "KG" : "LB";
          const magnitude = milliToField(state.weightMilli, state.unit === "kg" ? 3 : 2, 7);
          const field = state.overload ? "^^^^^^^" : `${state.weightMilli < 0 ? "-" : ""}${magnitude}`;
          out.push(LF, ...ascii(`${field}${unit}`), CR, LF, ...statusBytes(state), CR, ETX);
        } else if (command === "S" || command === "Z") {
          if (command === "Z" && !state.motion && !state.overload) state.weightMilli = 0;
          out.push(LF, ...statusBytes(state), CR, ETX);
        } else {
          out.push(LF, 0x3f, CR, ETX);
        }
      }
      return Uint8Array.from(out);
    },
  };
}

export const nciGeneral: ScaleProtocol = {
  name: "nci",
  label: "NCI general",
  serialDefaults: { baudRate: 9600, dataBits: 7, parity: "even", stopBits: 1 },
  read: (link, options) => converse(link, "W", options),
  zero: (link, options) => converse(link, "Z", options),
  createDevice,
};
