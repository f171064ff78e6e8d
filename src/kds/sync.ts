/**
 * The kitchen display's link to the store: a long poll for the station's tickets, and the cook's
 * actions sent in order. When the store does not answer the display keeps what it had, shows
 * that it is offline, keeps the actions (in its data directory too, so a restart loses none) and
 * catches up when the store is back.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import { errorBodySchema } from "../api/error-body.ts";
import { kitchenTicketSchema, kitchenTicketsAnswerSchema } from "../api/store/kitchen.ts";
import {
  act,
  confirmed,
  initialKdsState,
  type KdsAction,
  type KdsState,
  move,
  offline,
  type PendingAction,
  received,
} from "./state.ts";

/** How long one poll waits for a ticket at the store (ms). */
const WAIT_MS = 20_000;
/** The pause before asking a store that did not answer again (ms). */
const RETRY_MS = 1_000;

const pendingFileSchema = z.array(
  z.object({ ticketId: z.string(), action: z.enum(["bump", "recall", "start"]) }),
);

/** Refusals that mean the action is already done at the store. */
const ALREADY = new Set(["TICKET_ALREADY_BUMPED", "TICKET_NOT_BUMPED"]);

export interface KdsSyncOptions {
  server: string;
  station: string;
  token: string;
  dataDir: string;
  now?: () => Date;
}

export class KdsSync {
  private state: KdsState = initialKdsState;
  private readonly listeners = new Set<(state: KdsState) => void>();
  private readonly stopping = new AbortController();
  private flushing = false;
  private wakeFlush: (() => void) | null = null;

  constructor(private readonly options: KdsSyncOptions) {
    this.state = { ...this.state, pending: this.loadPending() };
  }

  get current(): KdsState {
    return this.state;
  }

  onChange(listener: (state: KdsState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  start(): void {
    void this.pollLoop();
    void this.flushLoop();
  }

  stop(): void {
    this.stopping.abort();
    this.wakeFlush?.();
  }

  act(action: KdsAction): void {
    this.set(act(this.state, action, this.now().toISOString()));
    this.wakeFlush?.();
  }

  move(delta: number): void {
    this.set(move(this.state, delta));
  }

  private now(): Date {
    return this.options.now?.() ?? new Date();
  }

  private set(next: KdsState): void {
    if (next.pending !== this.state.pending) this.savePending(next.pending);
    this.state = next;
    for (const listener of this.listeners) listener(next);
  }

  private url(path: string): string {
    return `${this.options.server.replace(/\/$/, "")}/api/v1${path}`;
  }

  private headers(): Record<string, string> {
    return { authorization: `Bearer ${this.options.token}` };
  }

  private async pause(ms: number): Promise<void> {
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      this.stopping.signal.addEventListener("abort", () => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  private async pollLoop(): Promise<void> {
    while (!this.stopping.signal.aborted) {
      // The first ask answers at once (what is open now); then each waits for a change.
      const wait = this.state.online ? WAIT_MS : 0;
      const query = new URLSearchParams({
        station: this.options.station,
        since: String(this.state.seq),
        wait: String(wait),
      });
      try {
        const res = await fetch(this.url(`/kitchen/tickets?${query}`), {
          headers: this.headers(),
          signal: AbortSignal.any([this.stopping.signal, AbortSignal.timeout(wait + 5_000)]),
        });
        const body: unknown = await res.json();
        if (!res.ok) throw new StoreRefusal(refusalCode(body, res.status));
        this.set(received(this.state, kitchenTicketsAnswerSchema.parse(body), this.now().toISOString()));
        this.wakeFlush?.();
      } catch (err) {
        if (this.stopping.signal.aborted) return;
        this.set(
          err instanceof StoreRefusal
            ? { ...this.state, online: false, notice: { key: "refused", detail: err.code } }
            : offline(this.state, err instanceof Error ? err.message : String(err)),
        );
        await this.pause(RETRY_MS);
      }
    }
  }

  private async flushLoop(): Promise<void> {
    while (!this.stopping.signal.aborted) {
      const next = this.state.pending[0];
      if (next === undefined || !this.state.online) {
        await new Promise<void>((resolve) => {
          this.wakeFlush = resolve;
        });
        this.wakeFlush = null;
        continue;
      }
      if (!(await this.send(next))) await this.pause(RETRY_MS);
    }
  }

  /** Sends one action: true when the store took it (or refused it for good). */
  private async send(pending: PendingAction): Promise<boolean> {
    if (this.flushing) return false;
    this.flushing = true;
    try {
      const res = await fetch(this.url(`/kitchen/tickets/${pending.ticketId}/${pending.action}`), {
        method: "POST",
        headers: this.headers(),
        signal: AbortSignal.any([this.stopping.signal, AbortSignal.timeout(5_000)]),
      });
      const body: unknown = await res.json();
      if (res.ok) {
        kitchenTicketSchema.parse(body);
        this.set(confirmed(this.state));
        return true;
      }
      const code = refusalCode(body, res.status);
      if (res.status >= 500 || res.status === 401) throw new StoreRefusal(code);
      // Refused for good: the store's tickets are read again from the start to undo it on screen.
      this.set({ ...confirmed(this.state, ALREADY.has(code) ? undefined : code), seq: 0 });
      return true;
    } catch (err) {
      if (this.stopping.signal.aborted) return false;
      this.set(
        err instanceof StoreRefusal
          ? { ...this.state, notice: { key: "refused", detail: err.code } }
          : offline(this.state, err instanceof Error ? err.message : String(err)),
      );
      return false;
    } finally {
      this.flushing = false;
    }
  }

  private pendingFile(): string {
    return join(this.options.dataDir, `kds-${this.options.station}-pending.json`);
  }

  private loadPending(): PendingAction[] {
    const file = this.pendingFile();
    if (!existsSync(file)) return [];
    const parsed = pendingFileSchema.safeParse(JSON.parse(readFileSync(file, "utf8")));
    return parsed.success ? parsed.data : [];
  }

  private savePending(pending: readonly PendingAction[]): void {
    mkdirSync(this.options.dataDir, { recursive: true });
    const file = this.pendingFile();
    writeFileSync(`${file}.tmp`, JSON.stringify(pending));
    renameSync(`${file}.tmp`, file);
  }
}

/** The store answered with a refusal (its code, said in the cook's language on screen). */
class StoreRefusal extends Error {
  constructor(readonly code: string) {
    super(code);
  }
}

function refusalCode(body: unknown, status: number): string {
  return errorBodySchema.safeParse(body).data?.error.code ?? `HTTP ${status}`;
}
