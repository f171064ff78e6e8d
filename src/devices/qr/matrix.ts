/**
 * QR code matrices from bwip-js (pure JavaScript, no I/O): the printer rasterises them when it
 * has no QR command of its own, and the till draws them on screen with block characters.
 */
import bwipjs from "bwip-js/generic";

export type QrCorrection = "L" | "M" | "Q" | "H";

/** A QR symbol's modules, row by row, true where dark; without its quiet zone. */
export interface QrMatrix {
  readonly size: number;
  readonly rows: readonly (readonly boolean[])[];
}

interface RawMatrix {
  pixs: number[];
  pixx: number;
  pixy: number;
}

function isRawMatrix(value: unknown): value is RawMatrix {
  if (typeof value !== "object" || value === null) return false;
  const v = value as Partial<RawMatrix>;
  return Array.isArray(v.pixs) && typeof v.pixx === "number" && typeof v.pixy === "number";
}

/** The QR matrix (model 2, the smallest version that holds `data` at `correction`). */
export function qrMatrix(data: string, correction: QrCorrection = "M"): QrMatrix {
  // The default export's `raw` is the encoder; the module's named `raw` export is the renderer
  // of the "raw" symbology, which takes a drawing context (bwip-js 4.11).
  const encoded: unknown[] = bwipjs.raw("qrcode", data, `eclevel=${correction}`);
  const first = encoded[0];
  if (!isRawMatrix(first) || first.pixx !== first.pixy || first.pixs.length !== first.pixx * first.pixy) {
    throw new RangeError("bwip-js answered no square QR matrix");
  }
  const size = first.pixx;
  const rows: boolean[][] = [];
  for (let y = 0; y < size; y++) {
    rows.push(first.pixs.slice(y * size, (y + 1) * size).map((pixel) => pixel !== 0));
  }
  return { size, rows };
}

/** QR version (1–40) of a matrix: 21 modules for version 1, 4 more per version. */
export function qrVersion(matrix: QrMatrix): number {
  return (matrix.size - 17) / 4;
}
