/**
 * ESC/POS QR codes: the printer's own QR command (GS ( k, function 165 to 181) where it has one,
 * else the symbol as a raster image (GS v 0) built from the same matrix.
 */
import { type QrCorrection, type QrMatrix, qrMatrix } from "../qr/matrix.ts";
import { GS } from "./commands.ts";

/** GS ( k's error-correction parameter (function 169): 48 L, 49 M, 50 Q, 51 H. */
const CORRECTION_BYTE: Record<QrCorrection, number> = { L: 48, M: 49, Q: 50, H: 51 };

/** The most data function 180 stores: pL pH count the 3 bytes cn fn m too. */
export const MAX_QR_DATA_BYTES = 7089;

export interface QrOptions {
  /** Module (dot) size 1–16. */
  moduleSize: number;
  correction?: QrCorrection;
}

/** GS ( k pL pH cn fn [params]: pL pH = the byte count after them (cn fn params). */
function gsK(fn: number, params: readonly number[]): number[] {
  const length = 2 + params.length;
  return [GS, 0x28, 0x6b, length & 0xff, length >> 8, 0x31, fn, ...params];
}

/**
 * The printer's own QR code of `data` (UTF-8 bytes): model 2 (fn 165), module size (fn 167),
 * error correction (fn 169), store the data (fn 180) and print it (fn 181).
 */
export function qrNativeCommand(data: string, options: QrOptions): Uint8Array {
  const bytes = new TextEncoder().encode(data);
  if (bytes.length === 0 || bytes.length > MAX_QR_DATA_BYTES) {
    throw new RangeError(`a QR code holds 1 to ${MAX_QR_DATA_BYTES} bytes, not ${bytes.length}`);
  }
  const moduleSize = Math.min(16, Math.max(1, Math.round(options.moduleSize)));
  return Uint8Array.from([
    ...gsK(0x41, [0x32, 0x00]),
    ...gsK(0x43, [moduleSize]),
    ...gsK(0x45, [CORRECTION_BYTE[options.correction ?? "M"]]),
    ...gsK(0x50, [0x30, ...bytes]),
    ...gsK(0x51, [0x30]),
  ]);
}

/**
 * A QR matrix as a raster image (GS v 0 m xL xH yL yH d…, normal density): each module
 * `moduleSize` dots square, with a quiet zone of `quiet` modules, rows of whole bytes, MSB
 * first, 1 = black.
 */
export function qrRasterCommand(matrix: QrMatrix, moduleSize: number, quiet = 4): Uint8Array {
  const modules = matrix.size + 2 * quiet;
  const dots = modules * moduleSize;
  const widthBytes = Math.ceil(dots / 8);
  const image = new Uint8Array(widthBytes * dots);
  for (let y = 0; y < dots; y++) {
    const row = matrix.rows[Math.floor(y / moduleSize) - quiet];
    if (row === undefined) continue;
    for (let x = 0; x < dots; x++) {
      if (row[Math.floor(x / moduleSize) - quiet] !== true) continue;
      const at = y * widthBytes + (x >> 3);
      image[at] = (image[at] ?? 0) | (0x80 >> (x & 7));
    }
  }
  return Uint8Array.from([
    GS,
    0x76,
    0x30,
    0x00,
    widthBytes & 0xff,
    widthBytes >> 8,
    dots & 0xff,
    dots >> 8,
    ...image,
  ]);
}

/** A QR code of `data` for a printer: its own command, or a raster image when it has none. */
export function qrCommand(data: string, options: QrOptions & { native: boolean }): Uint8Array {
  if (options.native) return qrNativeCommand(data, options);
  return qrRasterCommand(qrMatrix(data, options.correction ?? "M"), options.moduleSize);
}
