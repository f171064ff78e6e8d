/**
 * A queue between a NATS callback (which must not await) and an async worker that takes
 * whatever has arrived, up to a limit, as one batch: one database transaction for many
 * messages under load, one message at a time when idle.
 */
export class BatchQueue<T> {
  #items: T[] = [];
  #waiter: (() => void) | null = null;
  #closed = false;

  get length(): number {
    return this.#items.length;
  }

  push(item: T): void {
    if (this.#closed) return;
    this.#items.push(item);
    this.#wake();
  }

  /** Waits for at least one item (or close, or the timeout) and answers up to `max` of them. */
  async take(max: number, timeoutMs = 1_000): Promise<T[]> {
    if (this.#items.length === 0 && !this.#closed) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(done, timeoutMs);
        const self = this;
        function done() {
          clearTimeout(timer);
          if (self.#waiter === done) self.#waiter = null;
          resolve();
        }
        this.#waiter = done;
      });
    }
    return this.#items.splice(0, max);
  }

  /** Drops what is queued (e.g. messages of a session that ended: they will be redelivered). */
  clear(): void {
    this.#items = [];
  }

  close(): void {
    this.#closed = true;
    this.#items = [];
    this.#wake();
  }

  #wake(): void {
    const waiter = this.#waiter;
    this.#waiter = null;
    waiter?.();
  }
}
