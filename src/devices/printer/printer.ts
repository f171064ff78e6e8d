/**
 * The receipt printer as the till sees it. Printing never blocks or fails a sale: a document
 * goes into the print queue and the call returns at once; when the printer is offline or out of
 * paper the job waits, the till is told (events), and the queue prints it when the printer is
 * back. A reprint prints the same document again, marked as a copy.
 */
import type { PrintDocument } from "../escpos/render.ts";
import type { PrinterStatus } from "../escpos/status.ts";

export type { PrintDocument };

export type PrintJobState =
  /** Waiting for its turn. */
  | "queued"
  /** Being sent now. */
  | "printing"
  /** Tried and failed (printer offline, out of paper…); retried automatically. */
  | "waiting"
  | "printed"
  /** Cannot be printed at all (the document cannot be laid out); not retried. */
  | "failed"
  | "cancelled";

export type PrinterProblem = "offline" | "paper-out" | "cover-open" | "error";

export interface PrintJob {
  readonly id: number;
  /** "Receipt 42", "Z report 17", "Receipt 42 (copy)". */
  readonly title: string;
  readonly doc: PrintDocument;
  state: PrintJobState;
  attempts: number;
  /** What went wrong the last time, in words for the cashier. */
  lastError?: string;
  problem?: PrinterProblem;
}

export type PrinterEvent =
  | { type: "job"; job: Readonly<PrintJob> }
  /** The printer cannot print; `message` says what to do. Jobs wait in the queue meanwhile. */
  | { type: "problem"; problem: PrinterProblem; message: string; waiting: number }
  /** The printer printed again after a problem. */
  | { type: "recovered" };

export interface PrinterStatusReport {
  reachable: boolean;
  /** Undefined when the printer cannot report its status (device files). */
  status?: PrinterStatus;
  detail: string;
}

export interface ReceiptPrinter {
  readonly description: string;
  /** Characters per line: 32 on 58 mm paper, 48 on 80 mm. */
  readonly columns: number;
  /** Queues a document; returns at once. */
  print(doc: PrintDocument): PrintJob;
  /** Prints a job again (default: the last one printed), marked as a copy. */
  reprint(jobId?: number): PrintJob;
  /** Jobs not printed yet, oldest first. */
  pending(): PrintJob[];
  /** Pending jobs and the most recent printed ones. */
  jobs(): PrintJob[];
  /** Tries the waiting jobs now instead of at the next retry. */
  retryNow(): void;
  cancel(jobId: number): void;
  /** Resolves when the job is printed, or has failed an attempt, or `timeoutMs` passed. */
  settled(jobId: number, timeoutMs: number): Promise<Readonly<PrintJob>>;
  /** Pulses the cash drawer connected to the printer, now (not queued behind receipts). */
  kickDrawer(): Promise<void>;
  /** Asks the printer how it is. */
  status(): Promise<PrinterStatusReport>;
  onEvent(listener: (event: PrinterEvent) => void): () => void;
  close(): Promise<void>;
}

export function documentTitle(doc: PrintDocument): string {
  const base =
    doc.type === "receipt"
      ? `Receipt ${doc.receiptNo}`
      : doc.type === "text-slip"
        ? doc.title
        : `${doc.kind} report ${doc.number}`;
  return doc.copy ? `${base} (copy)` : base;
}
