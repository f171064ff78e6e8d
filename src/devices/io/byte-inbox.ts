/**
 * Bytes received from a device, waiting to be read as frames. A driver asks for the next frame
 * with a parser and a deadline; the answer is the frame, or undefined when the device stayed
 * silent (the driver turns that into "no answer").
 */

/** Finds one frame at the start of `bytes` (skipping noise as it likes); undefined until complete. */
export type FrameParser<T> = (bytes: Uint8Array) => { value: T; consumed: number } | undefined;

export class ByteInbox {
  private buffer = new Uint8Array(0);
  private wake: (() => void) | undefined;

  push(chunk: Uint8Array): void {
    const next = new Uint8Array(this.buffer.length + chunk.length);
    next.set(this.buffer);
    next.set(chunk, this.buffer.length);
    this.buffer = next;
    this.wake?.();
  }

  /** Drops whatever arrived so far (stale answers before a new request). */
  clear(): void {
    this.buffer = new Uint8Array(0);
  }

  get size(): number {
    return this.buffer.length;
  }

  /** The next frame, or undefined if none is complete within `timeoutMs`. */
  async take<T>(parse: FrameParser<T>, timeoutMs: number): Promise<T | undefined> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = parse(this.buffer);
      if (found !== undefined) {
        this.buffer = this.buffer.slice(found.consumed);
        return found.value;
      }
      const left = deadline - Date.now();
      if (left <= 0) return undefined;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(done, left);
        function done(): void {
          clearTimeout(timer);
          resolve();
        }
        this.wake = done;
      });
      this.wake = undefined;
    }
  }
}
