/**
 * Words printed on receipts, shift reports and the customer display, in the till's languages.
 * Each language is a complete table: adding a label means adding it to every language.
 */

export const RECEIPT_LANGUAGES = ["en", "ru", "fr", "az"] as const;
export type ReceiptLanguage = (typeof RECEIPT_LANGUAGES)[number];

export interface ReceiptLabels {
  receiptNo: string;
  cashier: string;
  till: string;
  copy: string;
  /** A training sale's mark: not a receipt. */
  training: string;
  refund: string;
  subtotal: string;
  discount: string;
  tax: string;
  taxIncluded: string;
  taxBase: string;
  total: string;
  cashRounding: string;
  amountDue: string;
  change: string;
  thankYou: string;
  returnsHint: string;
  /** Caption of the QR code that opens the receipt's copy on a phone. */
  copyOnline: string;
  tenders: Record<string, string>;
  units: Record<"kg" | "lb" | "g" | "l" | "m", string>;
  // Shift reports.
  xReport: string;
  zReport: string;
  shift: string;
  opened: string;
  closed: string;
  printed: string;
  salesCount: string;
  returnsCount: string;
  gross: string;
  net: string;
  byTender: string;
  byTaxClass: string;
  openingFloat: string;
  cashIn: string;
  cashOut: string;
  expectedCash: string;
  countedCash: string;
  difference: string;
  noSaleOpenings: string;
  /** Staff commissions earned in the shift (services). */
  commissions: string;
  // Customer display.
  displayTotal: string;
  displayChange: string;
  displayWelcome: string;
  // Devices test.
  testReceipt: string;
  testLine: string;
  // Lots and serials under a line: "S/N SN1", "Lot L7 exp 2027-12-31".
  serial: string;
  lot: string;
  expires: string;
  // The fiscal signature: transaction and signature counter, start and finish, or its absence.
  fiscalTransaction: string;
  fiscalCounter: string;
  fiscalStart: string;
  fiscalFinish: string;
  fiscalUnavailable: string;
}

const en: ReceiptLabels = {
  receiptNo: "Receipt",
  cashier: "Cashier",
  till: "Till",
  copy: "COPY",
  training: "TRAINING",
  refund: "REFUND",
  subtotal: "Subtotal",
  discount: "Discount",
  tax: "Tax",
  taxIncluded: "Tax included",
  taxBase: "base",
  total: "TOTAL",
  cashRounding: "Cash rounding",
  amountDue: "Amount due",
  change: "Change",
  thankYou: "Thank you!",
  returnsHint: "Keep this receipt for returns",
  copyOnline: "Your receipt online: scan the code",
  tenders: {
    cash: "Cash",
    card: "Card",
    voucher: "Voucher",
    giftcard: "Gift card",
    banktransfer: "Bank transfer",
    other: "Other",
  },
  units: { kg: "kg", lb: "lb", g: "g", l: "l", m: "m" },
  xReport: "X REPORT",
  zReport: "Z REPORT",
  shift: "Shift",
  opened: "Opened",
  closed: "Closed",
  printed: "Printed",
  salesCount: "Sales",
  returnsCount: "Returns",
  gross: "Gross",
  net: "Net",
  byTender: "By tender",
  byTaxClass: "By tax class",
  openingFloat: "Opening float",
  cashIn: "Cash in",
  cashOut: "Cash out",
  expectedCash: "Expected cash",
  countedCash: "Counted cash",
  difference: "Difference",
  noSaleOpenings: "No-sale openings",
  commissions: "Staff commissions",
  displayTotal: "TOTAL",
  displayChange: "CHANGE",
  displayWelcome: "Welcome",
  testReceipt: "TEST RECEIPT",
  testLine: "Test item",
  serial: "S/N",
  lot: "Lot",
  expires: "exp",
  fiscalTransaction: "Signature transaction",
  fiscalCounter: "Signature counter",
  fiscalStart: "Start",
  fiscalFinish: "End",
  fiscalUnavailable: "SIGNATURE DEVICE UNAVAILABLE",
};

