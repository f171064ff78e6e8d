/**
 * A terminal for mounting the till as `ringup till` does (mountTill), without one: stdout keeps
 * what is written, stdin is fed as a terminal in raw mode delivers keys.
 */
import { EventEmitter } from "node:events";
import { Writable } from "node:stream";
import type { Instance } from "ink";
import type { TillController } from "../../../src/till/app/controller.ts";
import { mountOnStreams } from "../../../src/till/ui/mount.ts";

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

export interface FakeTerminalTill {
  instance: Instance;
  stdin: FakeStdin;
  /** What the till has written since the start or the last clear (its last `keep` characters). */
  written(): string;
  clear(): void;
}

/** The till mounted as `ringup till` mounts it, on a FakeTty and a FakeStdin. */
export function mountOnFakeTerminal(
  controller: TillController,
  keep = Number.POSITIVE_INFINITY,
): FakeTerminalTill {
  const stdout = new FakeTty();
  const stdin = new FakeStdin();
  let written = "";
  stdout.onChunk = (text) => {
    written += text;
    if (written.length > keep) written = written.slice(-keep);
  };
  const instance = mountOnStreams(controller, {
    stdout: stdout as unknown as NodeJS.WriteStream,
    stdin: stdin as unknown as NodeJS.ReadStream,
  });
  return {
    instance,
    stdin,
    written: () => written,
    clear: () => {
      written = "";
    },
  };
}
