/**
 * The ESC/POS printer driver: a print queue in front of a transport. Jobs print in order, one
 * at a time; a failed job stays at the head of the queue and is retried with a growing pause
 * (or at once on `retryNow`), so receipts come out in the order the sales were made.
 */
import { DomainError } from "../../core/errors.ts";
import { DeviceUnavailableError, PrinterNotReadyError } from "../errors.ts";
import type { CodePageName } from "../escpos/code-pages.ts";
import { type DrawerPin, drawerKick } from "../escpos/commands.ts";
import { renderDocument } from "../escpos/render.ts";
import { describeStatus } from "../escpos/status.ts";
import {
  documentTitle,
  type PrintDocument,
  type PrinterEvent,
  type PrinterProblem,
  type PrinterStatusReport,
  type PrintJob,
  type ReceiptPrinter,
} from "./printer.ts";
import { deliver, type PrinterTransport, queryStatus, type StatusMode } from "./transports.ts";

export interface EscPosPrinterOptions {
  columns: number;
  codePages?: readonly CodePageName[];
  status?: StatusMode;
  /** Connect and answer timeout (ms). */
  timeoutMs?: number;
  /** First pause before retrying a failed job; doubles up to `retryMaxMs`. */
  retryMinMs?: number;
  retryMaxMs?: number;
  drawerPin?: DrawerPin;
  /** Printed jobs kept for reprints. */
  history?: number;
  /** False for a printer without the QR command GS ( k: QR codes print as raster images. */
  nativeQr?: boolean;
}

function classify(error: unknown): { problem: PrinterProblem; message: string } {
  if (error instanceof PrinterNotReadyError) {
    const problem =
      error.code === "PRINTER_PAPER_OUT"
        ? "paper-out"
        : error.code === "PRINTER_COVER_OPEN"
          ? "cover-open"
          : "offline";
    return { problem, message: error.message };
  }
  if (error instanceof DeviceUnavailableError) return { problem: "offline", message: error.message };
  return { problem: "error", message: error instanceof Error ? error.message : String(error) };
}