const ru: ReceiptLabels = {
  receiptNo: "Чек №",
  cashier: "Кассир",
  till: "Касса",
  copy: "КОПИЯ",
  training: "ОБУЧЕНИЕ",
  refund: "ВОЗВРАТ",
  subtotal: "Подытог",
  discount: "Скидка",
  tax: "Налог",
  taxIncluded: "В т.ч. налог",
  taxBase: "база",
  total: "ИТОГ",
  cashRounding: "Округление",
  amountDue: "К оплате",
  change: "Сдача",
  thankYou: "Спасибо за покупку!",
  returnsHint: "Сохраняйте чек для возврата",
  copyOnline: "Чек онлайн: отсканируйте код",
  tenders: {
    cash: "Наличные",
    card: "Карта",
    voucher: "Ваучер",
    giftcard: "Подарочная карта",
    banktransfer: "Банковский перевод",
    other: "Другое",
  },
  units: { kg: "кг", lb: "фунт", g: "г", l: "л", m: "м" },
  xReport: "X-ОТЧЁТ",
  zReport: "Z-ОТЧЁТ",
  shift: "Смена",
  opened: "Открыта",
  closed: "Закрыта",
  printed: "Напечатан",
  salesCount: "Продажи",
  returnsCount: "Возвраты",
  gross: "Валовая сумма",
  net: "Без налога",
  byTender: "По видам оплаты",
  byTaxClass: "По налогам",
  openingFloat: "Размен на начало",
  cashIn: "Внесение",
  cashOut: "Изъятие",
  expectedCash: "Наличных ожидается",
  countedCash: "Наличных посчитано",
  difference: "Расхождение",
  noSaleOpenings: "Открытий ящика без продажи",
  commissions: "Комиссии сотрудников",
  displayTotal: "ИТОГ",
  displayChange: "СДАЧА",
  displayWelcome: "Добро пожаловать",
  testReceipt: "ТЕСТОВЫЙ ЧЕК",
  testLine: "Тестовый товар",
  serial: "S/N",
  lot: "Партия",
  expires: "годен до",
  fiscalTransaction: "Транзакция подписи",
  fiscalCounter: "Счётчик подписей",
  fiscalStart: "Начало",
  fiscalFinish: "Конец",
  fiscalUnavailable: "УСТРОЙСТВО ПОДПИСИ НЕДОСТУПНО",
};

const fr: ReceiptLabels = {
  receiptNo: "Ticket n°",
  cashier: "Caissier",
  till: "Caisse",
  copy: "DUPLICATA",
  training: "FORMATION",
  refund: "REMBOURSEMENT",
  subtotal: "Sous-total",
  discount: "Remise",
  tax: "TVA",
  taxIncluded: "Dont TVA",
  taxBase: "base",
  total: "TOTAL",
  cashRounding: "Arrondi espèces",
  amountDue: "Net à payer",
  change: "Rendu",
  thankYou: "Merci de votre visite !",
  returnsHint: "Conservez ce ticket pour un échange",
  copyOnline: "Votre ticket en ligne : scannez le code",
  tenders: {
    cash: "Espèces",
    card: "Carte",
    voucher: "Bon d'achat",
    giftcard: "Carte cadeau",
    banktransfer: "Virement",
    other: "Autre",
  },
  units: { kg: "kg", lb: "lb", g: "g", l: "l", m: "m" },
  xReport: "RAPPORT X",
  zReport: "RAPPORT Z",
  shift: "Session",
  opened: "Ouverte",
  closed: "Clôturée",
  printed: "Imprimé",
  salesCount: "Ventes",
  returnsCount: "Retours",
  gross: "Brut",
  net: "Net HT",
  byTender: "Par moyen de paiement",
  byTaxClass: "Par taux de TVA",
  openingFloat: "Fond de caisse",
  cashIn: "Entrées espèces",
  cashOut: "Sorties espèces",
  expectedCash: "Espèces attendues",
  countedCash: "Espèces comptées",
  difference: "Écart",
  noSaleOpenings: "Ouvertures sans vente",
  commissions: "Commissions du personnel",
  displayTotal: "TOTAL",
  displayChange: "RENDU",
  displayWelcome: "Bienvenue",
  testReceipt: "TICKET DE TEST",
  testLine: "Article d'essai",
  serial: "N/S",
  lot: "Lot",
  expires: "exp",
  fiscalTransaction: "Transaction signée",
  fiscalCounter: "Compteur de signatures",
  fiscalStart: "Début",
  fiscalFinish: "Fin",
  fiscalUnavailable: "DISPOSITIF DE SIGNATURE INDISPONIBLE",
};

