/**
 * The label scale over Ringup's own line protocol (`protocol = "ringup"`): one tab-separated
 * request line and one answer line per TCP connection, for a scale behind a gateway that
 * speaks it and for the simulator. It is Ringup's protocol, not a vendor's; see
 * docs/devices.md ("Label scales") for the lines and for what of the CAS protocol is known.
 *
 *   PLU <no> <name> <priceMinor> <tareGrams> <shelfDays> <department>  →  OK <no> | ERR <why>
 *   STATUS                                                             →  STATUS <state> <pluCount>
 *   TOTALS                                                             →  TOTALS <no>:<weightMilli>:<amountMinor>:<labels>,…
 */
import type {
  LabelScale,
  ScaleFieldLimits,
  ScalePlu,
  ScaleSalesTotal,
  ScaleStatus,
} from "../../core/scales/scale-port.ts";
import { DeviceProtocolError, DeviceUnavailableError, DeviceUriError } from "../errors.ts";
import { LineRequestError, parseLineUri, requestLine } from "../io/line-request.ts";

export const LABEL_SCALE_PROTOCOLS = ["ringup"] as const;

/** Field widths of the line protocol (the scale's price field holds six digits). */
export const RINGUP_SCALE_LIMITS: ScaleFieldLimits = { priceDigits: 6, nameChars: 40, pluDigits: 5 };

const clean = (text: string) => text.replace(/[\t\r\n]/g, " ");

export function pluLine(plu: ScalePlu): string {
  return [
    "PLU",
    plu.pluNo,
    clean(plu.name),
    plu.unitPriceMinor,
    plu.tareGrams,
    plu.shelfLifeDays,
    clean(plu.departmentId),
  ].join("\t");
}

const count = /^\d{1,9}$/;

export function parseTotals(answer: string): ScaleSalesTotal[] | null {
  const [head, body = ""] = answer.split("\t");
  if (head !== "TOTALS") return null;
  const totals: ScaleSalesTotal[] = [];
  for (const entry of body === "" ? [] : body.split(",")) {
    const parts = entry.split(":");
    if (parts.length !== 4 || !parts.every((part) => count.test(part))) return null;
    const [pluNo, weightMilli, amountMinor, labels] = parts.map(Number) as [number, number, number, number];
    totals.push({ pluNo, weightMilli, amountMinor, labels });
  }
  return totals;
}

class RingupLineScale implements LabelScale {
  readonly description: string;
  readonly limits = RINGUP_SCALE_LIMITS;
  constructor(private readonly target: { host: string; port: number; timeoutMs: number }) {
    this.description = `tcp://${target.host}:${target.port} (ringup)`;
  }

  private async ask(line: string): Promise<string> {
    try {
      return await requestLine({ ...this.target, line, device: "the label scale" });
    } catch (error) {
      if (error instanceof LineRequestError && error.reason !== "garbage") {
        throw new DeviceUnavailableError(error.message);
      }
      throw new DeviceUnavailableError(
        error instanceof Error ? error.message : "the label scale closed the connection",
      );
    }
  }

  private garbage(answer: string): DeviceProtocolError {
    return new DeviceProtocolError(
      `the label scale answered something it should not: ${JSON.stringify(answer.slice(0, 40))}`,
    );
  }

  async writePlu(plu: ScalePlu): Promise<void> {
    const answer = await this.ask(pluLine(plu));
    if (answer === `OK\t${plu.pluNo}`) return;
    if (answer.startsWith("ERR\t")) {
      throw new DeviceProtocolError(`the label scale refused PLU ${plu.pluNo}: ${answer.slice(4)}`);
    }
    throw this.garbage(answer);
  }

  async readStatus(): Promise<ScaleStatus> {
    const answer = await this.ask("STATUS");
    const [head, state, pluCount] = answer.split("\t");
    if (head !== "STATUS" || !state || !pluCount || !count.test(pluCount)) throw this.garbage(answer);
    return { state, pluCount: Number(pluCount) };
  }

  async readSalesTotals(): Promise<readonly ScaleSalesTotal[]> {
    const answer = await this.ask("TOTALS");
    const totals = parseTotals(answer);
    if (totals === null) throw this.garbage(answer);
    return totals;
  }

  async close(): Promise<void> {}
}

/** Opens a label scale: `tcp://HOST:PORT[?timeoutMs=N]` with protocol `ringup`. */
export function openLabelScale(uri: string, protocol: string): LabelScale {
  if (!(LABEL_SCALE_PROTOCOLS as readonly string[]).includes(protocol)) {
    throw new DeviceUriError(
      `label scale protocol ${JSON.stringify(protocol)} is not supported: use ${LABEL_SCALE_PROTOCOLS.join(", ")}`,
    );
  }
  const target = parseLineUri(uri, { min: 100, max: 60000, defaultMs: 3000 });
  if (typeof target === "string") {
    throw new DeviceUriError(
      `label scale URI ${JSON.stringify(uri)} cannot be used: ${target} (tcp://HOST:PORT)`,
    );
  }
  return new RingupLineScale(target);
}
