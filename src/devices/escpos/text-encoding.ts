/**
 * Encodes Unicode text for an ESC/POS device: each character goes out in the active code page,
 * switching pages (ESC t n) when another allowed page has it, and falling back to a look-alike
 * when none does. Control characters never reach the device, so a product name cannot smuggle
 * commands into a receipt.
 *
 * Azerbaijani ə/Ə has no single-byte page: it prints as ä/Ä from PC857, the letter the
 * 1991–1992 Azerbaijani Latin alphabet used for the same sound.
 */
import { receiptLanguage } from "../../core/receipt-labels.ts";
import { CODE_PAGE_NAMES, CODE_PAGES, type CodePageName, pageEncoder } from "./code-pages.ts";

const ESC = 0x1b;

const FALLBACKS: Record<string, string> = {
  ə: "ä",
  Ə: "Ä",
  "\u00a0": " ",
  "\u202f": " ",
  "\u2007": " ",
  "\u2009": " ",
  "\u2018": "'",
  "\u2019": "'",
  "\u201c": '"',
  "\u201d": '"',
  "«": '"',
  "»": '"',
  "\u2013": "-",
  "\u2014": "-",
  "\u2212": "-",
  "\u2026": ".",
  "№": "N",
  "€": "E",
};

/** The page a language reads best in: Cyrillic for Russian, Turkish for Azerbaijani, Latin-1 for French. */
export function preferredCodePage(locale: string): CodePageName {
  switch (receiptLanguage(locale)) {
    case "ru":
      return "pc866";
    case "az":
      return "pc857";
    case "fr":
      return "pc858";
    default:
      return "pc437";
  }
}

/** Allowed pages with the preferred one first. */
export function pageOrder(
  preferred: CodePageName,
  allowed: readonly CodePageName[] = CODE_PAGE_NAMES,
): CodePageName[] {
  const rest = allowed.filter((page) => page !== preferred);
  return allowed.includes(preferred) ? [preferred, ...rest] : rest;
}

export interface EncoderState {
  /** The page the device has selected now, or undefined before the first ESC t. */
  page: CodePageName | undefined;
}

export function selectPage(page: CodePageName): number[] {
  return [ESC, 0x74, CODE_PAGES[page].escposTable];
}

function findPage(
  char: string,
  state: EncoderState,
  pages: readonly CodePageName[],
): CodePageName | undefined {
  if (state.page !== undefined && pages.includes(state.page) && pageEncoder(state.page).has(char))
    return state.page;
  return pages.find((page) => pageEncoder(page).has(char));
}

function lookAlike(char: string): string | undefined {
  const mapped = FALLBACKS[char];
  if (mapped !== undefined) return mapped;
  const base = char.normalize("NFD").replace(/\p{M}+/gu, "");
  return base.length > 0 && base !== char ? base : undefined;
}

/**
 * Bytes for `text`, switching among `pages` (first = preferred) as needed. Updates `state.page`.
 * Every character becomes exactly one printed character, so column layouts stay aligned.
 */
export function encodeText(text: string, state: EncoderState, pages: readonly CodePageName[]): number[] {
  const out: number[] = [];
  const emit = (char: string): boolean => {
    const code = char.codePointAt(0) ?? 0x3f;
    if (code < 0x20 || code === 0x7f) {
      out.push(0x20);
      return true;
    }
    if (code < 0x80) {
      out.push(code);
      return true;
    }
    const page = findPage(char, state, pages);
    if (page === undefined) return false;
    if (page !== state.page) {
      out.push(...selectPage(page));
      state.page = page;
    }
    out.push(pageEncoder(page).get(char) ?? 0x3f);
    return true;
  };
  for (const char of text.normalize("NFC")) {
    if (emit(char)) continue;
    const similar = lookAlike(char);
    if (similar !== undefined && [...similar].length === 1 && emit(similar)) continue;
    out.push(0x3f);
  }
  return out;
}

/** True when every character of `text` prints as itself in one of `pages` (no look-alike, no "?"). */
export function canPrintExactly(text: string, pages: readonly CodePageName[]): boolean {
  for (const char of text.normalize("NFC")) {
    const code = char.codePointAt(0) ?? 0;
    if (code < 0x80) continue;
    if (FALLBACKS[char] === " ") continue;
    if (!pages.some((page) => pageEncoder(page).has(char))) return false;
  }
  return true;
}