const az: ReceiptLabels = {
  receiptNo: "Çek №",
  cashier: "Kassir",
  till: "Kassa",
  copy: "SURƏT",
  training: "TƏLİM",
  refund: "QAYTARMA",
  subtotal: "Ara cəm",
  discount: "Endirim",
  tax: "ƏDV",
  taxIncluded: "O cümlədən ƏDV",
  taxBase: "baza",
  total: "CƏMİ",
  cashRounding: "Yuvarlaqlaşdırma",
  amountDue: "Ödəniləcək",
  change: "Qalıq",
  thankYou: "Təşəkkür edirik!",
  returnsHint: "Qaytarmaq üçün çeki saxlayın",
  copyOnline: "Çekiniz onlayn: kodu skan edin",
  tenders: {
    cash: "Nağd",
    card: "Kart",
    voucher: "Vauçer",
    giftcard: "Hədiyyə kartı",
    banktransfer: "Bank köçürməsi",
    other: "Digər",
  },
  units: { kg: "kq", lb: "funt", g: "q", l: "l", m: "m" },
  xReport: "X HESABATI",
  zReport: "Z HESABATI",
  shift: "Növbə",
  opened: "Açılıb",
  closed: "Bağlanıb",
  printed: "Çap edilib",
  salesCount: "Satışlar",
  returnsCount: "Qaytarmalar",
  gross: "Ümumi məbləğ",
  net: "Vergisiz",
  byTender: "Ödəniş növləri üzrə",
  byTaxClass: "Vergilər üzrə",
  openingFloat: "İlkin qalıq",
  cashIn: "Mədaxil",
  cashOut: "Məxaric",
  expectedCash: "Gözlənilən nağd",
  countedCash: "Sayılan nağd",
  difference: "Fərq",
  noSaleOpenings: "Satışsız açılışlar",
  commissions: "İşçi komissiyaları",
  displayTotal: "CƏMİ",
  displayChange: "QALIQ",
  displayWelcome: "Xoş gəlmisiniz",
  testReceipt: "TEST ÇEKİ",
  testLine: "Test məhsulu",
  serial: "S/N",
  lot: "Partiya",
  expires: "son",
  fiscalTransaction: "İmza əməliyyatı",
  fiscalCounter: "İmza sayğacı",
  fiscalStart: "Başlanğıc",
  fiscalFinish: "Son",
  fiscalUnavailable: "İMZA CİHAZI ƏLÇATMAZDIR",
};

const TABLES: Record<ReceiptLanguage, ReceiptLabels> = { en, ru, fr, az };

/** The receipt language for a BCP 47 locale ("ru-RU" -> "ru"); English when the language has no table. */
export function receiptLanguage(locale: string): ReceiptLanguage {
  const language = locale.trim().toLowerCase().split(/[-_]/)[0] ?? "";
  return (RECEIPT_LANGUAGES as readonly string[]).includes(language) ? (language as ReceiptLanguage) : "en";
}

export function receiptLabels(locale: string): ReceiptLabels {
  return TABLES[receiptLanguage(locale)];
}

/** The printed name of a tender type: the table's word for known types, else the type itself. */
export function tenderLabel(labels: ReceiptLabels, type: string): string {
  const key = type.toLowerCase().replace(/[\s_-]/g, "");
  return labels.tenders[key] ?? type;
}
