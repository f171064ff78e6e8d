/** The web console's languages, one map of words each (like the till's). */
import { az } from "./az.ts";
import { en, type MessageKey, type Messages } from "./en.ts";
import { fr } from "./fr.ts";
import { ru } from "./ru.ts";

export const LANGS = ["en", "fr", "ru", "az"] as const;
export type Lang = (typeof LANGS)[number];
export type { MessageKey };

const MESSAGES: Record<Lang, Messages> = { en, fr, ru, az };

/** The BCP 47 locale numbers and dates are written in. */
export const LOCALES: Record<Lang, string> = { en: "en-GB", fr: "fr-FR", ru: "ru-RU", az: "az-AZ" };

export function isLang(value: string | undefined): value is Lang {
  return value !== undefined && (LANGS as readonly string[]).includes(value);
}

/** A translator: the message of `key` with `{name}` filled from `vars`. */
export type T = (key: MessageKey, vars?: Record<string, string | number>) => string;

export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(en, key);
}

export function translator(lang: Lang): T {
  const messages = MESSAGES[lang];
  return (key, vars = {}) =>
    messages[key].replace(/\{(\w+)\}/g, (whole, name: string) => String(vars[name] ?? whole));
}
