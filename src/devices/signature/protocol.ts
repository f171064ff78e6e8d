/**
 * The signature device's line protocol (docs/devices.md, "Signature devices"): one request a
 * line, one answer a line, UTF-8, ending in LF. Data that may hold spaces travels as base64.
 *
 *   INFO                      → OK <serial> <algorithm> <publicKey>
 *   START                     → OK <transactionNo> <startedAt>
 *   UPDATE <txn> <data64>     → OK <transactionNo> <signatureCounter>
 *   FINISH <txn> <data64>     → OK <transactionNo> <signatureCounter> <startedAt> <finishedAt> <signature>
 *   anything it cannot do     → ERR <CODE> <text>
 */

export type SignatureRequest =
  | { op: "INFO" }
  | { op: "START" }
  | { op: "UPDATE"; transactionNo: number; data: string }
  | { op: "FINISH"; transactionNo: number; data: string };

const B64 = /^[A-Za-z0-9+/]+={0,2}$/;
const TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/;
const SERIAL = /^[A-Za-z0-9._:-]{1,64}$/;
const ALGORITHM = /^[a-z0-9-]{1,32}$/;

function toBase64(text: string): string {
  return Buffer.from(text, "utf8").toString("base64");
}

export function fromBase64(data: string): string | null {
  if (!B64.test(data)) return null;
  return Buffer.from(data, "base64").toString("utf8");
}

export function formatRequest(request: SignatureRequest): string {
  switch (request.op) {
    case "INFO":
    case "START":
      return `${request.op}\n`;
    default:
      return `${request.op} ${request.transactionNo} ${toBase64(request.data || " ")}\n`;
  }
}

/** Reads a request line (the simulated device's side): null for a line it cannot read. */
export function parseRequest(line: string): SignatureRequest | null {
  const parts = line.trim().split(" ");
  const [op, txn, data] = parts;
  if ((op === "INFO" || op === "START") && parts.length === 1) return { op };
  if ((op === "UPDATE" || op === "FINISH") && parts.length === 3 && /^\d{1,12}$/.test(txn ?? "")) {
    const text = fromBase64(data ?? "");
    return text === null ? null : { op, transactionNo: Number(txn), data: text };
  }
  return null;
}

export interface DeviceInfo {
  serial: string;
  algorithm: string;
  publicKey: string;
}
export interface Started {
  transactionNo: number;
  startedAt: string;
}
export interface Updated {
  transactionNo: number;
  signatureCounter: number;
}
export interface Finished extends Updated {
  startedAt: string;
  finishedAt: string;
  signature: string;
}

/** An answer that is no `OK …` of the request's shape. */
export class SignatureAnswerError extends Error {
  constructor(
    readonly kind: "refused" | "garbage",
    message: string,
  ) {
    super(message);
  }
}

function fields(line: string, count: number): string[] {
  const parts = line.split(" ");
  if (parts[0] === "ERR") {
    throw new SignatureAnswerError(
      "refused",
      `the device refused: ${parts.slice(1).join(" ").slice(0, 120)}`,
    );
  }
  if (parts[0] !== "OK" || parts.length !== count + 1) {
    throw new SignatureAnswerError(
      "garbage",
      `the device answered something else: ${JSON.stringify(line.slice(0, 60))}`,
    );
  }
  return parts.slice(1);
}

function number(text: string | undefined): number {
  if (text === undefined || !/^\d{1,12}$/.test(text) || Number(text) === 0) {
    throw new SignatureAnswerError(
      "garbage",
      `the device answered ${JSON.stringify(text ?? "")} for a counter`,
    );
  }
  return Number(text);
}

function matching(text: string | undefined, pattern: RegExp, what: string): string {
  if (text === undefined || !pattern.test(text)) {
    throw new SignatureAnswerError(
      "garbage",
      `the device answered ${JSON.stringify((text ?? "").slice(0, 40))} for ${what}`,
    );
  }
  return text;
}

export function parseInfo(line: string): DeviceInfo {
  const [serial, algorithm, publicKey] = fields(line, 3);
  return {
    serial: matching(serial, SERIAL, "its serial"),
    algorithm: matching(algorithm, ALGORITHM, "its algorithm"),
    publicKey: matching(publicKey, B64, "its public key"),
  };
}

export function parseStarted(line: string): Started {
  const [txn, at] = fields(line, 2);
  return { transactionNo: number(txn), startedAt: matching(at, TIME, "the start time") };
}

export function parseUpdated(line: string, transactionNo: number): Updated {
  const [txn, counter] = fields(line, 2);
  const answered = number(txn);
  if (answered !== transactionNo) {
    throw new SignatureAnswerError(
      "garbage",
      `the device answered for transaction ${answered}, not ${transactionNo}`,
    );
  }
  return { transactionNo, signatureCounter: number(counter) };
}

export function parseFinished(line: string, transactionNo: number): Finished {
  const [txn, counter, startedAt, finishedAt, signature] = fields(line, 5);
  const answered = number(txn);
  if (answered !== transactionNo) {
    throw new SignatureAnswerError(
      "garbage",
      `the device answered for transaction ${answered}, not ${transactionNo}`,
    );
  }
  return {
    transactionNo,
    signatureCounter: number(counter),
    startedAt: matching(startedAt, TIME, "the start time"),
    finishedAt: matching(finishedAt, TIME, "the finish time"),
    signature: matching(signature, B64, "the signature"),
  };
}
