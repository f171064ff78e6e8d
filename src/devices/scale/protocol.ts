/**
 * A serial scale protocol: the host side (ask for a weight, read the answer) and the device
 * side (answer like the real scale would), so simulators speak exactly what drivers expect.
 */
import type { FrameParser } from "../io/byte-inbox.ts";
import type { SerialSettings } from "../uri.ts";
import type { ScaleReading, WeightUnit } from "./scale.ts";

export const SCALE_PROTOCOLS = ["toledo", "cas", "nci"] as const;
export type ScaleProtocolName = (typeof SCALE_PROTOCOLS)[number];

/** The host's end of the wire, as a protocol sees it. */
export interface ScaleLink {
  send(bytes: Uint8Array): Promise<void>;
  /** The next frame, or undefined when nothing complete arrived in time. */
  receive<T>(parse: FrameParser<T>, timeoutMs: number): Promise<T | undefined>;
  /** Forget bytes that arrived before a new request. */
  clear(): void;
}

export interface ConversationOptions {
  timeoutMs: number;
  /** Unit to report when the protocol's frames carry none (Toledo 8217). */
  unit: WeightUnit;
}

/** What a simulated scale is doing. A negative weight is below zero. */
export interface SimulatedScaleState {
  weightMilli: number;
  unit: WeightUnit;
  motion: boolean;
  overload: boolean;
  /** Ignore every request, like a scale that is off or on another port. */
  silent: boolean;
}

export interface ScaleDevice {
  /** Bytes from the host; answers with the bytes the scale sends back (maybe none). */
  receive(bytes: Uint8Array, state: SimulatedScaleState): Uint8Array;
}

export interface ScaleProtocol {
  readonly name: ScaleProtocolName;
  readonly label: string;
  readonly serialDefaults: SerialSettings;
  /** Weight units the protocol can carry; a simulated scale in another unit is refused. */
  read(link: ScaleLink, options: ConversationOptions): Promise<ScaleReading>;
  zero(link: ScaleLink, options: ConversationOptions): Promise<ScaleReading>;
  createDevice(): ScaleDevice;
}

export const STX = 0x02;
export const ETX = 0x03;
export const EOT = 0x04;
export const ENQ = 0x05;
export const ACK = 0x06;
export const LF = 0x0a;
export const CR = 0x0d;
export const DC1 = 0x11;
export const NAK = 0x15;
export const SOH = 0x01;

export function ascii(text: string): Uint8Array {
  return Uint8Array.from([...text].map((c) => c.charCodeAt(0) & 0x7f));
}

export function text(bytes: Uint8Array): string {
  return String.fromCharCode(...bytes.map((b) => b & 0x7f));
}

/** Sets bit 7 so the byte has even parity over 8 bits (what a 7E1 line carries). */
export function withEvenParity(byte: number): number {
  let ones = 0;
  for (let bit = 0; bit < 7; bit++) ones += (byte >> bit) & 1;
  return (byte & 0x7f) | (ones % 2 === 1 ? 0x80 : 0);
}

/** "1.455" -> 1455, "002.72" -> 2720, "  0.5" -> 500; undefined when not a decimal with ≤ 3 decimals. */
export function decimalToMilli(value: string): number | undefined {
  const match = /^\s*(-?)\s*(\d*)(?:\.(\d{0,3}))?\s*$/.exec(value);
  if (match === null) return undefined;
  const [, sign = "", whole = "", fraction = ""] = match;
  if (whole === "" && fraction === "") return undefined;
  const milli = Number(whole || "0") * 1000 + Number(fraction.padEnd(3, "0"));
  return sign === "-" ? -milli : milli;
}

/** A weight in milli-units as a fixed-width decimal field: (1455, 3, 6) -> "01.455". */
export function milliToField(milli: number, decimals: 2 | 3, width: number): string {
  const abs = Math.abs(milli);
  const scaled = decimals === 3 ? abs : Math.round(abs / 10);
  const factor = decimals === 3 ? 1000 : 100;
  const whole = Math.floor(scaled / factor);
  const fraction = String(scaled % factor).padStart(decimals, "0");
  return `${whole}.${fraction}`.padStart(width, "0");
}

/** Index of the first byte equal to `value`, or -1. */
export function indexOf(bytes: Uint8Array, value: number, from = 0): number {
  for (let i = from; i < bytes.length; i++) if ((bytes[i] ?? -1) === value) return i;
  return -1;
}

export function noAnswer(what: string): ScaleReading {
  return { status: "no-answer", detail: `no answer from the scale to ${what}` };
}
