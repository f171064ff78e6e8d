/**
 * A label scale on a loopback port speaking the ringup line protocol: keeps the PLUs it is
 * sent, counts sales, and can lose the link after some PLUs (`dropAfter`) or answer garbage.
 */
import { HANG_UP, LineServer } from "../io/line-server.ts";

export interface SimulatedScaleOptions {
  /** Hang up (without answering) when this many PLUs have been written since the last `heal()`. */
  dropAfter?: number;
  /** Answer every request with bytes the protocol does not allow. */
  garbage?: boolean;
}

export class SimulatedLabelScale {
  /** The PLUs the scale holds, by number: the line's fields after `PLU`. */
  readonly plus = new Map<number, string[]>();
  /** Every PLU number written, in order (to see what a resumed sync sent again). */
  readonly written: number[] = [];
  private readonly sales = new Map<number, { weightMilli: number; amountMinor: number; labels: number }>();
  private writesSinceHeal = 0;
  private readonly server: LineServer;

  constructor(private options: SimulatedScaleOptions = {}) {
    this.server = new LineServer((line) => this.answer(line));
  }

  listen(): Promise<string> {
    return this.server.listen();
  }

  close(): Promise<void> {
    return this.server.close();
  }

  /** The link comes back: no more drops or garbage. */
  heal(): void {
    this.options = {};
    this.writesSinceHeal = 0;
  }

  /** A label printed at the scale: the weight at the PLU's price, rounded to the minor unit. */
  sell(pluNo: number, weightMilli: number): void {
    const price = Number(this.plus.get(pluNo)?.[2] ?? 0);
    const sold = this.sales.get(pluNo) ?? { weightMilli: 0, amountMinor: 0, labels: 0 };
    this.sales.set(pluNo, {
      weightMilli: sold.weightMilli + weightMilli,
      amountMinor: sold.amountMinor + Math.round((price * weightMilli) / 1000),
      labels: sold.labels + 1,
    });
  }

  private answer(line: string): string | null | typeof HANG_UP {
    if (this.options.garbage) return "\u0015\u00ff?!";
    const fields = line.split("\t");
    switch (fields[0]) {
      case "PLU": {
        if (this.options.dropAfter !== undefined && this.writesSinceHeal >= this.options.dropAfter)
          return HANG_UP;
        const pluNo = Number(fields[1]);
        if (fields.length !== 7 || !Number.isInteger(pluNo)) return "ERR\tbad PLU line";
        this.plus.set(pluNo, fields.slice(1));
        this.written.push(pluNo);
        this.writesSinceHeal += 1;
        return `OK\t${pluNo}`;
      }
      case "STATUS":
        return `STATUS\tready\t${this.plus.size}`;
      case "TOTALS":
        return `TOTALS\t${[...this.sales].map(([no, t]) => `${no}:${t.weightMilli}:${t.amountMinor}:${t.labels}`).join(",")}`;
      default:
        return "ERR\tunknown command";
    }
  }
}
