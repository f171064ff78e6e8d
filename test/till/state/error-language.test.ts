/**
 * The reducer says every refusal in the cashier's language: its errors go through the one
 * message map (src/till/app/error-message.ts), whose keys exist in all four languages, and no
 * file of the reducer writes a message as raw text.
 */
import { describe, expect, test } from "bun:test";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { DomainError, InvalidInputError } from "../../../src/core/errors.ts";
import { localErrorMessage } from "../../../src/till/app/error-message.ts";
import { az } from "../../../src/till/i18n/az.ts";
import { en } from "../../../src/till/i18n/en.ts";
import { fr } from "../../../src/till/i18n/fr.ts";
import { ru } from "../../../src/till/i18n/ru.ts";

const languages = { en, fr, ru, az } as const;

/** Every code core throws while the till prices, discounts and settles a sale by itself. */
const CORE_CODES = [
  "TENDER_SHORT",
  "TENDER_ABOVE_ELIGIBLE",
  "CHANGE_NOT_ALLOWED",
  "DISCOUNT_TOO_LARGE",
  "UNKNOWN_TAX_CLASS",
  "UNKNOWN_TENDER",
  "INVALID_AMOUNT",
  "INVALID_DISCOUNT",
  "DEPOSIT_NOT_DISCOUNTABLE",
  "SOMETHING_NEW",
];

describe("the reducer's error messages", () => {
  test("every core refusal becomes a message key that all four languages say", () => {
    for (const code of CORE_CODES) {
      const message = localErrorMessage(new InvalidInputError(code, "English words from core"));
      if (!("key" in message)) throw new Error(`${code} is shown as raw text`);
      for (const [name, strings] of Object.entries(languages)) {
        expect(`${name}: ${strings[message.key] ? "ok" : "missing"}`).toBe(`${name}: ok`);
      }
    }
    expect(localErrorMessage(new Error("a bug"))).toMatchObject({ key: "error.refused" });
    class Odd extends DomainError {
      readonly code = "ODD";
    }
    expect(localErrorMessage(new Odd("English"))).toEqual({ key: "error.refused", params: { code: "ODD" } });
  });

  test("no file of the reducer writes a message as raw text", async () => {
    const root = join(import.meta.dir, "../../..");
    const offenders: string[] = [];
    for (const file of new Bun.Glob("src/till/state/**/*.ts").scanSync({ cwd: root })) {
      const text = await readFile(join(root, file), "utf8");
      // A Message is `{ key, params }`; `{ text: … }` or an error's own `.message` is English.
      if (/message:\s*\{\s*text:|\{\s*text:\s*err|err(or)?\.message|errorMessage\(/.test(text))
        offenders.push(file);
    }
    expect(offenders).toEqual([]);
  });
});
