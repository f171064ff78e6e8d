/**
 * An in-memory TillServices for the screens' tests: the test catalog, two users (cashier 1234,
 * supervisor 9999), an outbox that "sends" when online, and online-only operations that refuse
 * with STORE_UNREACHABLE while offline, as the real data layer does.
 */

import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DomainError } from "../../../src/core/errors.ts";
import { formatReceiptNo } from "../../../src/core/ids.ts";
import type { Message } from "../../../src/core/messages/index.ts";
import type { Department } from "../../../src/core/open-department.ts";
import { type Promotion, PromotionBook } from "../../../src/core/promotions/index.ts";
import { refundableByTender } from "../../../src/core/refund-split.ts";
import {
  type StoreSettings,
  type StoreSettingsInput,
  storeSettingsSchema,
} from "../../../src/core/settings.ts";
import { openTillDatabase, type TillDatabase } from "../../../src/till/data/db.ts";
import { PrintJournal } from "../../../src/till/data/print-journal.ts";
import type {
  ApprovalAction,
  CancelledSale,
  Cashier,
  CompletedSale,
  HeldSaleDoc,
  HeldSaleSummary,
  LinkStatus,
  OpenShift,
  PrintableDoc,
  PrintSummary,
  RecordedSale,
  RefusedExport,
  RefusedSale,
  StockAtSites,
  TillLookup,
  TillProduct,
  TillPromotions,
  TillServices,
  TillTrace,
} from "../../../src/till/services.ts";
import { withTestTaxClasses } from "../../support/tax-classes.ts";
import { CATALOG } from "./catalog.ts";

class FakeError extends DomainError {
  readonly code: string;
  constructor(code: string, message: string) {
    super(message);
    this.code = code;
  }
}

const USERS: Record<string, Cashier> = {
  "1234": { id: "u-ann", name: "Ann", role: "cashier" },
  "9999": { id: "u-sue", name: "Sue", role: "supervisor" },
};

export class FakeServices implements TillServices {
  online = true;
  readonly sent: CompletedSale[] = [];
  readonly outbox: CompletedSale[] = [];
  readonly held = new Map<string, HeldSaleDoc & { heldAt: string }>();
  readonly returns: Parameters<TillServices["recordReturn"]>[0][] = [];
  readonly drawerOpenings: { reason: string; approvalPin?: string }[] = [];
  readonly approvals: ApprovalAction[] = [];
  readonly closedShifts: Record<string, number>[] = [];
  readonly recorded = new Map<string, RecordedSale>();
  catalog: TillProduct[] = [...CATALOG];
  /** The store's departments as the till synced them. */
  departmentList: Department[] = [];
  /** When set, completeSale waits for it (a slow disk). */
  completionGate: Promise<void> | null = null;
  /** Makes the next completeSale fail (a full disk, say). */
  failNextCompletion: string | null = null;
  private seq = 0;
  private readonly listeners = new Set<() => void>();
  private storeSettings: StoreSettings;

  private printDb: TillDatabase | null = null;
  private journal: PrintJournal | null = null;

  /**
   * `dataDir`: the folder of the till's SQLite file that holds the real print journal (opened
   * on first use; default a fresh temp folder). Two FakeServices on one folder are a restart.
   */
  constructor(
    settings: StoreSettingsInput = {},
    private readonly options: { dataDir?: string } = {},
  ) {
    this.storeSettings = storeSettingsSchema.parse(
      withTestTaxClasses({ storeName: "Test Co-op", ...settings }),
    );
  }

  private prints(): PrintJournal {
    if (this.journal === null) {
      const dir = this.options.dataDir ?? mkdtempSync(join(tmpdir(), "ringup-fake-till-"));
      this.printDb = openTillDatabase(dir);
      this.journal = new PrintJournal(this.printDb.db, () => new Date());
    }
    return this.journal;
  }

  journalPrint(doc: PrintableDoc, cashierId: string | null): PrintSummary {
    return this.prints().record(doc, cashierId);
  }

  recentPrints(limit: number): PrintSummary[] {
    return this.prints().recent(limit);
  }

