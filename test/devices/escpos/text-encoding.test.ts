import { describe, expect, test } from "bun:test";
import {
  CODE_PAGE_NAMES,
  DEFAULT_CODE_PAGES,
  decodeByte,
  pageEncoder,
} from "../../../src/devices/escpos/code-pages.ts";
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

/** The sample line of each receipt language, as the printer's pages encode it and print it back. */
describe("each language's sample line under its code page", () => {
  const selectTable = (table: number): number[] => [0x1b, 0x74, table];
  const ascii = (text: string): number[] => [...Buffer.from(text, "latin1")];
  const cases: { locale: string; text: string; bytes: number[]; printed: string }[] = [
    {
      // PC437 has the accents but not the euro: it switches to PC858 for "€" and stays there.
      locale: "en-US",
      text: "Crème brûlée €4.50",
      bytes: [
        ...ascii("Cr"),
        0x8a,
        ...ascii("me br"),
        0x96,
        0x6c,
        0x82,
        ...ascii("e "),
        ...selectTable(19),
        0xd5,
        ...ascii("4.50"),
      ],
      printed: "Crème brûlée €4.50",
    },
    {
      locale: "fr-FR",
      text: "Crème brûlée 4,50 €",
      bytes: [...ascii("Cr"), 0x8a, ...ascii("me br"), 0x96, 0x6c, 0x82, ...ascii("e 4,50 "), 0xd5],
      printed: "Crème brûlée 4,50 €",
    },
    {
      locale: "ru-RU",
      text: "Молоко 3,2%",
      bytes: [0x8c, 0xae, 0xab, 0xae, 0xaa, 0xae, ...ascii(" 3,2%")],
      printed: "Молоко 3,2%",
    },
    {
      // No page the printer has holds ə: it prints as ä, here from PC857 itself.
      locale: "az-AZ",
      text: "Çörək ğış ə",
      bytes: [0x80, 0x94, 0x72, 0x84, 0x6b, 0x20, 0xa7, 0x8d, 0x9f, 0x20, 0x84],
      printed: "Çöräk ğış ä",
    },
  ];
  for (const { locale, text, bytes, printed } of cases) {
    test(`${locale}: ${text}`, () => {
      const pages = pageOrder(preferredCodePage(locale));
      const state: EncoderState = { page: pages[0] };
      const encoded = encodeText(text, state, pages);
      expect(encoded).toEqual(bytes);
      const table = { "en-US": 0, "fr-FR": 19, "ru-RU": 17, "az-AZ": 13 }[locale] ?? -1;
      const job = decodeEscPos(Uint8Array.from([...selectTable(table), ...encoded]));
      expect(job.lines).toEqual([printed]);
    });
  }

  test("Russian text with a French word switches to a Latin page and back", () => {
    const pages = pageOrder("pc866");
    const encoded = encodeText("Молоко, crème", { page: "pc866" }, pages);
    expect(encoded).toEqual([
      0x8c,
      0xae,
      0xab,
      0xae,
      0xaa,
      0xae,
      ...ascii(", cr"),
      ...selectTable(0),
      0x8a,
      ...ascii("me"),
    ]);
    expect(decodeEscPos(Uint8Array.from([...selectTable(17), ...encoded])).lines).toEqual(["Молоко, crème"]);
  });
});

describe("a printer with the Kazakh page KZ1048", () => {
  test("prints ə as the schwa of that page (ә), switching to it and back mid-line", () => {
    const pages = pageOrder("pc857", ["pc857", "kz1048"]);
    const encoded = encodeText("Çörək ğış Ə", { page: "pc857" }, pages);
    expect(encoded).toEqual([
      0x80, 0x94, 0x72, 0x1b, 0x74, 53, 0xbc, 0x6b, 0x20, 0x1b, 0x74, 13, 0xa7, 0x8d, 0x9f, 0x20, 0x1b, 0x74,
      53, 0xa3,
    ]);
    expect(decodeEscPos(Uint8Array.from([0x1b, 0x74, 13, ...encoded])).lines).toEqual(["Çörәk ğış Ә"]);
  });

  test("is not assumed: without it in the printer's list, ə still prints as ä", () => {
    expect(CODE_PAGE_NAMES).toContain("kz1048");
    const encoded = encodeText("ə", { page: "pc857" }, pageOrder("pc857", DEFAULT_CODE_PAGES));
    expect(encoded).toEqual([0x84]);
  });
});
