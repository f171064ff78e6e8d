/** Errors from the store and the till's data layer, in the cashier's language. */
import { describe, expect, test } from "bun:test";
import { errorToMessage, LOCALIZED_CODES } from "../../../src/till/app/error-message.ts";
import { StoreRefusedError, TillAuthError } from "../../../src/till/data/errors.ts";
import { createTranslator, TILL_LANGUAGES } from "../../../src/till/i18n/index.ts";
import { buildKeymap } from "../../../src/till/keys/index.ts";

const keymap = buildKeymap();

describe("error codes in the till's words", () => {
  test("each known code from the store has a message of the till's, never the store's English", () => {
    for (const code of LOCALIZED_CODES) {
      const message = errorToMessage(new StoreRefusedError(400, code, "the store's words in English"));
      expect({ code, keyed: "key" in message }).toEqual({ code, keyed: true });
    }
    expect(LOCALIZED_CODES).toEqual(
      expect.arrayContaining([
        "PIN_LOCKED",
        "HELD_SALE_NOT_FOUND",
        "SALE_NOT_FOUND",
        "NO_OPEN_SHIFT",
        "FORBIDDEN",
      ]),
    );
  });

  test("a lock-out says how long to wait, in each language", () => {
    const err = new StoreRefusedError(403, "PIN_LOCKED", "PIN entry on till T1 is locked…", {
      secondsLeft: 299.2,
    });
    const message = errorToMessage(err, { pin: true });
    expect(message).toEqual({ key: "error.pinLocked", params: { seconds: 300 } });
    const texts = TILL_LANGUAGES.map((lang) =>
      createTranslator({ lang, currency: "EUR", keymap }).message(message),
    );
    for (const text of texts) expect(text).toContain("300");
    expect(new Set(texts).size).toBe(TILL_LANGUAGES.length);
    expect(texts[1]).toContain("PIN"); // ru
    expect(texts[1]).not.toContain("locked");
  });

  test("the till's own lock-out and a PIN that cannot approve are said too", () => {
    expect(
      errorToMessage(new TillAuthError("PIN_LOCKED", "locked", { secondsLeft: 30 }), { pin: true }),
    ).toEqual({
      key: "error.pinLocked",
      params: { seconds: 30 },
    });
    expect(errorToMessage(new TillAuthError("NOT_AN_APPROVER", "a cashier's PIN"), { pin: true })).toEqual({
      key: "error.pinRefused",
    });
    expect(
      errorToMessage(new StoreRefusedError(404, "SALE_NOT_FOUND", "no sale"), { receiptNo: "S1-T1-9" }),
    ).toEqual({
      key: "error.saleNotFound",
      params: { receiptNo: "S1-T1-9" },
    });
    expect(errorToMessage(new StoreRefusedError(401, "WRONG_PIN", "wrong PIN"), { pin: true })).toEqual({
      key: "error.pinRefused",
    });
  });
});
