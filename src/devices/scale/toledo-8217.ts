/**
 * Mettler Toledo 8213/8217 "demand" protocol (also offered by Magellan scanner-scales, Brecknell,
 * CAS and others as "8217 mode"), 9600 baud 7E1.
 *   host:  "W"                        request the weight
 *   scale: STX "01.455" CR            settled, in range: the weight (kg 3 decimals, lb 2)
 *          STX "?" status CR          otherwise: one status byte
 *   host:  "Z"                        zero; the scale answers with the status record
 * Status bits: 0 motion, 1 over capacity, 2 under zero, 3 outside zero capture range,
 * 4 centre of zero, 5 and 6 always 1, 7 parity. Frames carry no unit: the URI says which.
 */
import type { FrameParser } from "../io/byte-inbox.ts";
import {
  ascii,
  type ConversationOptions,
  CR,
  decimalToMilli,
  indexOf,
  milliToField,
  noAnswer,
  type ScaleDevice,
  type ScaleLink,
  type ScaleProtocol,
  type SimulatedScaleState,
  STX,
  text,
  withEvenParity,
} from "./protocol.ts";
import type { ScaleReading, WeightUnit } from "./scale.ts";

type Frame = { kind: "weight"; field: string } | { kind: "status"; status: number };

const MOTION = 0x01;
const OVER = 0x02;
const UNDER = 0x04;
const OUTSIDE_ZERO = 0x08;
const CENTER_OF_ZERO = 0x10;
const FIXED = 0x60;

export const parseToledoFrame: FrameParser<Frame> = (raw) => {
  const bytes = raw.map((b) => b & 0x7f);
  const start = indexOf(bytes, STX);
  if (start < 0) return undefined;
  const end = indexOf(bytes, CR, start + 1);
  if (end < 0) return undefined;
  const body = bytes.slice(start + 1, end);
  if (body[0] === 0x3f && body.length === 2) {
    return { value: { kind: "status", status: body[1] ?? 0 }, consumed: end + 1 };
  }
  return { value: { kind: "weight", field: text(body) }, consumed: end + 1 };
};

function fromStatus(status: number, unit: WeightUnit): ScaleReading {
  if (status & OVER) return { status: "overload" };
  if (status & UNDER) return { status: "underload" };
  if (status & MOTION) return { status: "motion", unit };
  if (status & CENTER_OF_ZERO) return { status: "zero", unit };
  if (status & OUTSIDE_ZERO)
    return { status: "error", detail: "the scale is outside its zero range: zero it" };
  return { status: "error", detail: `the scale reported status 0x${status.toString(16)} without a weight` };
}

function fromFrame(frame: Frame, unit: WeightUnit): ScaleReading {
  if (frame.kind === "status") return fromStatus(frame.status, unit);
  const milli = decimalToMilli(frame.field);
  if (milli === undefined)
    return { status: "error", detail: `unreadable weight "${frame.field}" from the scale` };
  if (milli === 0) return { status: "zero", unit };
  return { status: "stable", weightMilli: milli, unit };
}

async function converse(
  link: ScaleLink,
  command: string,
  options: ConversationOptions,
): Promise<ScaleReading> {
  link.clear();
  await link.send(ascii(command));
  const frame = await link.receive(parseToledoFrame, options.timeoutMs);
  return frame === undefined ? noAnswer(`"${command}"`) : fromFrame(frame, options.unit);
}

function statusByte(state: SimulatedScaleState): number {
  let status = FIXED;
  if (state.motion) status |= MOTION;
  if (state.overload) status |= OVER;
  if (state.weightMilli < 0) status |= UNDER;
  if (state.weightMilli === 0 && !state.motion) status |= CENTER_OF_ZERO;
  return withEvenParity(status);
}

function createDevice(): ScaleDevice {
  return {
    receive(bytes, state) {
      const out: number[] = [];
      if (state.silent) return new Uint8Array();
      for (const byte of bytes) {
        const command = String.fromCharCode(byte & 0x7f).toUpperCase();
        if (command === "W") {
          if (state.motion || state.overload || state.weightMilli < 0) {
            out.push(STX, 0x3f, statusByte(state), CR);
          } else {
            const decimals = state.unit === "kg" ? 3 : 2;
            out.push(STX, ...ascii(milliToField(state.weightMilli, decimals, 6)), CR);
          }
        } else if (command === "Z") {
          if (!state.motion && !state.overload) state.weightMilli = 0;
          out.push(STX, 0x3f, statusByte(state), CR);
        }
      }
      return Uint8Array.from(out.map((b) => (b === STX || b === CR ? b : withEvenParity(b))));
    },
  };
}

export const toledo8217: ScaleProtocol = {
  name: "toledo",
  label: "Toledo 8217",
  serialDefaults: { baudRate: 9600, dataBits: 7, parity: "even", stopBits: 1 },
  read: (link, options) => converse(link, "W", options),
  zero: (link, options) => converse(link, "Z", options),
  createDevice,
};
