import { describe, expect, test } from "bun:test";
import { CODE_PAGE_NAMES, decodeByte, pageEncoder } from "../../../src/devices/escpos/code-pages.ts";
import { decodeEscPos } from "../../../src/devices/escpos/decode.ts";
import {
  canPrintExactly,
  type EncoderState,
  encodeText,
  pageOrder,
  preferredCodePage,
} from "../../../src/devices/escpos/text-encoding.ts";

function encode(text: string, pages = pageOrder("pc437")): { bytes: number[]; state: EncoderState } {
  const state: EncoderState = { page: pages[0] };
  return { bytes: encodeText(text, state, pages), state };
}

describe("code pages", () => {
  test("every page round-trips its own characters", () => {
    for (const page of CODE_PAGE_NAMES) {
      for (const [char, byte] of pageEncoder(page)) expect(decodeByte(byte, page)).toBe(char);
    }
  });

  test("known bytes: Cyrillic in PC866, accents in PC858, Turkish letters in PC857", () => {
    expect(pageEncoder("pc866").get("Ж")).toBe(0x86);
    expect(pageEncoder("pc866").get("я")).toBe(0xef);
    expect(pageEncoder("pc858").get("é")).toBe(0x82);
    expect(pageEncoder("pc858").get("€")).toBe(0xd5);
    expect(pageEncoder("pc857").get("ğ")).toBe(0xa7);
    expect(pageEncoder("pc857").get("ı")).toBe(0x8d);
    expect(pageEncoder("pc857").get("Ş")).toBe(0x9e);
  });

  test("each language has its page", () => {
    expect(preferredCodePage("ru-RU")).toBe("pc866");
    expect(preferredCodePage("fr-CA")).toBe("pc858");
    expect(preferredCodePage("az-Latn-AZ")).toBe("pc857");
    expect(preferredCodePage("en-GB")).toBe("pc437");
  });
});

describe("encodeText", () => {
  test("ASCII passes through without selecting a page", () => {
    expect(encode("Total 1.00").bytes).toEqual([...Buffer.from("Total 1.00")]);
  });

  test("switches page for a character the active page lacks, and stays there", () => {
    const { bytes, state } = encode("Ж1Ж", ["pc437", "pc866"]);
    expect(bytes).toEqual([0x1b, 0x74, 17, 0x86, 0x31, 0x86]);
    expect(state.page).toBe("pc866");
  });

  test("control characters in text never reach the printer as commands", () => {
    const { bytes } = encode("A\x1b@\x1dV\x00B");
    expect(bytes).toEqual([0x41, 0x20, 0x40, 0x20, 0x56, 0x20, 0x42]);
    expect(decodeEscPos(Uint8Array.from(bytes)).commands).toEqual([{ op: "text", text: "A @ V B" }]);
  });

  test("ə prints as ä, typographic marks as plain ones when no page has them, unknown characters as ?", () => {
    const { bytes } = encode("Əə “x” — 漢", ["pc857"]);
    const text = decodeEscPos(Uint8Array.from([0x1b, 0x74, 13, ...bytes])).lines.join("");
    expect(text).toBe('Ää "x" - ?');
  });

  test("prefers the exact character from another page over a look-alike", () => {
    const { bytes } = encode("“x”", pageOrder("pc857"));
    expect(decodeEscPos(Uint8Array.from(bytes)).lines).toEqual(["“x”"]);
  });

  test("decomposes letters no page has into their base letter", () => {
    const { bytes } = encode("ő", ["pc437"]);
    expect(bytes).toEqual([0x6f]);
  });

  test("canPrintExactly tells whether a currency symbol is on the printer's pages", () => {
    expect(canPrintExactly("6,16 €", ["pc858"])).toBe(true);
    expect(canPrintExactly("6,16 €", ["pc437"])).toBe(false);
    expect(canPrintExactly("6,16 ₽", pageOrder("pc866"))).toBe(false);
    expect(canPrintExactly("1\u00a0234,50 €", ["pc858"])).toBe(true);
  });
});
