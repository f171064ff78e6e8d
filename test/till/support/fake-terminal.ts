/**
 * A terminal for mounting the till as `ringup till` does (mountTill), without one: stdout keeps
 * what is written, stdin is fed as a terminal in raw mode delivers keys.
 */
import { EventEmitter } from "node:events";
import { Writable } from "node:stream";

export class FakeTty extends Writable {
  columns = 80;
  rows = 24;
  isTTY = true;
  onChunk: (text: string) => void = () => {};
  override _write(chunk: Buffer | string, _enc: BufferEncoding, done: () => void): void {
    this.onChunk(String(chunk));
    done();
  }
}

export class FakeStdin extends EventEmitter {
  isTTY = true;
  private pending: string | null = null;
  setRawMode(): void {}
  setEncoding(): void {}
  resume(): void {}
  pause(): void {}
  ref(): void {}
  unref(): void {}
  read(): string | null {
    const data = this.pending;
    this.pending = null;
    return data;
  }
  send(data: string): void {
    this.pending = data;
    this.emit("readable");
    this.emit("data", data);
  }
}