  reprint(key: { id: number } | { receiptNo: string }, cashierId: string | null): PrintableDoc {
    const doc = this.prints().reprint(key, cashierId);
    this.traces.push({
      action: "receipt.reprinted",
      detail: { title: doc.type === "receipt" ? doc.receiptNo : `${doc.kind.toUpperCase()} ${doc.number}` },
    });
    return doc;
  }

  /** Sales the store refused (tests put them here). */
  refused: RefusedSale[] = [];
  /** Exports written, and sales sent again, in order. */
  readonly exports: RefusedExport[] = [];
  readonly resent: string[] = [];
  /** Cashier actions kept for the store's audit log. */
  readonly traces: TillTrace[] = [];

  refusedSales(): RefusedSale[] {
    return [...this.refused];
  }

  exportRefused(saleId: string): RefusedExport {
    const sale = this.refused.find((r) => r.saleId === saleId);
    if (sale === undefined) throw new FakeError("NOT_REFUSED", `sale ${saleId} is not a refused sale`);
    const done = { path: `/data/refused-sales/${sale.receiptNo}.json`, receiptNo: sale.receiptNo };
    this.exports.push(done);
    return done;
  }

  resendRefused(saleId: string): void {
    if (!this.refused.some((r) => r.saleId === saleId))
      throw new FakeError("NOT_REFUSED", `sale ${saleId} is not a refused sale`);
    this.refused = this.refused.filter((r) => r.saleId !== saleId);
    this.resent.push(saleId);
    this.notify();
  }

  trace(entry: TillTrace): void {
    this.traces.push(entry);
  }

  /** Receipts asked to be e-mailed (tests read them), and the link made for a sale. */
  readonly emailed: { saleId: string; email: string }[] = [];

  async emailReceipt(saleId: string, email: string): Promise<{ receiptNo: string }> {
    this.emailed.push({ saleId, email });
    return { receiptNo: this.outbox.find((sale) => sale.id === saleId)?.receiptNo ?? saleId };
  }

  receiptLink(saleId: string): string | null {
    const base = this.storeSettings.publicUrl;
    return base === undefined ? null : `${base}/r/${saleId.replaceAll("-", "")}`;
  }

  /** Closes the print journal's database (as a till's shutdown does). */
  closeJournal(): void {
    this.printDb?.sqlite.close();
    this.printDb = null;
    this.journal = null;
  }

  identity() {
    return { storeId: "S1", tillId: "T1" };
  }

  settings(): StoreSettings {
    return this.storeSettings;
  }

  /** New settings from the store, as a sync brings them. */
  changeSettings(settings: StoreSettingsInput): void {
    this.storeSettings = storeSettingsSchema.parse({ ...this.storeSettings, ...settings });
    this.notify();
  }

  lookup(code: string): TillLookup {
    const product = this.catalog.find((p) => p.code === code);
    if (product === undefined) throw new FakeError("UNKNOWN_CODE", `no product has the code ${code}`);
    return { product };
  }

  /** Products only "the store" has: a scan of one is answered by lookupAtStore. */
  storeOnly: TillProduct[] = [];
  lookupsAtStore: string[] = [];
  /** When set, the store's answer to lookupAtStore waits for it (a slow network). */
  storeAnswerGate: Promise<void> | null = null;

  /** Stock on hand at "the store" by code (thousandths), for the price check. */
  readonly stockOnHand = new Map<string, number>();
  readonly stockAsked: string[] = [];

  async stockHere(code: string): Promise<{ onHandMilli: number }> {
    this.stockAsked.push(code);
    this.requireOnline();
    return { onHandMilli: this.stockOnHand.get(code) ?? 0 };
  }

  /** Stock at the chain's other sites by code, and whether "head office" answers. */
  readonly otherSites = new Map<string, { storeId: string; onHandMilli: number }[]>();
  otherSitesReachable = true;

  async stockAtSites(code: string): Promise<StockAtSites> {
    this.requireOnline();
    return {
      reachable: this.otherSitesReachable,
      sites: this.otherSitesReachable ? (this.otherSites.get(code) ?? []) : [],
    };
  }

  async lookupAtStore(code: string): Promise<TillLookup | null> {
    this.lookupsAtStore.push(code);
    if (!this.online) return null;
    if (this.storeAnswerGate) await this.storeAnswerGate;
    const product = this.storeOnly.find((p) => p.code === code);
    if (product === undefined) return null;
    this.catalog.push(product);
    return { product };
  }

