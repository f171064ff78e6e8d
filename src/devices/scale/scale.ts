/**
 * A weighing scale at the counter. Weights are integer milli-units of the scale's unit
 * (grams for kg, thousandths of a pound for lb); the till prices them.
 */

export type WeightUnit = "kg" | "lb";

export type ScaleReading =
  /** Settled weight, safe to price. */
  | { status: "stable"; weightMilli: number; unit: WeightUnit }
  /** Still settling; the weight (when the scale tells it) is only indicative. */
  | { status: "motion"; weightMilli?: number; unit: WeightUnit }
  /** Nothing on the platter. */
  | { status: "zero"; unit: WeightUnit }
  /** More than the scale can weigh. */
  | { status: "overload" }
  /** Below zero: the platter was lifted or the scale needs zeroing. */
  | { status: "underload" }
  /** The scale did not answer (unplugged, off, wrong port, baud or protocol). */
  | { status: "no-answer"; detail: string }
  /** The scale answered something unusable, or reported an internal fault. */
  | { status: "error"; detail: string };

export interface ReadStableOptions {
  /** Give up after this long and return the last reading (ms). */
  timeoutMs?: number;
  /** Pause between readings while the scale is in motion (ms). */
  pollMs?: number;
}

export interface Scale {
  /** What the scale is, for messages: "toledo 8217 scale at /dev/ttyUSB0 (9600 baud)". */
  readonly description: string;
  /** One reading, now. */
  read(): Promise<ScaleReading>;
  /** Reads until the weight settles (or zero, overload, no answer, or the timeout). */
  readStable(options?: ReadStableOptions): Promise<ScaleReading>;
  /** Asks the scale to zero itself; answers the reading afterwards. */
  zero(): Promise<ScaleReading>;
  close(): Promise<void>;
}

/** A reading in words, for the till's status line and `ringup devices test`. */
export function describeReading(reading: ScaleReading): string {
  const amount = (milli: number): string => {
    const sign = milli < 0 ? "-" : "";
    const abs = Math.abs(milli);
    return `${sign}${Math.floor(abs / 1000)}.${String(abs % 1000).padStart(3, "0")}`;
  };
  switch (reading.status) {
    case "stable":
      return `${amount(reading.weightMilli)} ${reading.unit}, stable`;
    case "motion":
      return reading.weightMilli === undefined
        ? "in motion"
        : `${amount(reading.weightMilli)} ${reading.unit}, in motion`;
    case "zero":
      return `zero (${reading.unit}), nothing on the scale`;
    case "overload":
      return "overload: too heavy for the scale";
    case "underload":
      return "below zero: zero the scale with nothing on it";
    case "no-answer":
    case "error":
      return reading.detail;
  }
}
