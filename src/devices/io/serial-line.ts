/**
 * A serial line (RS-232, USB-serial, or a pseudo-terminal) that survives being unplugged: when
 * the device disappears the line reports "disconnected" and keeps looking for the path; when it
 * comes back the line reopens and reconfigures it, without the driver being recreated.
 *
 * Bun cannot run the serialport package's native poller (libuv's uv_poll is not available), so
 * the line opens the tty itself, reads it with Bun's non-blocking file stream and sets speed,
 * data bits, parity and raw mode with stty(1). Pseudo-terminals refuse data bits and parity;
 * the line then keeps 8N1, which is what a pty carries anyway.
 */
import * as fs from "node:fs";
import { DeviceUnavailableError } from "../errors.ts";
import type { SerialSettings } from "../uri.ts";

interface StreamReader {
  read(): Promise<{ done: boolean; value?: Uint8Array | undefined }>;
  cancel(): Promise<void>;
}

export type LineState = "connecting" | "connected" | "disconnected" | "closed";

export interface SerialLineOptions {
  settings: SerialSettings;
  /** How often to look for the device again after it went away (ms). */
  reconnectMs?: number;
}

const OPEN_FLAGS = fs.constants.O_RDWR | fs.constants.O_NOCTTY | fs.constants.O_NONBLOCK;

function sttyArgs(settings: SerialSettings, withFraming: boolean): string[] {
  const framing = withFraming
    ? [
        `cs${settings.dataBits}`,
        settings.parity === "none" ? "-parenb" : "parenb",
        settings.parity === "odd" ? "parodd" : "-parodd",
        settings.stopBits === 2 ? "cstopb" : "-cstopb",
      ]
    : [];
  return [
    String(settings.baudRate),
    ...framing,
    "raw",
    "-echo",
    "-echoe",
    "-echok",
    "clocal",
    "-crtscts",
    "-ixon",
    "-ixoff",
    "min",
    "1",
    "time",
    "0",
  ];
}

async function stty(path: string, args: string[]): Promise<string | undefined> {
  try {
    const child = Bun.spawn(["stty", "-F", path, ...args], {
      stdin: "ignore",
      stdout: "ignore",
      stderr: "pipe",
    });
    const [code, stderr] = await Promise.all([child.exited, new Response(child.stderr).text()]);
    return code === 0 ? undefined : stderr.trim() || `stty exited with ${code}`;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

function isAgain(error: unknown): boolean {
  return (
    error instanceof Error && "code" in error && (error.code === "EAGAIN" || error.code === "EWOULDBLOCK")
  );
}

export class SerialLine {
  private fd: number | undefined;
  private reader: StreamReader | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private current: LineState = "disconnected";
  private readonly dataListeners = new Set<(chunk: Uint8Array) => void>();
  private readonly stateListeners = new Set<(state: LineState) => void>();
  private readonly reconnectMs: number;
  /** Why the line is not connected, for messages. */
  lastProblem = "not opened yet";
  /** How many times the line has (re)connected. */
  connections = 0;

  constructor(
    readonly path: string,
    private readonly options: SerialLineOptions,
  ) {
    this.reconnectMs = options.reconnectMs ?? 500;
  }

  get state(): LineState {
    return this.current;
  }

  get settings(): SerialSettings {
    return this.options.settings;
  }

  /** Starts connecting; the line keeps trying until it is closed. */
  start(): this {
    if (this.current === "disconnected" && this.timer === undefined) void this.connect();
    return this;
  }

  onData(listener: (chunk: Uint8Array) => void): () => void {
    this.dataListeners.add(listener);
    return () => this.dataListeners.delete(listener);
  }

  onState(listener: (state: LineState) => void): () => void {
    this.stateListeners.add(listener);
    return () => this.stateListeners.delete(listener);
  }

  /** Resolves true once connected, false if still not connected after `timeoutMs`. */
  async waitConnected(timeoutMs: number): Promise<boolean> {
    if (this.current === "connected") return true;
    if (this.current === "closed") return false;
    return await new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => {
        off();
        resolve(this.current === "connected");
      }, timeoutMs);
      const off = this.onState((state) => {
        if (state !== "connected" && state !== "closed") return;
        clearTimeout(timer);
        off();
        resolve(state === "connected");
      });
    });
  }

  /** Writes all bytes, or throws DeviceUnavailableError when the device is not there. */
  async write(bytes: Uint8Array, timeoutMs = 5000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    let offset = 0;
    while (offset < bytes.length) {
      const fd = this.fd;
      if (fd === undefined || this.current !== "connected") throw this.unavailable();
      try {
        offset += fs.writeSync(fd, bytes, offset, bytes.length - offset);
      } catch (error) {
        if (!isAgain(error)) {
          this.lost(error instanceof Error ? error.message : String(error));
          throw this.unavailable();
        }
        if (Date.now() > deadline) throw this.unavailable("the device stopped accepting data");
        await Bun.sleep(5);
      }
    }
  }

  async close(): Promise<void> {
    this.setState("closed");
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    await this.release();
    this.dataListeners.clear();
    this.stateListeners.clear();
  }

  private isClosed(): boolean {
    return this.current === "closed";
  }

  private unavailable(reason?: string): DeviceUnavailableError {
    return new DeviceUnavailableError(
      `The device at ${this.path} is not connected (${reason ?? this.lastProblem}); check its cable and power. It is picked up again when it comes back.`,
      { path: this.path },
    );
  }

  private setState(state: LineState): void {
    if (this.current === state || this.current === "closed") return;
    this.current = state;
    for (const listener of this.stateListeners) listener(state);
  }

  private schedule(): void {
    if (this.current === "closed" || this.timer !== undefined) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.connect();
    }, this.reconnectMs);
  }

  private async connect(): Promise<void> {
    if (this.current === "closed" || this.current === "connected") return;
    this.setState("connecting");
    let fd: number;
    try {
      fd = fs.openSync(this.path, OPEN_FLAGS);
    } catch (error) {
      this.lastProblem = error instanceof Error && "code" in error ? String(error.code) : "cannot open";
      this.setState("disconnected");
      this.schedule();
      return;
    }
    this.fd = fd;
    const problem =
      (await stty(this.path, sttyArgs(this.settings, true))) === undefined
        ? undefined
        : await stty(this.path, sttyArgs(this.settings, false));
    if (this.isClosed()) {
      await this.release();
      return;
    }
    if (problem !== undefined) {
      this.lastProblem = `cannot configure the line: ${problem}`;
      await this.release();
      this.setState("disconnected");
      this.schedule();
      return;
    }
    const reader: StreamReader = Bun.file(fd).stream().getReader();
    this.reader = reader;
    this.connections += 1;
    this.setState("connected");
    void this.pump(reader);
  }

  private async pump(reader: StreamReader): Promise<void> {
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done || value === undefined) break;
        if (value.length > 0) for (const listener of this.dataListeners) listener(value);
      }
      if (this.reader === reader) this.lost("the device went away");
    } catch (error) {
      if (this.reader === reader) this.lost(error instanceof Error ? error.message : String(error));
    }
  }

  private lost(reason: string): void {
    if (this.current === "closed") return;
    this.lastProblem = reason;
    void this.release();
    this.setState("disconnected");
    this.schedule();
  }

  private async release(): Promise<void> {
    const reader = this.reader;
    const fd = this.fd;
    this.reader = undefined;
    this.fd = undefined;
    if (reader !== undefined) await reader.cancel().catch(() => undefined);
    if (fd !== undefined) {
      try {
        fs.closeSync(fd);
      } catch {
        // Already gone with the device.
      }
    }
  }
}
