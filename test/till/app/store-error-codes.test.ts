/**
 * Every refusal a till's call to the store can answer is said in the cashier's language: each
 * code of the features the till calls (sales, returns, held sales, shifts, sessions, approvals,
 * staff discounts, receipt e-mail, departments and look-ups, audit entries, pairing) maps to a
 * message of the till's, present in all four languages; never the store's English.
 */
import { describe, expect, test } from "bun:test";
import { CheckSplitError } from "../../../src/core/check-split.ts";
import { AuditError } from "../../../src/store-server/audit/errors.ts";
import { AuthError } from "../../../src/store-server/auth/errors.ts";
import { CardTenderError } from "../../../src/store-server/card-tenders/errors.ts";
import { CashBookError } from "../../../src/store-server/cash-book/errors.ts";
import { CatalogError } from "../../../src/store-server/catalog/errors.ts";
import { DeliveryError } from "../../../src/store-server/deliveries/errors.ts";
import { HeldSaleError } from "../../../src/store-server/held/errors.ts";
import { NotificationError } from "../../../src/store-server/notifications/errors.ts";
import { RestaurantError } from "../../../src/store-server/restaurant/errors.ts";
import { ReturnError } from "../../../src/store-server/returns/errors.ts";
import { SaleError } from "../../../src/store-server/sales/errors.ts";
import { ServicesError } from "../../../src/store-server/services/errors.ts";
import { ShiftError } from "../../../src/store-server/shifts/errors.ts";
import { TillError } from "../../../src/store-server/tills/errors.ts";
import { UserError } from "../../../src/store-server/users/errors.ts";
import { errorToMessage } from "../../../src/till/app/error-message.ts";
import { StoreRefusedError } from "../../../src/till/data/errors.ts";
import { az } from "../../../src/till/i18n/az.ts";
import { en } from "../../../src/till/i18n/en.ts";
import { fr } from "../../../src/till/i18n/fr.ts";
import { ru } from "../../../src/till/i18n/ru.ts";

const TILL_FEATURES = {
  sales: SaleError.kinds,
  returns: ReturnError.kinds,
  held: HeldSaleError.kinds,
  shifts: ShiftError.kinds,
  "sessions, approvals, staff discounts": UserError.kinds,
  auth: AuthError.kinds,
  "receipt e-mail": NotificationError.kinds,
  "departments, look-ups": CatalogError.kinds,
  "till audit entries": AuditError.kinds,
  "pairing, till keys, refused sales": TillError.kinds,
  "card tenders, store credit, house accounts": CardTenderError.kinds,
  "dispatch list": dispatchCodes(),
  "cash book": CashBookError.kinds,
  "bookings, packages": ServicesError.kinds,
  "restaurant: tables, orders, checks": { ...RestaurantError.kinds, ...CheckSplitError.kinds },
};

/** Codes of those features that only an admin's routes answer (a till never meets them). */
const ADMIN_ONLY = new Set([
  // users: managing users and PINs, unlocking
  "CANNOT_DEACTIVATE_SELF",
  "NOT_LOCKED",
  "PIN_CHOICE_LOCKED",
  "PIN_REFUSED",
  "PIN_TAKEN",
  "ROLE_TOO_HIGH",
  "USERS_MANAGED_AT_HQ",
  "USER_NOT_FOUND",
  // auth: rotating the admin token
  "NOT_AN_ADMIN_TOKEN",
  // catalog: writing products
  "INVALID_DEPOSIT_PRODUCT",
  "UNKNOWN_DEPOSIT_PRODUCT",
  "UNKNOWN_CATEGORY",
  // tills: making pairing codes
  "TOO_MANY_PAIRINGS",
  // cash book: an admin naming the till, corrections and the report (a manager's)
  "TILL_REQUIRED",
  "NOTHING_TO_CORRECT",
  "CORRECTION_OF_CORRECTION",
  "CORRECTION_REVERSES",
  "INVALID_RANGE",
  // services: defining services and commission rules
  "PRODUCT_NOT_FOUND",
  "COMMISSION_RULE_ID_REUSED",
  "DEFINED_AT_HQ",
]);

/** The deliveries' codes a till's dispatch list meets (creating one and hand-ins are the API's). */
function dispatchCodes(): Record<string, string> {
  const notAtTill = new Set([
    "DELIVERY_ID_REUSED",
    "ORDER_NOT_FOUND",
    "ORDER_CANCELLED",
    "SALE_NOT_FOUND",
    "SALE_VOIDED",
    "ALREADY_DELIVERING",
    "NOT_HANDED_IN",
    "HAND_IN_AMOUNT_MISMATCH",
  ]);
  return Object.fromEntries(Object.entries(DeliveryError.kinds).filter(([code]) => !notAtTill.has(code)));
}

const LANGUAGES = { en, fr, ru, az } as const;

describe("the store's refusals in the cashier's language", () => {
  test("every code a till's call can meet has a message in all four languages", () => {
    const unsaid: string[] = [];
    for (const [feature, kinds] of Object.entries(TILL_FEATURES)) {
      for (const code of Object.keys(kinds)) {
        if (ADMIN_ONLY.has(code)) continue;
        const message = errorToMessage(new StoreRefusedError(400, code, "the store's words in English"));
        if (!("key" in message)) {
          unsaid.push(`${feature}: ${code}`);
          continue;
        }
        for (const [lang, strings] of Object.entries(LANGUAGES)) {
          const text: unknown = (strings as Record<string, unknown>)[message.key];
          if (typeof text !== "string" || text.trim() === "") unsaid.push(`${feature}: ${code} (${lang})`);
        }
      }
    }
    expect(unsaid).toEqual([]);
  });

  test("the admin-only codes are codes of those features", () => {
    const all = new Set(Object.values(TILL_FEATURES).flatMap((kinds) => Object.keys(kinds)));
    expect([...ADMIN_ONLY].filter((code) => !all.has(code))).toEqual([]);
  });
});
