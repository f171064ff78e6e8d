/**
 * Reads label printer languages back for tests: ZPL II (`^XA … ^XZ`, `^FO`, `^A`, `^BY`, `^BE`,
 * `^B8`, `^BC`, `^FH`, `^FD … ^FS`) and TSPL (`SIZE`, `GAP`, `TEXT`, `BARCODE`, `PRINT`), each
 * into labels of placed texts and barcodes, with escapes undone.
 */

export interface ParsedField {
  x: number;
  y: number;
  kind: "text" | "barcode";
  /** Text: the font and its height; barcode: the symbology. */
  font?: string | undefined;
  height?: number;
  symbology?: string;
  module?: number;
  data: string;
}

export interface ParsedLabel {
  width?: number;
  height?: number;
  gap?: string | undefined;
  copies?: number;
  fields: ParsedField[];
}

function unescapeZpl(data: string, hexEscape: string | undefined): string {
  if (hexEscape === undefined) return data;
  const bytes: number[] = [];
  const encoded = new TextEncoder().encode(data);
  const esc = hexEscape.charCodeAt(0);
  for (let i = 0; i < encoded.length; i++) {
    const b = encoded[i] ?? 0;
    if (b === esc) {
      bytes.push(Number.parseInt(String.fromCharCode(encoded[i + 1] ?? 0, encoded[i + 2] ?? 0), 16));
      i += 2;
    } else bytes.push(b);
  }
  return new TextDecoder().decode(Uint8Array.from(bytes));
}

const ZPL_BARCODES: Record<string, string> = { BE: "ean13", B8: "ean8", BC: "code128" };

export function parseZpl(text: string): ParsedLabel[] {
  const labels: ParsedLabel[] = [];
  let label: ParsedLabel | undefined;
  let x = 0;
  let y = 0;
  let font: { name: string; height: number } | undefined;
  let barcode: { symbology: string; height: number } | undefined;
  let module = 2;
  let hexEscape: string | undefined;
  let utf8 = false;
  // Commands start with ^ or ~; field data runs from ^FD to the next ^FS.
  const commands = text.split(/(?=[\^~])/);
  for (let i = 0; i < commands.length; i++) {
    const raw = (commands[i] ?? "").replace(/[\r\n]+$/, "");
    const code = raw.slice(1, 3).toUpperCase();
    const args = raw.slice(3);
    if (raw.startsWith("^XA")) {
      label = { fields: [] };
      continue;
    }
    if (label === undefined) throw new Error(`ZPL command ${raw} outside ^XA … ^XZ`);
    switch (code) {
      case "XZ":
        labels.push(label);
        label = undefined;
        break;
      case "CI":
        utf8 = args === "28";
        break;
      case "PW":
        label.width = Number(args);
        break;
      case "LL":
        label.height = Number(args);
        break;
      case "PQ":
        label.copies = Number(args.split(",")[0]);
        break;
      case "FO": {
        const [fx = "0", fy = "0"] = args.split(",");
        x = Number(fx);
        y = Number(fy);
        break;
      }
      case "BY":
        module = Number(args.split(",")[0]);
        break;
      case "FH":
        hexEscape = args === "" ? "_" : args;
        break;
      case "FD": {
        if (!utf8) throw new Error("field data before ^CI28");
        const data = unescapeZpl(args, hexEscape);
        if (barcode !== undefined) {
          label.fields.push({
            x,
            y,
            kind: "barcode",
            symbology: barcode.symbology,
            height: barcode.height,
            module,
            data,
          });
        } else if (font !== undefined) {
          label.fields.push({ x, y, kind: "text", font: font.name, height: font.height, data });
        } else throw new Error("^FD without a font or barcode");
        break;
      }
      case "FS":
        font = undefined;
        barcode = undefined;
        hexEscape = undefined;
        break;
      case "LH":
        break;
      default:
        if (code.startsWith("A")) {
          const [, h = "0"] = args.split(",");
          font = { name: code.slice(1), height: Number(h) };
        } else if (ZPL_BARCODES[code] !== undefined) {
          const [, h = "0"] = args.split(",");
          barcode = { symbology: ZPL_BARCODES[code] ?? code, height: Number(h) };
        } else throw new Error(`unknown ZPL command ${raw}`);
    }
  }
  if (label !== undefined) throw new Error("ZPL label without ^XZ");
  return labels;
}

/** Splits a TSPL argument list at commas outside quotes; quoted strings lose their quotes and `\["]` escapes. */
function tsplArgs(text: string): string[] {
  const out: string[] = [];
  let current = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted && text.startsWith('\\["]', i)) {
      current += '"';
      i += 3;
    } else if (c === '"') quoted = !quoted;
    else if (c === "," && !quoted) {
      out.push(current.trim());
      current = "";
    } else current += c;
  }
  if (quoted) throw new Error(`unterminated string in ${text}`);
  out.push(current.trim());
  return out;
}

const TSPL_BARCODES: Record<string, string> = { EAN13: "ean13", EAN8: "ean8", "128": "code128" };

export function parseTspl(text: string): ParsedLabel[] {
  const labels: ParsedLabel[] = [];
  let label: ParsedLabel = { fields: [] };
  for (const line of text.split(/\r\n/)) {
    if (line === "") continue;
    const space = line.indexOf(" ");
    const command = space < 0 ? line : line.slice(0, space);
    const args = space < 0 ? [] : tsplArgs(line.slice(space + 1));
    switch (command) {
      case "SIZE":
        label.width = Number.parseFloat(args[0] ?? "");
        label.height = Number.parseFloat(args[1] ?? "");
        break;
      case "GAP":
        label.gap = args[0];
        break;
      case "DIRECTION":
      case "CODEPAGE":
      case "CLS":
        break;
      case "TEXT": {
        const [x, y, font, , xm] = args;
        label.fields.push({
          x: Number(x),
          y: Number(y),
          kind: "text",
          font,
          height: Number(xm),
          data: args[6] ?? "",
        });
        break;
      }
      case "BARCODE": {
        const [x, y, type = "", height, , , narrow] = args;
        label.fields.push({
          x: Number(x),
          y: Number(y),
          kind: "barcode",
          symbology: TSPL_BARCODES[type] ?? type,
          height: Number(height),
          module: Number(narrow),
          data: args[8] ?? "",
        });
        break;
      }
      case "PRINT":
        label.copies = Number(args[0]);
        labels.push(label);
        label = { fields: [] };
        break;
      default:
        throw new Error(`unknown TSPL command ${line}`);
    }
  }
  return labels;
}