export class EscPosPrinter implements ReceiptPrinter {
  readonly columns: number;
  private readonly queue: PrintJob[] = [];
  private readonly done: PrintJob[] = [];
  private readonly listeners = new Set<(event: PrinterEvent) => void>();
  private nextId = 1;
  private running = false;
  private closed = false;
  private troubled = false;
  private backoffMs: number;
  private wakeUp: (() => void) | undefined;
  private lane: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly transport: PrinterTransport,
    private readonly options: EscPosPrinterOptions,
  ) {
    this.columns = options.columns;
    this.backoffMs = this.retryMinMs;
  }

  get description(): string {
    return `${this.transport.description} (${this.columns} columns)`;
  }

  private get retryMinMs(): number {
    return this.options.retryMinMs ?? 1000;
  }

  private get deliveryOptions(): { status: StatusMode; timeoutMs: number } {
    return { status: this.options.status ?? "auto", timeoutMs: this.options.timeoutMs ?? 2000 };
  }

  print(doc: PrintDocument): PrintJob {
    if (this.closed) throw new DeviceUnavailableError("The printer has been closed; open it again to print.");
    const job: PrintJob = { id: this.nextId++, title: documentTitle(doc), doc, state: "queued", attempts: 0 };
    this.queue.push(job);
    this.emit({ type: "job", job });
    void this.drain();
    return job;
  }

  reprint(jobId?: number): PrintJob {
    const source =
      jobId === undefined ? this.done.at(-1) : [...this.done, ...this.queue].find((job) => job.id === jobId);
    if (source === undefined) {
      throw new NothingToReprintError(
        jobId === undefined
          ? "Nothing has been printed yet, so there is nothing to reprint."
          : `There is no print job ${jobId} to reprint.`,
      );
    }
    return this.print({ ...source.doc, copy: true });
  }

  pending(): PrintJob[] {
    return [...this.queue];
  }

  jobs(): PrintJob[] {
    return [...this.done, ...this.queue];
  }

  retryNow(): void {
    this.backoffMs = this.retryMinMs;
    this.wakeUp?.();
  }

  cancel(jobId: number): void {
    const at = this.queue.findIndex((job) => job.id === jobId && job.state !== "printing");
    if (at < 0) return;
    const [job] = this.queue.splice(at, 1);
    if (job === undefined) return;
    job.state = "cancelled";
    this.emit({ type: "job", job });
  }

  settled(jobId: number, timeoutMs: number): Promise<Readonly<PrintJob>> {
    const job = this.jobs().find((candidate) => candidate.id === jobId);
    if (job === undefined) return Promise.reject(new RangeError(`no print job ${jobId}`));
    const isSettled = (j: PrintJob): boolean => j.state !== "queued" && j.state !== "printing";
    if (isSettled(job)) return Promise.resolve(job);
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        off();
        resolve(job);
      }, timeoutMs);
      const off = this.onEvent((event) => {
        if (event.type !== "job" || event.job.id !== jobId || !isSettled(job)) return;
        clearTimeout(timer);
        off();
        resolve(job);
      });
    });
  }

  kickDrawer(): Promise<void> {
    const kick = drawerKick(this.options.drawerPin ?? 2);
    // A drawer must open even when the printer is out of paper: skip the readiness check.
    return this.exclusive(() => deliver(this.transport, kick, this.deliveryOptions, false));
  }

  status(): Promise<PrinterStatusReport> {
    return this.exclusive(async () => {
      try {
        const channel = await this.transport.open();
        try {
          if (!this.transport.readsStatus) {
            return {
              reachable: true,
              detail: `${this.transport.description} is there (it cannot report paper status)`,
            };
          }
          const status = await queryStatus(channel, this.deliveryOptions.timeoutMs);
          if (status === undefined) {
            return {
              reachable: true,
              detail: `${this.transport.description} is connected but does not report its status`,
            };
          }
          return {
            reachable: true,
            status,
            detail: `${this.transport.description} is ${describeStatus(status)}`,
          };
        } finally {
          await channel.close();
        }
      } catch (error) {
        return { reachable: false, detail: error instanceof Error ? error.message : String(error) };
      }
    });
  }

  onEvent(listener: (event: PrinterEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async close(): Promise<void> {
    this.closed = true;
    this.wakeUp?.();
    await this.lane.catch(() => undefined);
    await this.transport.close?.();
  }

  private emit(event: PrinterEvent): void {
    for (const listener of [...this.listeners]) listener(event);
  }

  /** Runs one use of the transport at a time: printers take one connection at a time. */
  private exclusive<T>(work: () => Promise<T>): Promise<T> {
    const next = this.lane.then(work, work);
    this.lane = next.catch(() => undefined);
    return next;
  }

  private async drain(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      while (!this.closed) {
        const job = this.queue[0];
        if (job === undefined) break;
        let bytes: Uint8Array;
        try {
          bytes = renderDocument(job.doc, {
            columns: this.columns,
            ...(this.options.codePages ? { codePages: this.options.codePages } : {}),
            ...(this.options.nativeQr === false ? { nativeQr: false } : {}),
          });
        } catch (error) {
          this.queue.shift();
          job.state = "failed";
          job.lastError = `This document cannot be printed: ${error instanceof DomainError || error instanceof Error ? error.message : String(error)}`;
          this.emit({ type: "job", job });
          continue;
        }
        job.state = "printing";
        job.attempts += 1;
        this.emit({ type: "job", job });
        try {
          await this.exclusive(() => deliver(this.transport, bytes, this.deliveryOptions));
          this.queue.shift();
          job.state = "printed";
          delete job.lastError;
          delete job.problem;
          this.done.push(job);
          if (this.done.length > (this.options.history ?? 20)) this.done.shift();
          this.backoffMs = this.retryMinMs;
          this.emit({ type: "job", job });
          if (this.troubled) {
            this.troubled = false;
            this.emit({ type: "recovered" });
          }
        } catch (error) {
          const { problem, message } = classify(error);
          job.state = "waiting";
          job.lastError = message;
          job.problem = problem;
          this.troubled = true;
          this.emit({ type: "job", job });
          this.emit({
            type: "problem",
            problem,
            message: `${message} ${waitingText(this.queue.length)}`,
            waiting: this.queue.length,
          });
          await this.pause();
        }
      }
    } finally {
      this.running = false;
    }
  }

  private async pause(): Promise<void> {
    const wait = this.backoffMs;
    this.backoffMs = Math.min(this.backoffMs * 2, this.options.retryMaxMs ?? 15_000);
    await new Promise<void>((resolve) => {
      const timer = setTimeout(finish, wait);
      function finish(): void {
        clearTimeout(timer);
        resolve();
      }
      this.wakeUp = finish;
    });
    this.wakeUp = undefined;
  }
}

function waitingText(count: number): string {
  return count === 1
    ? "The document waits in the print queue and prints as soon as the printer is ready."
    : `${count} documents wait in the print queue and print as soon as the printer is ready.`;
}

export class NothingToReprintError extends DomainError {
  readonly code = "NOTHING_TO_REPRINT";
  override readonly kind = "not_found";
}
