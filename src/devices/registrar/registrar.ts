/**
 * A fiscal printer (registrar) reached over TCP (`tcp://HOST:PORT?timeoutMs=3000`): it prints the
 * receipt itself and keeps it in its own fiscal memory, answering the receipt's number there.
 * One request a line, one answer a line (docs/devices.md, "Fiscal printers"):
 *
 *   PRINT <text base64>   → OK <fiscalReceiptNo> <memoryCounter>
 *   anything it cannot do → ERR <CODE> <text>    (ERR PAPER_OUT … when out of paper)
 */
import { LineRequestError, parseLineUri, requestLine } from "../io/line-request.ts";

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
  private readonly address: { host: string; port: number; timeoutMs: number };

  constructor(readonly uri: string) {
    const parsed = parseLineUri(uri, { min: 100, max: 60_000, defaultMs: REGISTRAR_TIMEOUT_MS });
    if (typeof parsed === "string") {
      throw new RegistrarError(
        "refused",
        `"${uri}" is not a usable fiscal printer URI: ${parsed}. Use tcp://HOST:PORT (optionally ?timeoutMs=3000).`,
      );
    }
    this.address = parsed;
  }

  async print(text: string): Promise<RegistrarReceipt> {
    let line: string;
    try {
      line = await requestLine({
        ...this.address,
        line: `PRINT ${Buffer.from(text, "utf8").toString("base64")}`,
        device: "the fiscal printer",
        maxAnswer: 1024,
      });
    } catch (err) {
      if (err instanceof LineRequestError) throw new RegistrarError(err.reason, err.message);
      throw err;
    }
    return parsePrinted(line);
  }
}
