/**
 * A fiscal signature device reached over TCP (`tcp://HOST:PORT?timeoutMs=1000`): each request
 * opens a connection, sends one line and reads one line back within the deadline. A device
 * that does not answer in time, answers garbage or refuses is reported, never waited on: the
 * till keeps selling and marks the sale (see `signSale`).
 */
import { LineRequestError, parseLineUri, requestLine } from "../io/line-request.ts";
import {
  type DeviceInfo,
  type Finished,
  formatRequest,
  parseFinished,
  parseInfo,
  parseStarted,
  parseUpdated,
  SignatureAnswerError,
  type SignatureRequest,
  type Started,
  type Updated,
} from "./protocol.ts";

/** A bounded deadline per request: a sale never waits longer on the device. */
export const SIGNATURE_TIMEOUT_MS = 1000;

export interface SignatureDevice {
  readonly uri: string;
  info(): Promise<DeviceInfo>;
  start(): Promise<Started>;
  update(transactionNo: number, data: string): Promise<Updated>;
  finish(transactionNo: number, processData: string): Promise<Finished>;
}

/** Why a request got no usable answer: `timeout`, `offline` (no connection), `garbage`, `refused`. */
export class SignatureDeviceError extends Error {
  constructor(
    readonly reason: "timeout" | "offline" | "garbage" | "refused",
    message: string,
  ) {
    super(message);
  }
}

/** Reads `tcp://HOST:PORT?timeoutMs=N`; anything else is refused with what to write. */
export function parseSignatureUri(uri: string): { host: string; port: number; timeoutMs: number } {
  const parsed = parseLineUri(uri, { min: 50, max: 10_000, defaultMs: SIGNATURE_TIMEOUT_MS });
  if (typeof parsed === "string") {
    throw new SignatureDeviceError(
      "refused",
      `"${uri}" is not a usable signature device URI: ${parsed}. Use tcp://HOST:PORT (optionally ?timeoutMs=1000).`,
    );
  }
  return parsed;
}

export class TcpSignatureDevice implements SignatureDevice {
  private readonly address: { host: string; port: number; timeoutMs: number };

  constructor(readonly uri: string) {
    this.address = parseSignatureUri(uri);
  }

  info(): Promise<DeviceInfo> {
    return this.ask({ op: "INFO" }, parseInfo);
  }

  start(): Promise<Started> {
    return this.ask({ op: "START" }, parseStarted);
  }

  update(transactionNo: number, data: string): Promise<Updated> {
    return this.ask({ op: "UPDATE", transactionNo, data }, (line) => parseUpdated(line, transactionNo));
  }

  finish(transactionNo: number, processData: string): Promise<Finished> {
    return this.ask({ op: "FINISH", transactionNo, data: processData }, (line) =>
      parseFinished(line, transactionNo),
    );
  }

  private async ask<T>(request: SignatureRequest, parse: (line: string) => T): Promise<T> {
    let line: string;
    try {
      line = await requestLine({
        ...this.address,
        line: formatRequest(request).trimEnd(),
        device: "the signature device",
      });
    } catch (err) {
      if (err instanceof LineRequestError) throw new SignatureDeviceError(err.reason, err.message);
      throw err;
    }
    try {
      return parse(line);
    } catch (err) {
      if (err instanceof SignatureAnswerError) throw new SignatureDeviceError(err.kind, err.message);
      throw err;
    }
  }
}
