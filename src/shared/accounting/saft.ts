/**
 * The accounting export as SAF-T Financial (OECD Standard Audit File for Tax 2.00), a documented
 * subset (docs/accounting-export.md): the header with the seller, the general-ledger accounts and
 * tax table used, and balanced general-ledger transactions per day: takings (SALES), cash paid in
 * and out (CASH), cost of goods (COGS) and stock documents (STOCK). Amounts are decimals of the
 * store's currency, always positive, on a debit or a credit line.
 */
import type { AccountingDay, AccountingExport } from "../../api/store/accounting.ts";
import { currencyExponent, minorToDecimalString } from "../../core/money.ts";

export const SAFT_NAMESPACE = "urn:OECD:StandardAuditFile-Tax:2.00";

function esc(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .split("")
    .map((c) => (xmlChar(c.charCodeAt(0)) ? c : "?"))
    .join("");
}

/** Whether XML 1.0 allows the UTF-16 unit (tab, line ends and everything from space up, bar U+FFFE/FFFF). */
function xmlChar(code: number): boolean {
  return code === 0x09 || code === 0x0a || code === 0x0d || (code >= 0x20 && code <= 0xfffd);
}

/** `<name>text</name>` for each pair (escaped); nothing for an undefined value. */
function el(name: string, value: string | number | undefined | null): string {
  return value === undefined || value === null ? "" : `<${name}>${esc(String(value))}</${name}>`;
}

interface Posting {
  account: string;
  description: string;
  /** Positive: debit; negative: credit. */
  minor: number;
  tax?: { code: string; rate: string; baseMinor: number; taxMinor: number };
}

export interface SaftTransaction {
  journal: "SALES" | "CASH" | "COGS" | "STOCK";
  id: string;
  date: string;
  description: string;
  postings: Posting[];
}

const classKey = (taxClass: string) => (taxClass === "" ? "NONE" : taxClass);

/** The balanced transactions of one day (postings of zero left out). */
export function dayTransactions(day: AccountingDay): SaftTransaction[] {
  const out: SaftTransaction[] = [];
  const sales: Posting[] = [];
  for (const t of day.tenders) {
    sales.push({ account: `TENDER-${t.type}`, description: `takings ${t.type}`, minor: t.netMinor });
  }
  for (const t of day.taxes) {
    const k = classKey(t.taxClass);
    const taxOf = (f: { netMinor: number; taxMinor: number }) => ({
      code: k,
      rate: t.rate,
      baseMinor: f.netMinor,
      taxMinor: f.taxMinor,
    });
    sales.push({
      account: `REVENUE-${k}`,
      description: `sales at ${t.rate}%`,
      minor: -t.sales.netMinor,
      tax: taxOf(t.sales),
    });
    sales.push({ account: `VAT-${k}`, description: `tax on sales at ${t.rate}%`, minor: -t.sales.taxMinor });
    sales.push({
      account: `REVENUE-${k}`,
      description: `refunds at ${t.rate}%`,
      minor: t.refunds.netMinor,
      tax: taxOf(t.refunds),
    });
    sales.push({
      account: `VAT-${k}`,
      description: `tax on refunds at ${t.rate}%`,
      minor: t.refunds.taxMinor,
    });
  }
  const unbalanced = sales.reduce((s, p) => s + p.minor, 0);
  if (unbalanced !== 0) sales.push({ account: "ROUNDING", description: "cash rounding", minor: -unbalanced });
  out.push({
    journal: "SALES",
    id: `SALES-${day.date}`,
    date: day.date,
    description: `takings of ${day.date}`,
    postings: sales,
  });

  const cash: Posting[] = [];
  for (const c of day.cashMovements) {
    const sign = c.kind === "in" ? 1 : -1;
    cash.push({
      account: "TENDER-cash",
      description: `cash ${c.kind}: ${c.reason}`,
      minor: sign * c.amountMinor,
    });
    cash.push({
      account: c.kind === "in" ? "CASH-IN" : "CASH-OUT",
      description: c.reason,
      minor: -sign * c.amountMinor,
    });
  }
  out.push({
    journal: "CASH",
    id: `CASH-${day.date}`,
    date: day.date,
    description: `cash paid in and out on ${day.date}`,
    postings: cash,
  });

  out.push({
    journal: "COGS",
    id: `COGS-${day.date}`,
    date: day.date,
    description: `cost of goods sold on ${day.date}`,
    postings: [
      { account: "COGS", description: "cost of goods sold", minor: day.cogsMinor },
      { account: "INVENTORY", description: "goods sold", minor: -day.cogsMinor },
    ],
  });
  for (const d of day.stockDocuments) {
    out.push({
      journal: "STOCK",
      id: `STOCK-${d.number}`,
      date: day.date,
      description: `stock document ${d.number} (${d.type})${d.reason ? `: ${d.reason}` : ""}`,
      postings: [
        { account: "INVENTORY", description: `${d.type} ${d.number}`, minor: d.valueMinor },
        { account: `STOCK-${d.type}`, description: `${d.type} ${d.number}`, minor: -d.valueMinor },
      ],
    });
  }
  return out
    .map((t) => ({ ...t, postings: t.postings.filter((p) => p.minor !== 0) }))
    .filter((t) => t.postings.length > 0);
}

const JOURNALS: Record<SaftTransaction["journal"], string> = {
  SALES: "Takings by day: tenders, sales and refunds by tax rate",
  CASH: "Cash paid into and out of the drawers",
  COGS: "Cost of goods sold, from the costed stock ledger",
  STOCK: "Posted stock documents (receipts, write-offs, counts, transfers)",
};

