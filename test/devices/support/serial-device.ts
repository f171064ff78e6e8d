/**
 * A simulated serial device on the device end of a pty pair: it reads what the driver sends
 * and answers through `respond`, like the real device would. It reconnects by itself after an
 * unplug, as a real device powers back up.
 */
import { SerialLine } from "../../../src/devices/io/serial-line.ts";
import type { SerialSettings } from "../../../src/devices/uri.ts";

export class SerialDevice implements AsyncDisposable {
  readonly line: SerialLine;
  /** Every byte received from the driver. */
  received: number[] = [];

  constructor(
    path: string,
    settings: SerialSettings,
    private readonly respond: (bytes: Uint8Array) => Uint8Array = () => new Uint8Array(),
  ) {
    this.line = new SerialLine(path, { settings, reconnectMs: 25 });
    this.line.onData((chunk) => {
      this.received.push(...chunk);
      const answer = this.respond(chunk);
      if (answer.length > 0) void this.line.write(answer).catch(() => undefined);
    });
    this.line.start();
  }

  async ready(): Promise<this> {
    if (!(await this.line.waitConnected(5000)))
      throw new Error(`simulated device could not open ${this.line.path}`);
    return this;
  }

  send(bytes: Uint8Array): Promise<void> {
    return this.line.write(bytes);
  }

  receivedText(): string {
    return String.fromCharCode(...this.received.map((b) => b & 0x7f));
  }

  async [Symbol.asyncDispose](): Promise<void> {
    await this.line.close();
  }
}
