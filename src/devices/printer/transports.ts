/**
 * How print jobs reach the printer: a TCP connection (raw port 9100), a device file
 * (/dev/usb/lp0), a serial line, or a simulated printer in memory. Each delivery opens the
 * way to the printer afresh, so a printer that was switched off and on again is simply used.
 *
 * Before a job the driver asks for the printer's status (DLE EOT 1, 2, 4) where the transport
 * can read answers; a printer that is offline, out of paper or open is not sent the job. After
 * the job one more status request confirms the printer took every byte.
 */
import * as fs from "node:fs";
import * as net from "node:net";
import { DeviceUnavailableError, PrinterNotReadyError } from "../errors.ts";
import { statusRequest } from "../escpos/commands.ts";
import type { PrinterEmulator } from "../escpos/printer-emulator.ts";
import {
  describeStatus,
  FULL_STATUS_QUERY,
  type PrinterStatus,
  parseFullStatus,
  statusBytes,
} from "../escpos/status.ts";
import { ByteInbox } from "../io/byte-inbox.ts";
import type { SerialLine } from "../io/serial-line.ts";

export interface Channel {
  readonly inbox: ByteInbox;
  write(bytes: Uint8Array): Promise<void>;
  close(): Promise<void>;
}

export interface PrinterTransport {
  /** Where the printer is, for messages: "tcp://10.0.0.5:9100". */
  readonly description: string;
  /** Whether the printer's answers can be read back (not through a device file). */
  readonly readsStatus: boolean;
  open(): Promise<Channel>;
  /** Releases what the transport keeps open between jobs (a serial line). */
  close?(): Promise<void>;
}

export type StatusMode = "auto" | "off" | "required";

export interface DeliveryOptions {
  status: StatusMode;
  timeoutMs: number;
}

function offline(where: string, why: string): DeviceUnavailableError {
  return new DeviceUnavailableError(
    `The printer at ${where} is offline (${why}); check that it is switched on and connected.`,
    { where, why },
  );
}

export function notReady(where: string, status: PrinterStatus): PrinterNotReadyError {
  const state = describeStatus(status);
  if (status.paperOut) {
    return new PrinterNotReadyError(
      "PRINTER_PAPER_OUT",
      `The printer at ${where} is out of paper; load a new roll.`,
      status,
    );
  }
  if (status.coverOpen) {
    return new PrinterNotReadyError(
      "PRINTER_COVER_OPEN",
      `The printer at ${where} has its cover open; close it.`,
      status,
    );
  }
  return new PrinterNotReadyError(
    "PRINTER_OFFLINE",
    `The printer at ${where} is ${state}; check it.`,
    status,
  );
}

/** Asks for the full status; undefined when the printer does not answer in time. */
export async function queryStatus(channel: Channel, timeoutMs: number): Promise<PrinterStatus | undefined> {
  channel.inbox.clear();
  await channel.write(FULL_STATUS_QUERY);
  const reply = await channel.inbox.take(statusBytes(3), timeoutMs);
  return reply === undefined ? undefined : parseFullStatus(reply);
}

/** Sends `bytes` to the printer with the status checks around them. */
export async function deliver(
  transport: PrinterTransport,
  bytes: Uint8Array,
  options: DeliveryOptions,
  checkReady = true,
): Promise<void> {
  const channel = await transport.open();
  try {
    let answers = false;
    if (transport.readsStatus && options.status !== "off") {
      const status = await queryStatus(channel, options.timeoutMs);
      if (status !== undefined) {
        answers = true;
        if (checkReady && (!status.online || status.paperOut || status.coverOpen || status.error)) {
          throw notReady(transport.description, status);
        }
      } else if (options.status === "required") {
        throw offline(transport.description, "it does not answer status requests");
      }
    }
    await channel.write(bytes);
    if (answers) {
      await channel.write(statusRequest(1));
      const ack = await channel.inbox.take(statusBytes(1), options.timeoutMs);
      if (ack === undefined) throw offline(transport.description, "it stopped answering during the job");
    }
  } finally {
    await channel.close();
  }
}

