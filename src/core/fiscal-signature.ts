/**
 * A sale's fiscal signature, as a signature device (a technical security device such as
 * Germany's TSE) gave it: the device's transaction number, its signature counter, when the
 * transaction started and finished, the data it signed and its signature, with the device's
 * serial and public key. When the device failed or did not answer in time the sale carries
 * why instead, and its receipt says the signature device was unavailable. The sale as rung
 * carries it (`fiscal`), the store keeps it, and its receipt prints it as a QR code.
 */
import { z } from "zod";

const base64 = (max: number) =>
  z
    .string()
    .min(1)
    .max(max)
    .regex(/^[A-Za-z0-9+/]+={0,2}$/, "must be base64");
const counter = z.number().int("must be a whole number").positive("must be more than zero");
const time = z.iso.datetime({ error: "must be an ISO 8601 UTC time" });

/** Why a sale has no signature. */
export const FISCAL_UNAVAILABLE_REASONS = ["timeout", "garbage", "refused", "offline"] as const;
export type FiscalUnavailableReason = (typeof FISCAL_UNAVAILABLE_REASONS)[number];

export const fiscalSignedSchema = z.strictObject({
  status: z.literal("signed"),
  /** The device's serial number (for a TSE: the hash of its public key). */
  serial: z.string().regex(/^[A-Za-z0-9._:-]{1,64}$/, "must be 1 to 64 letters, digits or ._:-"),
  publicKey: base64(200),
  /** The signature algorithm the device names (e.g. `ed25519`). */
  algorithm: z.string().regex(/^[a-z0-9-]{1,32}$/, "must be 1 to 32 lower-case letters, digits or -"),
  transactionNo: counter,
  signatureCounter: counter,
  startedAt: time,
  finishedAt: time,
  /** What the device signed: see `fiscalProcessData`. */
  processData: z.string().min(1).max(500),
  signature: base64(512),
});
export type FiscalSigned = z.infer<typeof fiscalSignedSchema>;

export const fiscalUnavailableSchema = z.strictObject({
  status: z.literal("unavailable"),
  reason: z.enum(FISCAL_UNAVAILABLE_REASONS),
  /** What the device did (or did not): for the manager, never printed. */
  detail: z.string().max(200),
});
export type FiscalUnavailable = z.infer<typeof fiscalUnavailableSchema>;

export const fiscalSignatureSchema = z.discriminatedUnion("status", [
  fiscalSignedSchema,
  fiscalUnavailableSchema,
]);
export type FiscalSignature = z.infer<typeof fiscalSignatureSchema>;

/** The sale's figures a device signs when the transaction finishes. */
export interface FiscalSaleFigures {
  receiptNo: string;
  totalMinor: number;
  currency: string;
  tenders: readonly { type: string; amountMinor: number }[];
}

/**
 * The process data signed for a sale: `Beleg^<total>^<tender>:<amount>_…^<receiptNo>^<currency>`
 * (amounts in minor units, tenders in the order paid). The store reads the total back from it.
 */
export function fiscalProcessData(sale: FiscalSaleFigures): string {
  const tenders = sale.tenders.map((t) => `${t.type}:${t.amountMinor}`).join("_");
  return `Beleg^${sale.totalMinor}^${tenders}^${sale.receiptNo}^${sale.currency}`;
}

/** The total a sale's process data states, or null when it is not a sale's. */
export function processDataTotal(processData: string): number | null {
  const match = /^Beleg\^(-?\d{1,15})\^/.exec(processData);
  return match?.[1] === undefined ? null : Number(match[1]);
}

/**
 * What a signature device signs for a finished transaction: its number, the counter, both
 * times and the process data, joined by `;` (the simulated device and any checker use this).
 */
export function signedMessage(
  s: Omit<FiscalSigned, "status" | "signature" | "serial" | "publicKey" | "algorithm">,
): string {
  return [s.transactionNo, s.signatureCounter, s.startedAt, s.finishedAt, s.processData].join(";");
}

/**
 * The receipt's QR code: `V0;<serial>;Kassenbeleg-V1;<processData>;<transactionNo>;
 * <signatureCounter>;<startedAt>;<finishedAt>;<algorithm>;utcTime;<signature>;<publicKey>`
 * (the order of the German DSFinV-K receipt code).
 */
export function fiscalQrData(s: FiscalSigned): string {
  return [
    "V0",
    s.serial,
    "Kassenbeleg-V1",
    s.processData,
    s.transactionNo,
    s.signatureCounter,
    s.startedAt,
    s.finishedAt,
    s.algorithm,
    "utcTime",
    s.signature,
    s.publicKey,
  ].join(";");
}

/** Reads a receipt's QR code back (a checker, the tests): null when it is not one. */
export function parseFiscalQr(data: string): FiscalSigned | null {
  const parts = data.split(";");
  if (parts.length !== 12 || parts[0] !== "V0" || parts[2] !== "Kassenbeleg-V1") return null;
  const [
    ,
    serial,
    ,
    processData,
    txn,
    counterText,
    startedAt,
    finishedAt,
    algorithm,
    ,
    signature,
    publicKey,
  ] = parts;
  const parsed = fiscalSignedSchema.safeParse({
    status: "signed",
    serial,
    publicKey,
    algorithm,
    transactionNo: Number(txn),
    signatureCounter: Number(counterText),
    startedAt,
    finishedAt,
    processData,
    signature,
  });
  return parsed.success ? parsed.data : null;
}

/** One difference between a sale as rung and its signature. */
export interface FiscalMismatch {
  field: string;
  rung: number | string | null;
  computed: number | string | null;
}

/**
 * Checks a signature against the document it came with: the signed total is the document's
 * total, and the transaction finished after it started. An unavailable signature is no
 * mismatch (the sale is kept, marked).
 */
export function checkFiscalSignature(
  doc: { totalMinor: number; fiscal?: FiscalSignature | undefined },
  mismatches: FiscalMismatch[],
): void {
  const fiscal = doc.fiscal;
  if (fiscal === undefined || fiscal.status !== "signed") return;
  const signedTotal = processDataTotal(fiscal.processData);
  if (signedTotal !== doc.totalMinor) {
    mismatches.push({ field: "fiscal.processData", rung: signedTotal, computed: doc.totalMinor });
  }
  if (fiscal.finishedAt < fiscal.startedAt) {
    mismatches.push({
      field: "fiscal.finishedAt",
      rung: fiscal.finishedAt,
      computed: `not before ${fiscal.startedAt}`,
    });
  }
}
