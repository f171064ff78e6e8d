/**
 * The single-byte character pages of ESC/POS printers and displays (selected with ESC t n).
 * node-thermal-printer names each page and gives its ESC t command; iconv-lite holds its
 * characters. Bytes below 0x80 are ASCII on every page.
 */
import iconv from "iconv-lite";
import { CharacterSet, PrinterTypes, ThermalPrinter } from "node-thermal-printer";

export const CODE_PAGE_NAMES = ["pc437", "pc858", "pc857", "pc866", "wpc1252", "wpc1251", "kz1048"] as const;
export type CodePageName = (typeof CODE_PAGE_NAMES)[number];

/**
 * The pages assumed when a printer's URI does not list its own. KZ1048 (Kazakh, ESC t 53) is
 * left out: only newer printers have it, so it is used only when a URI names it.
 */
export const DEFAULT_CODE_PAGES: readonly CodePageName[] = [
  "pc437",
  "pc858",
  "pc857",
  "pc866",
  "wpc1252",
  "wpc1251",
];

export interface CodePage {
  /** The library's name of the page, for `setCharacterSet`. */
  characterSet: CharacterSet;
  /** iconv-lite's name of the same table. */
  encoding: string;
  label: string;
}

export const CODE_PAGES: Record<CodePageName, CodePage> = {
  pc437: { characterSet: CharacterSet.PC437_USA, encoding: "cp437", label: "PC437 (USA, standard Europe)" },
  pc858: {
    characterSet: CharacterSet.PC858_EURO,
    encoding: "cp858",
    label: "PC858 (Multilingual Latin I + euro)",
  },
  pc857: { characterSet: CharacterSet.PC857_TURKISH, encoding: "cp857", label: "PC857 (Turkish)" },
  pc866: { characterSet: CharacterSet.PC866_CYRILLIC2, encoding: "cp866", label: "PC866 (Cyrillic #2)" },
  wpc1252: { characterSet: CharacterSet.WPC1252, encoding: "cp1252", label: "WPC1252 (Windows Latin 1)" },
  wpc1251: {
    characterSet: CharacterSet.WPC1251_CYRILLIC,
    encoding: "cp1251",
    label: "WPC1251 (Windows Cyrillic)",
  },
  kz1048: { characterSet: CharacterSet.KZ1048_KAZAKHSTAN, encoding: "rk1048", label: "KZ1048 (Kazakhstan)" },
};

const selectCommands = new Map<CodePageName, Uint8Array>();
const decoders = new Map<CodePageName, string[]>();
const encoders = new Map<CodePageName, Map<string, number>>();

/** ESC t n for a page, as the library writes it. */
export function selectPageCommand(page: CodePageName): Uint8Array {
  let command = selectCommands.get(page);
  if (command === undefined) {
    const printer = new ThermalPrinter({ type: PrinterTypes.EPSON, interface: "" });
    printer.setCharacterSet(CODE_PAGES[page].characterSet);
    command = new Uint8Array(printer.getBuffer());
    selectCommands.set(page, command);
  }
  return command;
}

/** The table number n of ESC t n on Epson-compatible printers. */
export function escposTable(page: CodePageName): number {
  return selectPageCommand(page)[2] ?? 0;
}

/** The characters of bytes 0x80..0xFF; "\ufffd" where the page leaves a byte undefined. */
function upperHalf(page: CodePageName): string[] {
  let table = decoders.get(page);
  if (table === undefined) {
    const bytes = Buffer.from(Array.from({ length: 0x80 }, (_, i) => 0x80 + i));
    table = [...iconv.decode(bytes, CODE_PAGES[page].encoding)];
    decoders.set(page, table);
  }
  return table;
}

/** Character -> byte for the upper half of a page. */
export function pageEncoder(page: CodePageName): Map<string, number> {
  let map = encoders.get(page);
  if (map === undefined) {
    const built = new Map<string, number>();
    upperHalf(page).forEach((char, index) => {
      if (char !== "\ufffd" && !built.has(char)) built.set(char, 0x80 + index);
    });
    map = built;
    encoders.set(page, map);
  }
  return map;
}

/** Bytes of `text` in a page; every character of `text` must be ASCII or on the page. */
export function encodeInPage(text: string, page: CodePageName): Uint8Array {
  return iconv.encode(text, CODE_PAGES[page].encoding);
}

/** The character a byte prints as on a page ("\ufffd" when the page leaves it undefined). */
export function decodeByte(byte: number, page: CodePageName): string {
  if (byte < 0x80) return String.fromCharCode(byte);
  return upperHalf(page)[byte - 0x80] ?? "\ufffd";
}

/** The page selected by ESC t n, if it is one of ours. */
export function pageForTable(table: number): CodePageName | undefined {
  return CODE_PAGE_NAMES.find((name) => escposTable(name) === table);
}