  departments(): Department[] {
    return this.departmentList;
  }

  /** The store's promotions as the till synced them (none unless a test sets some). */
  promotionList: Promotion[] = [];
  /** Each category's chain up the tree, as the till synced the store's categories. */
  categoryChains = new Map<string, string[]>();

  /** The store's messages as the till synced them (none unless a test sets some). */
  messageList: Message[] = [];

  promotions(): TillPromotions {
    return {
      book: new PromotionBook(this.promotionList),
      messages: this.messageList,
      categoriesOf: (category) =>
        category === undefined ? [] : (this.categoryChains.get(category) ?? [category]),
    };
  }

  search(text: string, limit: number): TillProduct[] {
    const needle = text.toLowerCase();
    return this.catalog.filter((p) => p.name.toLowerCase().includes(needle)).slice(0, limit);
  }

  async login(pin: string): Promise<Cashier> {
    const user = USERS[pin];
    if (user === undefined) throw new FakeError("WRONG_PIN", "wrong PIN");
    return user;
  }

  async logout(): Promise<void> {}

  async approve(pin: string, action: ApprovalAction): Promise<Cashier> {
    const user = USERS[pin];
    if (user === undefined || user.role === "cashier")
      throw new FakeError("NOT_AN_APPROVER", "not a supervisor");
    this.approvals.push(action);
    return user;
  }

  /** Staff discounts by PIN, as the store would answer them. */
  staffDiscounts: Record<string, string> = {};

  async staffDiscount(pin: string): Promise<{ userId: string; name: string; percent: string }> {
    const user = USERS[pin];
    if (user === undefined) throw new FakeError("WRONG_PIN", "wrong PIN");
    const percent = this.staffDiscounts[pin];
    if (percent === undefined) throw new FakeError("NO_STAFF_DISCOUNT", "no staff discount");
    return { userId: user.id, name: user.name, percent };
  }

  nextReceiptNo(): string {
    this.seq += 1;
    return formatReceiptNo("S1", "T1", this.seq);
  }

  /** Sales cancelled before payment, as the till kept them. */
  cancelled: CancelledSale[] = [];

  async cancelSale(sale: CancelledSale): Promise<void> {
    this.cancelled.push(sale);
  }

  async completeSale(sale: CompletedSale): Promise<void> {
    if (this.completionGate !== null) await this.completionGate;
    if (this.failNextCompletion !== null) {
      const message = this.failNextCompletion;
      this.failNextCompletion = null;
      throw new FakeError("DISK_FULL", message);
    }
    this.outbox.push(sale);
    this.recorded.set(sale.receiptNo, {
      id: sale.id,
      receiptNo: sale.receiptNo,
      at: sale.at,
      totalMinor: sale.quote.totalMinor,
      // As the store answers: what each tender of the sale can still refund.
      refundable: refundableByTender(sale.tenders, sale.changeMinor, []),
      lines: sale.quote.lines.map((l, i) => ({
        lineNo: i + 1,
        code: l.code,
        name: l.name,
        qtyMilli: l.qtyMilli,
        unitPriceMinor: l.unitPriceMinor,
        totalMinor: l.totalMinor,
        taxMinor: l.taxMinor,
      })),
    });
    this.drain();
  }

  /** Sends what waits in the outbox when online. */
  drain(): void {
    if (this.online) this.sent.push(...this.outbox.splice(0));
    this.notify();
  }

  setOnline(online: boolean): void {
    this.online = online;
    this.drain();
  }

  private requireOnline(): void {
    if (!this.online) throw new FakeError("STORE_UNREACHABLE", "the store server cannot be reached");
  }

  async holdSale(sale: Parameters<TillServices["holdSale"]>[0]): Promise<void> {
    this.requireOnline();
    const { id: _id, label: _label, ...doc } = sale;
    this.held.set(sale.id, { ...doc, heldAt: "2026-11-23T12:00:00Z" });
  }

