/**
 * CAS ECR protocol (PD-II "type 6", also used by CAS AP/ER and by other makers' "CAS mode"),
 * 9600 baud 8N1. A two-step enquiry:
 *   host:  ENQ                  scale: ACK (ready) or NAK (busy)
 *   host:  DC1                  scale: SOH STX STA SIGN W5..W0 U1 U0 BCC ETX EOT
 * STA is "S" (stable) or "U" (unstable); SIGN is " " (zero or positive), "-" (negative) or "F"
 * (overload, with the weight all "F"); W5..W0 is the weight with its decimal point
 * ("01.455"); U1 U0 the unit ("kg", "lb"); BCC the XOR of STA through U0.
 */
import type { FrameParser } from "../io/byte-inbox.ts";
import {
  ACK,
  ascii,
  type ConversationOptions,
  DC1,
  decimalToMilli,
  ENQ,
  EOT,
  ETX,
  indexOf,
  milliToField,
  NAK,
  noAnswer,
  type ScaleDevice,
  type ScaleLink,
  type ScaleProtocol,
  SOH,
  STX,
  text,
} from "./protocol.ts";
import type { ScaleReading, WeightUnit } from "./scale.ts";

const FRAME_LENGTH = 15;

type Frame =
  | { ok: true; stable: boolean; sign: string; field: string; unit: string }
  | { ok: false; why: string };

function bcc(bytes: Uint8Array): number {
  return bytes.reduce((acc, b) => acc ^ b, 0);
}

const parseHandshake: FrameParser<"ack" | "nak"> = (bytes) => {
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i] === ACK) return { value: "ack", consumed: i + 1 };
    if (bytes[i] === NAK) return { value: "nak", consumed: i + 1 };
  }
  return undefined;
};

export const parseCasFrame: FrameParser<Frame> = (bytes) => {
  const start = indexOf(bytes, SOH);
  if (start < 0 || bytes.length - start < FRAME_LENGTH) return undefined;
  const frame = bytes.slice(start, start + FRAME_LENGTH);
  const consumed = start + FRAME_LENGTH;
  if (frame[1] !== STX || frame[13] !== ETX || frame[14] !== EOT) {
    return { value: { ok: false, why: "the frame is not SOH STX … BCC ETX EOT" }, consumed };
  }
  const data = frame.slice(2, 12);
  if (bcc(data) !== frame[12])
    return { value: { ok: false, why: "the block check character is wrong" }, consumed };
  const sta = text(data.slice(0, 1));
  return {
    value: {
      ok: true,
      stable: sta === "S",
      sign: text(data.slice(1, 2)),
      field: text(data.slice(2, 8)),
      unit: text(data.slice(8, 10)),
    },
    consumed,
  };
};

function unitOf(field: string, fallback: WeightUnit): WeightUnit {
  const unit = field.trim().toLowerCase();
  return unit === "lb" ? "lb" : unit === "kg" ? "kg" : fallback;
}

function fromFrame(frame: Frame, fallback: WeightUnit): ScaleReading {
  if (!frame.ok) return { status: "error", detail: `garbled answer from the scale: ${frame.why}` };
  if (frame.sign === "F" || /^F+$/.test(frame.field)) return { status: "overload" };
  const unit = unitOf(frame.unit, fallback);
  const magnitude = decimalToMilli(frame.field);
  if (magnitude === undefined)
    return { status: "error", detail: `unreadable weight "${frame.field}" from the scale` };
  const milli = frame.sign === "-" ? -magnitude : magnitude;
  if (milli < 0) return { status: "underload" };
  if (!frame.stable) return { status: "motion", weightMilli: milli, unit };
  if (milli === 0) return { status: "zero", unit };
  return { status: "stable", weightMilli: milli, unit };
}

async function read(link: ScaleLink, options: ConversationOptions): Promise<ScaleReading> {
  link.clear();
  await link.send(Uint8Array.of(ENQ));
  const handshake = await link.receive(parseHandshake, options.timeoutMs);
  if (handshake === undefined) return noAnswer("ENQ");
  if (handshake === "nak") return { status: "error", detail: "the scale is busy (NAK): try again" };
  await link.send(Uint8Array.of(DC1));
  const frame = await link.receive(parseCasFrame, options.timeoutMs);
  return frame === undefined ? noAnswer("DC1") : fromFrame(frame, options.unit);
}

function createDevice(): ScaleDevice {
  return {
    receive(bytes, state) {
      if (state.silent) return new Uint8Array();
      const out: number[] = [];
      for (const byte of bytes) {
        if (byte === ENQ) out.push(ACK);
        if (byte !== DC1) continue;
        const sign = state.overload ? "F" : state.weightMilli < 0 ? "-" : " ";
        const field = state.overload
          ? "FFFFFF"
          : milliToField(state.weightMilli, state.unit === "kg" ? 3 : 2, 6);
        const data = ascii(`${state.motion ? "U" : "S"}${sign}${field}${state.unit}`);
        out.push(SOH, STX, ...data, bcc(data), ETX, EOT);
      }
      return Uint8Array.from(out);
    },
  };
}

export const casEcr: ScaleProtocol = {
  name: "cas",
  label: "CAS ECR",
  serialDefaults: { baudRate: 9600, dataBits: 8, parity: "none", stopBits: 1 },
  read,
  // The ECR protocol has no zero command: the cashier zeroes the scale with its key.
  zero: (link, options) => read(link, options),
  createDevice,
};
