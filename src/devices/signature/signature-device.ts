/**
 * A fiscal signature device reached over TCP (`tcp://HOST:PORT?timeoutMs=1000`): each request
 * opens a connection, sends one line and reads one line back within the deadline. A device
 * that does not answer in time, answers garbage or refuses is reported, never waited on: the
 * till keeps selling and marks the sale (see `signSale`).
 */
import { createConnection } from "node:net";
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
const MAX_ANSWER = 2048;

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
  const fail = (why: string) =>
    new SignatureDeviceError(
      "refused",
      `"${uri}" is not a usable signature device URI: ${why}. Use tcp://HOST:PORT (optionally ?timeoutMs=1000).`,
    );
  let url: URL;
  try {
    url = new URL(uri);
  } catch {
    throw fail("it is not a URI");
  }
  if (url.protocol !== "tcp:") throw fail("the scheme must be tcp");
  const port = Number(url.port);
  if (!Number.isInteger(port) || port < 1) throw fail("it needs a port");
  let timeoutMs = SIGNATURE_TIMEOUT_MS;
  for (const [key, value] of url.searchParams) {
    if (key !== "timeoutMs") throw fail(`unknown parameter ${key}`);
    timeoutMs = Number(value);
    if (!Number.isInteger(timeoutMs) || timeoutMs < 50 || timeoutMs > 10_000) {
      throw fail("timeoutMs must be 50 to 10000");
    }
  }
  return { host: url.hostname, port, timeoutMs };
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

  private ask<T>(request: SignatureRequest, parse: (line: string) => T): Promise<T> {
    const { host, port, timeoutMs } = this.address;
    return new Promise<T>((resolve, reject) => {
      let buffered = "";
      let done = false;
      const socket = createConnection({ host, port });
      const finish = (outcome: () => T) => {
        if (done) return;
        done = true;
        clearTimeout(timer);
        socket.destroy();
        try {
          resolve(outcome());
        } catch (err) {
          reject(
            err instanceof SignatureAnswerError
              ? new SignatureDeviceError(err.kind, err.message)
              : err instanceof SignatureDeviceError
                ? err
                : new SignatureDeviceError("garbage", String(err)),
          );
        }
      };
      const timer = setTimeout(
        () =>
          finish(() => {
            throw new SignatureDeviceError(
              "timeout",
              `no answer from the signature device within ${timeoutMs} ms`,
            );
          }),
        timeoutMs,
      );
      socket.setEncoding("utf8");
      socket.on("connect", () => socket.write(formatRequest(request)));
      socket.on("data", (chunk: string) => {
        buffered += chunk;
        const end = buffered.indexOf("\n");
        if (end >= 0) finish(() => parse(buffered.slice(0, end).replace(/\r$/, "")));
        else if (buffered.length > MAX_ANSWER) {
          finish(() => {
            throw new SignatureDeviceError("garbage", "the signature device sent an over-long answer");
          });
        }
      });
      socket.on("error", (err) =>
        finish(() => {
          throw new SignatureDeviceError(
            "offline",
            `the signature device at ${host}:${port} is not reachable (${err.message})`,
          );
        }),
      );
      socket.on("close", () =>
        finish(() => {
          throw new SignatureDeviceError(
            "garbage",
            "the signature device closed the connection without an answer",
          );
        }),
      );
    });
  }
}
