/**
 * Keeps a NATS worker's session running while the process wants it: waits for the link,
 * runs one session on the live connection, and when it fails retries after the back-off the
 * worker asks for, logging a problem once (not once per retry) and its recovery once.
 */
import type { NatsConnection } from "@nats-io/transport-node";
import type { NatsLink } from "./connection.ts";

export interface SupervisedWorker {
  /** One session on a live connection; it returns or throws when the session ends. */
  session(nc: NatsConnection): Promise<void>;
  /** What to log about a failed session (null: nothing) and how long to wait before the next. */
  onFailure(err: unknown, failures: number): { problem: string | null; retryInMs: number };
}

export class SessionSupervisor {
  #running = false;
  #stopped: Promise<void> = Promise.resolve();
  #wake: (() => void) | null = null;
  #problem: string | null = null;

  constructor(
    private readonly link: NatsLink,
    private readonly log: (text: string) => void,
    private readonly worker: SupervisedWorker,
    /** Called first on stop, e.g. to close the worker's queue so its session returns. */
    private readonly onStop: () => void = () => {},
  ) {}

  get running(): boolean {
    return this.#running;
  }

  start(): void {
    if (this.#running) return;
    this.#running = true;
    this.#stopped = this.#run();
  }

  async stop(): Promise<void> {
    this.#running = false;
    this.onStop();
    this.wake();
    await this.#stopped;
  }

  /** The problem logged last and not yet recovered from, else null. */
  get problem(): string | null {
    return this.#problem;
  }

  /** Ends the current sleep early, e.g. when the worker has new work. */
  wake(): void {
    this.#wake?.();
  }

  /** A session is up: says so once if a problem was logged before. */
  recovered(message: string): void {
    if (this.#problem === null) return;
    this.log(message);
    this.#problem = null;
  }

  /** Waits, or less if stop() is called meanwhile. */
  sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      const self = this;
      function done() {
        clearTimeout(timer);
        if (self.#wake === done) self.#wake = null;
        resolve();
      }
      this.#wake = done;
    });
  }

  async #run(): Promise<void> {
    let failures = 0;
    while (this.#running) {
      const nc = this.link.connection;
      if (!nc) {
        await this.sleep(100);
        continue;
      }
      try {
        await this.worker.session(nc);
        failures = 0;
      } catch (err) {
        if (!this.#running) break;
        failures++;
        const { problem, retryInMs } = this.worker.onFailure(err, failures);
        if (problem !== null && problem !== this.#problem) {
          this.log(problem);
          this.#problem = problem;
        }
        await this.sleep(retryInMs);
      }
    }
  }
}