function accountDescription(id: string): string {
  const [head = "", ...rest] = id.split("-");
  const tail = rest.join("-");
  const names: Record<string, string> = {
    TENDER: `Takings in ${tail}`,
    REVENUE: tail === "NONE" ? "Sales without tax" : `Sales, tax class ${tail}`,
    VAT: tail === "NONE" ? "Tax, none" : `Tax payable, class ${tail}`,
    ROUNDING: "Cash rounding",
    CASH: tail === "IN" ? "Cash paid in" : "Cash paid out",
    COGS: "Cost of goods sold",
    INVENTORY: "Inventory",
    STOCK: `Stock movements: ${tail}`,
  };
  return names[head] ?? id;
}

/** The SAF-T Financial XML of an export. */
export function accountingSaft(doc: AccountingExport, software: { version: string }): string {
  const exp = currencyExponent(doc.currency);
  const amount = (minor: number) => minorToDecimalString(minor, exp);
  const transactions = doc.days.flatMap(dayTransactions);
  const accounts = [...new Set(transactions.flatMap((t) => t.postings.map((p) => p.account)))].sort();
  let totalDebit = 0;
  let totalCredit = 0;
  for (const t of transactions) {
    for (const p of t.postings) {
      if (p.minor > 0) totalDebit += p.minor;
      else totalCredit -= p.minor;
    }
  }
  const x: string[] = ['<?xml version="1.0" encoding="UTF-8"?>', `<AuditFile xmlns="${SAFT_NAMESPACE}">`];
  const seller = doc.seller;
  x.push(
    "<Header>",
    el("AuditFileVersion", "2.00"),
    el("AuditFileCountry", seller?.country ?? undefined),
    el("AuditFileDateCreated", doc.generatedAt.slice(0, 10)),
    el("SoftwareCompanyName", "Ringup"),
    el("SoftwareID", "Ringup"),
    el("SoftwareVersion", software.version),
    "<Company>",
    el("RegistrationNumber", seller?.registration ?? seller?.taxId ?? doc.storeId),
    el("Name", seller?.name ?? doc.storeId),
    "<Address>",
    el("StreetName", seller?.address[0] ?? ""),
    ...(seller?.address.slice(1) ?? []).map((l) => el("AdditionalAddressDetail", l)),
    el("Country", seller?.country ?? undefined),
    "</Address>",
    seller ? `<TaxRegistration>${el("TaxRegistrationNumber", seller.taxId)}</TaxRegistration>` : "",
    "</Company>",
    el("DefaultCurrencyCode", doc.currency),
    `<SelectionCriteria>${el("SelectionStartDate", doc.from)}${el("SelectionEndDate", doc.to)}</SelectionCriteria>`,
    el("TaxAccountingBasis", "A"),
    el("TaxEntity", doc.storeId),
    "</Header>",
    "<MasterFiles>",
    "<GeneralLedgerAccounts>",
    ...accounts.map(
      (a) =>
        `<Account>${el("AccountID", a)}${el("AccountDescription", accountDescription(a))}${el("AccountType", "GL")}</Account>`,
    ),
    "</GeneralLedgerAccounts>",
    "<TaxTable><TaxTableEntry>",
    el("TaxType", "VAT"),
    el("Description", "Sales tax"),
    ...doc.taxClasses.map(
      (t) =>
        `<TaxCodeDetails>${el("TaxCode", t.id)}${el("Description", t.name)}${el("TaxPercentage", t.rate)}</TaxCodeDetails>`,
    ),
    `<TaxCodeDetails>${el("TaxCode", "NONE")}${el("Description", "No tax")}${el("TaxPercentage", "0")}</TaxCodeDetails>`,
    "</TaxTableEntry></TaxTable>",
    "</MasterFiles>",
    "<GeneralLedgerEntries>",
    el("NumberOfEntries", transactions.length),
    el("TotalDebit", amount(totalDebit)),
    el("TotalCredit", amount(totalCredit)),
  );
  for (const journal of Object.keys(JOURNALS) as SaftTransaction["journal"][]) {
    const of = transactions.filter((t) => t.journal === journal);
    if (of.length === 0) continue;
    x.push("<Journal>", el("JournalID", journal), el("Description", JOURNALS[journal]), el("Type", journal));
    for (const t of of) {
      x.push(
        "<Transaction>",
        el("TransactionID", t.id),
        el("Period", Number(t.date.slice(5, 7))),
        el("PeriodYear", t.date.slice(0, 4)),
        el("TransactionDate", t.date),
        el("Description", t.description),
        el("SystemEntryDate", doc.generatedAt.slice(0, 10)),
        el("GLPostingDate", t.date),
        "<Lines>",
      );
      t.postings.forEach((p, i) => {
        const side = p.minor > 0 ? "Debit" : "Credit";
        const tax = p.tax
          ? `<TaxInformation>${el("TaxType", "VAT")}${el("TaxCode", p.tax.code)}${el("TaxPercentage", p.tax.rate)}${el("TaxBase", amount(p.tax.baseMinor))}<TaxAmount>${el("Amount", amount(p.tax.taxMinor))}</TaxAmount></TaxInformation>`
          : "";
        x.push(
          `<${side}Line>${el("RecordID", i + 1)}${el("AccountID", p.account)}${el("Description", p.description)}<${side}Amount>${el("Amount", amount(Math.abs(p.minor)))}</${side}Amount>${tax}</${side}Line>`,
        );
      });
      x.push("</Lines>", "</Transaction>");
    }
    x.push("</Journal>");
  }
  x.push("</GeneralLedgerEntries>", "</AuditFile>");
  return `${x.filter((s) => s !== "").join("\n")}\n`;
}