  async listHeld(): Promise<HeldSaleSummary[]> {
    this.requireOnline();
    return [...this.held.entries()].map(([id, h]) => ({
      id,
      label: null,
      heldAt: h.heldAt,
      tillId: "T1",
      lines: h.lines.length,
      cashierName: h.cashierId === "u-ann" ? "Ann" : null,
      basket: h.lines,
      totalMinor: null,
      items: [],
    }));
  }

  async resumeHeld(id: string): Promise<HeldSaleDoc> {
    this.requireOnline();
    const held = this.held.get(id);
    if (held === undefined) throw new FakeError("HELD_NOT_FOUND", "that held sale is gone");
    this.held.delete(id);
    const { heldAt: _heldAt, ...doc } = held;
    return doc;
  }

  async findSale(receiptNoOrId: string): Promise<RecordedSale> {
    this.requireOnline();
    const sale =
      this.recorded.get(receiptNoOrId) ?? [...this.recorded.values()].find((s) => s.id === receiptNoOrId);
    if (sale === undefined) throw new FakeError("SALE_NOT_FOUND", `no sale ${receiptNoOrId} at this store`);
    return sale;
  }

  async recordReturn(ret: Parameters<TillServices["recordReturn"]>[0]) {
    this.requireOnline();
    this.returns.push(ret);
    return {
      receiptNo: this.nextReceiptNo(),
      totalMinor: (ret.tenders ?? []).reduce((s, t) => s + t.amountMinor, 0),
    };
  }

  async openDrawer(reason: "sale" | "noSale" | "cashIn" | "cashOut", approvalPin?: string): Promise<void> {
    this.requireOnline();
    this.drawerOpenings.push(approvalPin ? { reason, approvalPin } : { reason });
  }

  /** The till's shift at the "store": open by default; null for a till without one. */
  shift: OpenShift | null = { id: "shift-1", floatMinor: 10000, openedAt: "2026-11-23T08:00:00.000Z" };
  readonly openedShifts: number[] = [];
  readonly cashMoves: Parameters<TillServices["moveCash"]>[0][] = [];

  private expectedCashMinor(): number {
    const moved = this.cashMoves.reduce(
      (s, m) => s + (m.direction === "in" ? m.amountMinor : -m.amountMinor),
      0,
    );
    return (this.shift?.floatMinor ?? 0) + moved;
  }

  async currentShift(): Promise<OpenShift | null> {
    this.requireOnline();
    return this.shift;
  }

  async openShift(floatMinor: number): Promise<OpenShift> {
    this.requireOnline();
    if (this.shift !== null) throw new FakeError("SHIFT_ALREADY_OPEN", "till T1 already has a shift open");
    this.openedShifts.push(floatMinor);
    this.shift = {
      id: `shift-${this.openedShifts.length + 1}`,
      floatMinor,
      openedAt: new Date().toISOString(),
    };
    return this.shift;
  }

  async moveCash(move: Parameters<TillServices["moveCash"]>[0]): Promise<{ expectedCashMinor: number }> {
    this.requireOnline();
    if (this.shift === null) throw new FakeError("NO_OPEN_SHIFT", "till T1 has no open shift");
    this.cashMoves.push(move);
    return { expectedCashMinor: this.expectedCashMinor() };
  }

  async xReport(): Promise<unknown> {
    this.requireOnline();
    if (this.shift === null) throw new FakeError("NO_OPEN_SHIFT", "till T1 has no open shift");
    return {
      salesCount: this.sent.length,
      totalMinor: this.sent.reduce((s, x) => s + x.quote.totalMinor, 0),
      cash: { expectedMinor: this.expectedCashMinor() },
    };
  }

  async closeShift(counted: Record<string, number>): Promise<unknown> {
    this.requireOnline();
    if (this.shift === null) throw new FakeError("NO_OPEN_SHIFT", "till T1 has no open shift");
    this.closedShifts.push(counted);
    this.shift = null;
    return { zNumber: this.closedShifts.length, countedCashMinor: counted.cash ?? 0 };
  }

  status(): LinkStatus {
    return {
      online: this.online,
      pending: this.outbox.length,
      rejected: this.refused.length,
      lastSyncAt: null,
      lastError: this.online ? null : "connection refused",
    };
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private notify(): void {
    for (const listener of this.listeners) listener();
  }
}
