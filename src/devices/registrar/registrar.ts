/**
 * A fiscal printer (registrar) reached over TCP (`tcp://HOST:PORT?timeoutMs=3000`): it prints the
 * receipt itself and keeps it in its own fiscal memory, answering the receipt's number there.
 * One request a line, one answer a line (docs/devices.md, "Fiscal printers"):
 *
 *   PRINT <text base64>   → OK <fiscalReceiptNo> <memoryCounter>
 *   anything it cannot do → ERR <CODE> <text>    (ERR PAPER_OUT … when out of paper)
 */
import { createConnection } from "node:net";

export const REGISTRAR_TIMEOUT_MS = 3000;

export interface RegistrarReceipt {
  /** The receipt's number in the device's fiscal memory. */
  fiscalReceiptNo: string;
  memoryCounter: number;
}

export type RegistrarFailure = "paper-out" | "timeout" | "garbage" | "refused" | "offline";

export class RegistrarError extends Error {
  constructor(
    readonly reason: RegistrarFailure,
    message: string,
  ) {
    super(message);
  }
}

export interface FiscalRegistrar {
  readonly uri: string;
  print(text: string): Promise<RegistrarReceipt>;
}

/** Reads an answer to PRINT. */
export function parsePrinted(line: string): RegistrarReceipt {
  const parts = line.split(" ");
  if (parts[0] === "ERR") {
    const reason = parts[1] === "PAPER_OUT" ? "paper-out" : "refused";
    throw new RegistrarError(reason, `the fiscal printer refused: ${parts.slice(1).join(" ").slice(0, 120)}`);
  }
  const [ok, number, counter] = parts;
  if (
    ok !== "OK" ||
    parts.length !== 3 ||
    !/^[A-Za-z0-9-]{1,32}$/.test(number ?? "") ||
    !/^\d{1,12}$/.test(counter ?? "")
  ) {
    throw new RegistrarError(
      "garbage",
      `the fiscal printer answered something else: ${JSON.stringify(line.slice(0, 60))}`,
    );
  }
  return { fiscalReceiptNo: number ?? "", memoryCounter: Number(counter) };
}

export class TcpFiscalRegistrar implements FiscalRegistrar {
  private readonly host: string;
  private readonly port: number;
  private readonly timeoutMs: number;

  constructor(readonly uri: string) {
    const fail = (why: string) =>
      new RegistrarError(
        "refused",
        `"${uri}" is not a usable fiscal printer URI: ${why}. Use tcp://HOST:PORT (optionally ?timeoutMs=3000).`,
      );
    let url: URL;
    try {
      url = new URL(uri);
    } catch {
      throw fail("it is not a URI");
    }
    if (url.protocol !== "tcp:" || url.port === "") throw fail("it must be tcp://HOST:PORT");
    this.host = url.hostname;
    this.port = Number(url.port);
    this.timeoutMs = REGISTRAR_TIMEOUT_MS;
    for (const [key, value] of url.searchParams) {
      const ms = Number(value);
      if (key !== "timeoutMs" || !Number.isInteger(ms) || ms < 100 || ms > 60_000) {
        throw fail(`${key}=${value} is not allowed (timeoutMs: 100 to 60000)`);
      }
      this.timeoutMs = ms;
    }
  }

  print(text: string): Promise<RegistrarReceipt> {
    return new Promise((resolve, reject) => {
      let buffered = "";
      let done = false;
      const socket = createConnection({ host: this.host, port: this.port });
      const settle = (outcome: () => RegistrarReceipt) => {
        if (done) return;
        done = true;
        clearTimeout(timer);
        socket.destroy();
        try {
          resolve(outcome());
        } catch (err) {
          reject(err);
        }
      };
      const fail = (reason: RegistrarFailure, message: string) =>
        settle(() => {
          throw new RegistrarError(reason, message);
        });
      const timer = setTimeout(
        () => fail("timeout", `no answer from the fiscal printer within ${this.timeoutMs} ms`),
        this.timeoutMs,
      );
      socket.setEncoding("utf8");
      socket.on("connect", () => socket.write(`PRINT ${Buffer.from(text, "utf8").toString("base64")}\n`));
      socket.on("data", (chunk: string) => {
        buffered += chunk;
        const end = buffered.indexOf("\n");
        if (end >= 0) settle(() => parsePrinted(buffered.slice(0, end).replace(/\r$/, "")));
        else if (buffered.length > 1024) fail("garbage", "the fiscal printer sent an over-long answer");
      });
      socket.on("error", (err) =>
        fail("offline", `the fiscal printer at ${this.host}:${this.port} is not reachable (${err.message})`),
      );
      socket.on("close", () => fail("garbage", "the fiscal printer closed the connection without an answer"));
    });
  }
}