export function tcpTransport(host: string, port: number, timeoutMs: number): PrinterTransport {
  const where = `tcp://${host.includes(":") ? `[${host}]` : host}:${port}`;
  return {
    description: where,
    readsStatus: true,
    open: () =>
      new Promise<Channel>((resolve, reject) => {
        const inbox = new ByteInbox();
        const socket = net.createConnection({ host, port });
        let failure: Error | undefined;
        const timer = setTimeout(() => {
          socket.destroy();
          reject(offline(where, `no connection within ${timeoutMs} ms`));
        }, timeoutMs);
        socket.on("data", (chunk: Buffer) => inbox.push(new Uint8Array(chunk)));
        socket.on("error", (error: Error & { code?: string }) => {
          failure = offline(
            where,
            error.code === "ECONNREFUSED" ? "connection refused" : (error.code ?? error.message),
          );
          clearTimeout(timer);
          reject(failure);
        });
        socket.once("connect", () => {
          clearTimeout(timer);
          resolve({
            inbox,
            write: (bytes) =>
              new Promise<void>((done, fail) => {
                if (failure !== undefined || socket.destroyed) {
                  fail(failure ?? offline(where, "the connection closed"));
                  return;
                }
                const guard = setTimeout(() => fail(offline(where, "it stopped taking data")), timeoutMs * 4);
                socket.write(bytes, (error) => {
                  clearTimeout(guard);
                  if (error) fail(offline(where, error.message));
                  else done();
                });
              }),
            close: () =>
              new Promise<void>((done) => {
                const force = setTimeout(() => {
                  socket.destroy();
                  done();
                }, 1000);
                socket.end(() => {
                  clearTimeout(force);
                  socket.destroy();
                  done();
                });
              }),
          });
        });
      }),
  };
}

/** A printer device file such as /dev/usb/lp0: write-only, never created if missing. */
export function fileTransport(path: string): PrinterTransport {
  const where = `file:${path}`;
  return {
    description: where,
    readsStatus: false,
    async open() {
      let handle: fs.promises.FileHandle;
      try {
        handle = await fs.promises.open(
          path,
          fs.constants.O_WRONLY | fs.constants.O_APPEND | fs.constants.O_NOCTTY,
        );
      } catch (error) {
        throw offline(where, error instanceof Error && "code" in error ? String(error.code) : "cannot open");
      }
      return {
        inbox: new ByteInbox(),
        async write(bytes) {
          try {
            let offset = 0;
            while (offset < bytes.length) offset += (await handle.write(bytes, offset)).bytesWritten;
          } catch (error) {
            throw offline(where, error instanceof Error ? error.message : String(error));
          }
        },
        close: () => handle.close(),
      };
    },
  };
}

/** A serial printer on a line that reconnects by itself after an unplug. */
export function serialTransport(line: SerialLine, timeoutMs: number): PrinterTransport {
  const where = `serial:${line.path}`;
  line.start();
  return {
    description: where,
    readsStatus: true,
    async open() {
      if (!(await line.waitConnected(timeoutMs))) throw offline(where, line.lastProblem);
      const inbox = new ByteInbox();
      const off = line.onData((chunk) => inbox.push(chunk));
      return { inbox, write: (bytes) => line.write(bytes, timeoutMs * 4), close: async () => void off() };
    },
    close: () => line.close(),
  };
}

/** A printer in memory: switch it off, take its paper away, open its cover. */
export function emulatorTransport(emulator: PrinterEmulator, power: { on: boolean }): PrinterTransport {
  const where = "sim:";
  return {
    description: "simulated printer",
    readsStatus: true,
    async open() {
      if (!power.on) throw offline(where, "the simulated printer is switched off");
      const inbox = new ByteInbox();
      return {
        inbox,
        async write(bytes) {
          const reply = emulator.receive(bytes);
          if (reply.length > 0) queueMicrotask(() => inbox.push(reply));
        },
        close: async () => undefined,
      };
    },
  };
}
