/**
 * Single-byte character tables of ESC/POS printers and displays (selected with ESC t n).
 * `high` lists the characters of bytes 0x80..0xFF; bytes below 0x80 are ASCII on every page.
 * U+FFFD marks a byte the page leaves undefined.
 */

export const CODE_PAGE_NAMES = ["pc437", "pc858", "pc857", "pc866", "wpc1252", "wpc1251"] as const;
export type CodePageName = (typeof CODE_PAGE_NAMES)[number];

export interface CodePage {
  /** The table number n of ESC t n on Epson-compatible printers. */
  escposTable: number;
  label: string;
  high: string;
}

export const CODE_PAGES: Record<CodePageName, CodePage> = {
  pc437: {
    escposTable: 0,
    label: "PC437 (USA, standard Europe)",
    high: "ÇüéâäàåçêëèïîìÄÅÉæÆôöòûùÿÖÜ¢£¥₧ƒáíóúñÑªº¿⌐¬½¼¡«»░▒▓│┤╡╢╖╕╣║╗╝╜╛┐└┴┬├─┼╞╟╚╔╩╦╠═╬╧╨╤╥╙╘╒╓╫╪┘┌█▄▌▐▀αßΓπΣσµτΦΘΩδ∞φε∩≡±≥≤⌠⌡÷≈°∙·√ⁿ²■\u00a0",
  },
  pc858: {
    escposTable: 19,
    label: "PC858 (Multilingual Latin I + euro)",
    high: "ÇüéâäàåçêëèïîìÄÅÉæÆôöòûùÿÖÜø£Ø×ƒáíóúñÑªº¿®¬½¼¡«»░▒▓│┤ÁÂÀ©╣║╗╝¢¥┐└┴┬├─┼ãÃ╚╔╩╦╠═╬¤ðÐÊËÈ€ÍÎÏ┘┌█▄¦Ì▀ÓßÔÒõÕµþÞÚÛÙýÝ¯´\u00ad±‗¾¶§÷¸°¨·¹³²■\u00a0",
  },
  pc857: {
    escposTable: 13,
    label: "PC857 (Turkish)",
    high: "ÇüéâäàåçêëèïîıÄÅÉæÆôöòûùİÖÜø£ØŞşáíóúñÑĞğ¿®¬½¼¡«»░▒▓│┤ÁÂÀ©╣║╗╝¢¥┐└┴┬├─┼ãÃ╚╔╩╦╠═╬¤ºªÊËÈ\ufffdÍÎÏ┘┌█▄¦Ì▀ÓßÔÒõÕµ\ufffd×ÚÛÙìÿ¯´\u00ad±\ufffd¾¶§÷¸°¨·¹³²■\u00a0",
  },
  pc866: {
    escposTable: 17,
    label: "PC866 (Cyrillic #2)",
    high: "АБВГДЕЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯабвгдежзийклмноп░▒▓│┤╡╢╖╕╣║╗╝╜╛┐└┴┬├─┼╞╟╚╔╩╦╠═╬╧╨╤╥╙╘╒╓╫╪┘┌█▄▌▐▀рстуфхцчшщъыьэюяЁёЄєЇїЎў°∙·√№¤■\u00a0",
  },
  wpc1252: {
    escposTable: 16,
    label: "WPC1252 (Windows Latin 1)",
    high: "€\ufffd‚ƒ„…†‡ˆ‰Š‹Œ\ufffdŽ\ufffd\ufffd‘’“”•–—˜™š›œ\ufffdžŸ\u00a0¡¢£¤¥¦§¨©ª«¬\u00ad®¯°±²³´µ¶·¸¹º»¼½¾¿ÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖ×ØÙÚÛÜÝÞßàáâãäåæçèéêëìíîïðñòóôõö÷øùúûüýþÿ",
  },
  wpc1251: {
    escposTable: 46,
    label: "WPC1251 (Windows Cyrillic)",
    high: "ЂЃ‚ѓ„…†‡€‰Љ‹ЊЌЋЏђ‘’“”•–—\ufffd™љ›њќћџ\u00a0ЎўЈ¤Ґ¦§Ё©Є«¬\u00ad®Ї°±Ііґµ¶·ё№є»јЅѕїАБВГДЕЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯабвгдежзийклмнопрстуфхцчшщъыьэюя",
  },
};

const encoders = new Map<CodePageName, Map<string, number>>();
const decoders = new Map<CodePageName, string[]>();

/** Character -> byte for the upper half of a page. */
export function pageEncoder(page: CodePageName): Map<string, number> {
  let map = encoders.get(page);
  if (map === undefined) {
    map = new Map();
    const high = [...CODE_PAGES[page].high];
    high.forEach((char, index) => {
      if (char !== "\ufffd" && map?.has(char) === false) map.set(char, 0x80 + index);
    });
    encoders.set(page, map);
  }
  return map;
}

/** The character a byte prints as on a page ("\ufffd" when the page leaves it undefined). */
export function decodeByte(byte: number, page: CodePageName): string {
  if (byte < 0x80) return String.fromCharCode(byte);
  let table = decoders.get(page);
  if (table === undefined) {
    table = [...CODE_PAGES[page].high];
    decoders.set(page, table);
  }
  return table[byte - 0x80] ?? "\ufffd";
}

/** The page selected by ESC t n, if it is one of ours. */
export function pageForTable(table: number): CodePageName | undefined {
  return CODE_PAGE_NAMES.find((name) => CODE_PAGES[name].escposTable === table);
}
