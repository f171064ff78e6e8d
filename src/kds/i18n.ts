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
};

export const KDS_MESSAGES: Record<KdsLanguage, KdsMessages> = { en, fr, ru, az };
