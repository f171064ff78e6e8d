/** The kitchen display's words in each language of the till (`--lang`). */
import type { NoticeKey } from "./state.ts";

export const KDS_LANGUAGES = ["en", "fr", "ru", "az"] as const;
export type KdsLanguage = (typeof KDS_LANGUAGES)[number];

export interface KdsMessages {
  online: string;
  offline: string;
  tickets: (n: number) => string;
  waiting: (n: number) => string;
  noTickets: string;
  hold: string;
  table: string;
  more: (n: number) => string;
  keys: string;
  notices: Record<NoticeKey, string>;
  /** The store's refusals a display can meet, by code (others: "refused" and the code). */
  refusals: Record<KdsRefusal, string>;
}

export const KDS_REFUSALS = [
  "KITCHEN_NOT_CONFIGURED",
  "UNKNOWN_STATION",
  "TICKET_NOT_FOUND",
  "TICKET_ON_HOLD",
  "UNAUTHORIZED",
  "FORBIDDEN",
] as const;
export type KdsRefusal = (typeof KDS_REFUSALS)[number];

/** What the notice line says for a refusal's code. */
export function refusalText(t: KdsMessages, code: string): string {
  return (KDS_REFUSALS as readonly string[]).includes(code)
    ? t.refusals[code as KdsRefusal]
    : `${t.notices.refused} ${code}`;
}

const en: KdsMessages = {
  online: "online",
  offline: "STORE OFFLINE: showing what we had",
  tickets: (n) => `${n} open`,
  waiting: (n) => `${n} to send`,
  noTickets: "No tickets. New ones appear here.",
  hold: "HOLD",
  table: "Table",
  more: (n) => `+${n} more →`,
  keys: "←/→ select  Enter bump  S start  R recall last  Ctrl+C quit",
  notices: {
    offline: "The store does not answer; bumps are kept and sent when it is back.",
    refused: "The store refused:",
    nothingToRecall: "Nothing to recall.",
    noTicket: "No ticket selected.",
    onHold: "On hold until its course is fired:",
  },
  refusals: {
    KITCHEN_NOT_CONFIGURED: "The store has no kitchen stations: ask the manager to set them up.",
    UNKNOWN_STATION: "The store has no such station: check --station.",
    TICKET_NOT_FOUND: "The store does not know that ticket any more.",
    TICKET_ON_HOLD: "That course is on hold until the waiter fires it.",
    UNAUTHORIZED: "The store refuses this display's token: pair it again.",
    FORBIDDEN: "This display's token may not do that.",
  },
};

const fr: KdsMessages = {
  online: "en ligne",
  offline: "MAGASIN HORS LIGNE : affichage conservé",
  tickets: (n) => `${n} ouverts`,
  waiting: (n) => `${n} à envoyer`,
  noTickets: "Aucun bon. Les nouveaux apparaissent ici.",
  hold: "ATTENTE",
  table: "Table",
  more: (n) => `+${n} de plus →`,
  keys: "←/→ choisir  Entrée envoyé  S commencer  R rappeler  Ctrl+C quitter",
  notices: {
    offline: "Le magasin ne répond pas ; les actions sont gardées et envoyées à son retour.",
    refused: "Le magasin a refusé :",
    nothingToRecall: "Rien à rappeler.",
    noTicket: "Aucun bon choisi.",
    onHold: "En attente jusqu'à l'envoi du plat :",
  },
  refusals: {
    KITCHEN_NOT_CONFIGURED: "Le magasin n'a pas de postes de cuisine : demandez au gérant.",
    UNKNOWN_STATION: "Le magasin n'a pas ce poste : vérifiez --station.",
    TICKET_NOT_FOUND: "Le magasin ne connaît plus ce bon.",
    TICKET_ON_HOLD: "Ce plat attend que le serveur l'envoie.",
    UNAUTHORIZED: "Le magasin refuse le jeton de cet écran : appairez-le à nouveau.",
    FORBIDDEN: "Le jeton de cet écran ne permet pas cela.",
  },
};

const ru: KdsMessages = {
  online: "на связи",
  offline: "НЕТ СВЯЗИ С МАГАЗИНОМ: показано, что было",
  tickets: (n) => `открыто: ${n}`,
  waiting: (n) => `к отправке: ${n}`,
  noTickets: "Заказов нет. Новые появятся здесь.",
  hold: "ЖДЁТ",
  table: "Стол",
  more: (n) => `ещё ${n} →`,
  keys: "←/→ выбор  Enter готово  S начать  R вернуть  Ctrl+C выход",
  notices: {
    offline: "Магазин не отвечает; действия сохранены и уйдут, когда связь вернётся.",
    refused: "Магазин отказал:",
    nothingToRecall: "Нечего вернуть.",
    noTicket: "Заказ не выбран.",
    onHold: "Ждёт подачи курса:",
  },
  refusals: {
    KITCHEN_NOT_CONFIGURED: "В магазине нет кухонных станций: обратитесь к менеджеру.",
    UNKNOWN_STATION: "В магазине нет такой станции: проверьте --station.",
    TICKET_NOT_FOUND: "Магазин больше не знает этот заказ.",
    TICKET_ON_HOLD: "Этот курс ждёт, пока официант его подаст.",
    UNAUTHORIZED: "Магазин не принимает токен этого экрана: подключите его заново.",
    FORBIDDEN: "Токен этого экрана не даёт такого права.",
  },
};

const az: KdsMessages = {
  online: "qoşulub",
  offline: "MAĞAZA ƏLÇATMAZDIR: olanlar göstərilir",
  tickets: (n) => `${n} açıq`,
  waiting: (n) => `${n} göndəriləcək`,
  noTickets: "Sifariş yoxdur. Yeniləri burada görünəcək.",
  hold: "GÖZLƏYİR",
  table: "Masa",
  more: (n) => `daha ${n} →`,
  keys: "←/→ seç  Enter hazır  S başla  R geri qaytar  Ctrl+C çıx",
  notices: {
    offline: "Mağaza cavab vermir; əməllər saxlanılır və qayıdanda göndəriləcək.",
    refused: "Mağaza rədd etdi:",
    nothingToRecall: "Geri qaytarılacaq yoxdur.",
    noTicket: "Sifariş seçilməyib.",
    onHold: "Kurs verilənə qədər gözləyir:",
  },
  refusals: {
    KITCHEN_NOT_CONFIGURED: "Mağazada mətbəx stansiyası yoxdur: menecerə müraciət edin.",
    UNKNOWN_STATION: "Mağazada belə stansiya yoxdur: --station yoxlayın.",
    TICKET_NOT_FOUND: "Mağaza bu sifarişi artıq tanımır.",
    TICKET_ON_HOLD: "Bu kurs ofisiant göndərənə qədər gözləyir.",
    UNAUTHORIZED: "Mağaza bu ekranın tokenini qəbul etmir: yenidən qoşun.",
    FORBIDDEN: "Bu ekranın tokeni buna icazə vermir.",
  },
};

export const KDS_MESSAGES: Record<KdsLanguage, KdsMessages> = { en, fr, ru, az };
