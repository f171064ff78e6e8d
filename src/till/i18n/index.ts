/**
 * The till's languages (en, ru, fr, az) for every screen string, with numbers, money and
 * times formatted by Intl for the locale and the store's currency.
 */
import { formatAmount, formatQuantity } from "../../core/receipt-format.ts";
import { isKeyCommand, type Keymap } from "../keys/keymap.ts";
import type { Message } from "../state/types.ts";
import { az } from "./az.ts";
import { en, type MessageKey, type Strings } from "./en.ts";
import { fr } from "./fr.ts";
import { ru } from "./ru.ts";

export type { MessageKey, Strings } from "./en.ts";

export const TILL_LANGUAGES = ["en", "ru", "fr", "az"] as const;
export type TillLanguage = (typeof TILL_LANGUAGES)[number];

const TABLES: Record<TillLanguage, Strings> = { en, ru, fr, az };
const DEFAULT_LOCALES: Record<TillLanguage, string> = { en: "en-US", ru: "ru-RU", fr: "fr-FR", az: "az-AZ" };

export interface Translator {
  readonly lang: TillLanguage;
  readonly locale: string;
  readonly currency: string;
  t(key: MessageKey, params?: Record<string, string | number>): string;
  message(message: Message): string;
  money(minor: number): string;
  /** An amount without the currency sign, for columns. */
  amount(minor: number): string;
  qty(milli: number): string;
  time(date: Date): string;
  /** Date and time in the store's time zone, as the receipts print them (lists of past documents). */
  dateTime(date: Date): string;
}

export interface TranslatorOptions {
  lang: TillLanguage;
  currency: string;
  /** The store's locale: used when its language is the till's, for its regional formats. */
  storeLocale?: string;
  keymap: Keymap;
  timeZone?: string;
}

function localeFor(lang: TillLanguage, storeLocale: string | undefined): string {
  const storeLang = storeLocale?.toLowerCase().split(/[-_]/)[0];
  return storeLocale !== undefined && storeLang === lang ? storeLocale : DEFAULT_LOCALES[lang];
}

/** A formatting function that remembers its last few thousand answers. */
function remembered(format: (value: number) => string): (value: number) => string {
  const answers = new Map<number, string>();
  return (value) => {
    let text = answers.get(value);
    if (text === undefined) {
      if (answers.size >= 4096) answers.clear();
      text = format(value);
      answers.set(value, text);
    }
    return text;
  };
}

export function createTranslator(options: TranslatorOptions): Translator {
  const table = TABLES[options.lang];
  const locale = localeFor(options.lang, options.storeLocale);
  const { currency, keymap } = options;
  // Time-zone data takes tens of milliseconds to load: the clock's formatter is made just after
  // the first frame, so the log-in screen does not wait for it (the clock shows a moment later).
  let timeFormat: Intl.DateTimeFormat | undefined;
  let preparing = false;
  const time = (date: Date): string => {
    if (timeFormat !== undefined) return timeFormat.format(date);
    if (!preparing) {
      preparing = true;
      setTimeout(() => {
        timeFormat = new Intl.DateTimeFormat(locale, {
          hour: "2-digit",
          minute: "2-digit",
          hourCycle: "h23",
          ...(options.timeZone ? { timeZone: options.timeZone } : {}),
        });
      }, 0);
    }
    return "";
  };
  let dateTimeFormat: Intl.DateTimeFormat | undefined;
  const dateTime = (date: Date): string => {
    dateTimeFormat ??= new Intl.DateTimeFormat(locale, {
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
      ...(options.timeZone ? { timeZone: options.timeZone } : {}),
    });
    return dateTimeFormat.format(date);
  };
  let numbers: Intl.NumberFormat | undefined;
  // Every frame shows the same prices and quantities again: each is formatted once.
  const money = remembered((minor: number) => formatAmount(minor, currency, locale));
  const amount = remembered((minor: number) => formatAmount(minor, currency, locale, "none"));
  const qty = remembered((milli: number) => formatQuantity(milli, locale));
  const param = (name: string, value: string | number): string => {
    if (typeof value === "string") return value;
    if (name.endsWith("Minor")) return money(value);
    if (name.endsWith("Milli")) return qty(value);
    numbers ??= new Intl.NumberFormat(locale);
    return numbers.format(value);
  };
  let plurals: Intl.PluralRules | undefined;
  /** `{count|one:# line|other:# lines}`: the form the locale's plural rules choose, `#` the number. */
  const plural = (name: string, value: number, forms: string): string => {
    plurals ??= new Intl.PluralRules(locale);
    const category = plurals.select(value);
    const table = new Map<string, string>();
    for (const form of forms.split("|")) {
      const colon = form.indexOf(":");
      if (colon > 0) table.set(form.slice(0, colon), form.slice(colon + 1));
    }
    const chosen = table.get(category) ?? table.get("other") ?? "#";
    return chosen.replaceAll("#", param(name, value));
  };
  const fill = (key: MessageKey, params: Record<string, string | number>): string =>
    (table[key] ?? en[key]).replace(
      /\{(key:)?([A-Za-z.]+)(?:\|([^}]*))?\}/g,
      (whole, isKey: string | undefined, name: string, forms: string | undefined) => {
        if (isKey) return isKeyCommand(name) ? keymap.labelFor(name) || "—" : whole;
        const value = params[name];
        if (value === undefined) return whole;
        if (forms !== undefined && typeof value === "number") return plural(name, value, forms);
        return param(name, value);
      },
    );
  // Messages without parameters are drawn on every frame (column heads, key labels): made once.
  const plain = new Map<MessageKey, string>();
  const t = (key: MessageKey, params?: Record<string, string | number>): string => {
    if (params !== undefined) return fill(key, params);
    let text = plain.get(key);
    if (text === undefined) {
      text = fill(key, {});
      plain.set(key, text);
    }
    return text;
  };
  return {
    lang: options.lang,
    locale,
    currency,
    t,
    message: (message) => ("key" in message ? t(message.key, message.params) : message.text),
    money,
    amount,
    qty,
    time,
    dateTime,
  };
}
