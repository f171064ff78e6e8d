/**
 * What the store needs of a label scale (a scale that weighs, prices and prints a barcode
 * label): take PLUs one by one and report its status and sales totals. The drivers
 * (src/devices/label-scale) implement it; the store is handed the opener when it starts, so
 * the store server itself never imports a device.
 */

/** One PLU as the scale keeps it. */
export interface ScalePlu {
  /** The scale's item number (1–99999). */
  readonly pluNo: number;
  readonly name: string;
  /** Price per kilogram for a weighed item, in minor units. */
  readonly unitPriceMinor: number;
  /** Tare in grams. */
  readonly tareGrams: number;
  /** Shelf life in days (0 = none). */
  readonly shelfLifeDays: number;
  readonly departmentId: string;
}

export interface ScaleStatus {
  /** The scale's own words for its state ("ready", "paper-out"…). */
  readonly state: string;
  /** How many PLUs the scale holds. */
  readonly pluCount: number;
}

export interface ScaleSalesTotal {
  readonly pluNo: number;
  readonly weightMilli: number;
  readonly amountMinor: number;
  readonly labels: number;
}

/** The widths of a scale's fields, checked before anything is sent. */
export interface ScaleFieldLimits {
  readonly priceDigits: number;
  readonly nameChars: number;
  readonly pluDigits: number;
}

export interface LabelScale {
  /** Where the scale is and its protocol: "tcp://10.0.0.9:4001 (ringup)". */
  readonly description: string;
  readonly limits: ScaleFieldLimits;
  /** Writes one PLU; resolves once the scale has acknowledged it. */
  writePlu(plu: ScalePlu): Promise<void>;
  readStatus(): Promise<ScaleStatus>;
  readSalesTotals(): Promise<readonly ScaleSalesTotal[]>;
  close(): Promise<void>;
}

/** Opens a label scale from its URI and protocol name (refusing a bad one with DEVICE_URI_INVALID). */
export type OpenLabelScale = (uri: string, protocol: string) => LabelScale;

/** Why a PLU does not fit the scale's fields, or null when it fits. */
export function pluMisfit(
  plu: ScalePlu,
  limits: ScaleFieldLimits,
): { field: "unitPriceMinor" | "name" | "pluNo"; limit: number } | null {
  if (String(plu.pluNo).length > limits.pluDigits) return { field: "pluNo", limit: limits.pluDigits };
  if (String(plu.unitPriceMinor).length > limits.priceDigits)
    return { field: "unitPriceMinor", limit: limits.priceDigits };
  if (plu.name.length > limits.nameChars) return { field: "name", limit: limits.nameChars };
  return null;
}

/** A fingerprint of what a PLU says, so a sync sends only what changed or is missing. */
export function pluFingerprint(plu: ScalePlu): string {
  return [plu.pluNo, plu.name, plu.unitPriceMinor, plu.tareGrams, plu.shelfLifeDays, plu.departmentId].join(
    "\u001f",
  );
}
