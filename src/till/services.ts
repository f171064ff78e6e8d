/**
 * The contract between the till's screens (pure state + Ink UI) and its data layer (local
 * SQLite cache, outbox and sync with the store server). The UI never touches the network or
 * the database; the data layer never renders. Lookups are local and synchronous: scanning
 * never waits on the network.
 */

import type { TillCardTender } from "../api/store/card-tenders.ts";
import type { Invoice, InvoiceBuyer } from "../api/store/invoices.ts";
import type { CustomTender } from "../core/custom-tenders.ts";
import type { RegistrarRecord } from "../core/fiscal-registrar.ts";
import type { FiscalSignature } from "../core/fiscal-signature.ts";
import type { Message } from "../core/messages/index.ts";
import type { Department } from "../core/open-department.ts";
import type { Permission } from "../core/permissions.ts";
import type { Quote } from "../core/pricing.ts";
import type { AppliedPromotion, Promotion, PromotionBook } from "../core/promotions/index.ts";
import type { ReceiptDoc } from "../core/receipt.ts";
import type { ShiftReportDoc } from "../core/receipt-shift-report.ts";
import type { StoreSettings } from "../core/settings.ts";
import type { TillTraceAction, TillTraceDetail } from "../core/till-trace.ts";
import type { TillBookings } from "./booking-types.ts";
import type { RestaurantAnswer, RestaurantCall } from "./restaurant/types.ts";

export type { TillTraceAction, TillTraceDetail } from "../core/till-trace.ts";

export interface TillIdentity {
  storeId: string;
  tillId: string;
}

/** A catalog item as the till caches it. */
export interface TillProduct {
  code: string;
  name: string;
  priceMinor: number;
  taxClass: string | null;
  department: string | null;
  soldByWeight: boolean;
  openPrice: boolean;
  unit: string;
  /** The customer's age the item needs (its own, else its department's); absent or 0: none. */
  minAge?: number | null;
  /** The deposit product rung with this one (bottle deposit), by code. */
  depositCode?: string;
  /** The deposit product itself, as the catalog has it (resolved when looked up). */
  deposit?: TillProduct;
  /** May be paid with EBT (a tender restricted to SNAP-eligible items). */
  snapEligible?: boolean;
  /** Each unit sold needs its serial number (asked at the till). */
  serialised?: boolean;
  /** Its category: promotions on the category (or one above it) meet it. */
  category?: string;
  /** What the scanned GS1 label said of this very unit (lot, expiry, serial): not a catalog field. */
  label?: LineLabel;
}

/** A unit's lot, expiry (`YYYY-MM-DD`) and serial, from its GS1 label or asked of the cashier. */
export interface LineLabel {
  lot?: string;
  expiry?: string;
  serial?: string;
  /** A supervisor approved selling this expired lot (the approval is in the sale's audit). */
  expiredApproved?: boolean;
}

/** What a scanned or typed code resolved to (embedded barcodes carry a price, a weight or a count). */
export interface TillLookup {
  product: TillProduct;
  /** From a weight label (grams of a kg) or a count label (pieces × 1000); `qtyKind` says which. */
  qtyMilli?: number;
  qtyKind?: "weight" | "count";
  priceMinor?: number;
}

export interface Cashier {
  id: string;
  name: string;
  /** A built-in role or a custom one from head office. */
  role: string;
  /** What the role may do, as the store said at log-in (absent: the built-in role's rights). */
  permissions?: Permission[] | undefined;
  maxDiscountPercent?: number | undefined;
}

export type ApprovalAction =
  | "refund"
  | "voidAfterTotal"
  | "priceOverride"
  | "noSale"
  | "discount"
  | "returnWithoutReceipt"
  /** Opening the refused sales (export, send again): always a supervisor's. */
  | "refusedSales"
  /** Selling a lot past its expiry date (from its GS1 label): always a supervisor's. */
  | "expiredLot";

/**
 * Proof of a supervisor's approval for the store: the id of the grant the store issued
 * (online), or an approval this till signed with its registered key (offline).
 */
export type ApprovalProof = { grantId: string } | { signed: string };

/** A supervisor who approved an action, with the proof the store will check. */
export type Approver = Cashier & { proof?: ApprovalProof };

/** One line of a sale as the till rang it (before pricing). */
export interface TillLine {
  code: string;
  qtyMilli: number;
  /** Set for open-price items, price overrides and price-embedded labels. */
  unitPriceMinor?: number;
  /** Where a given unit price came from (absent: the catalog's price). */
  priceSource?: "open" | "override";
  discount?: { percent: string } | { amountMinor: number };
  /** A deposit linked to an item, or returned empties (negative qtyMilli). */
  kind?: "deposit" | "depositReturn" | "giftCard";
  /** A gift card line's card. */
  card?: string;
  snapEligible?: boolean;
  /** The unit's lot, expiry (`YYYY-MM-DD`) and serial number, when rung from its label or asked. */
  lot?: string;
  expiry?: string;
  serial?: string;
  /** A service line's staff member (a booking checked in): their commission is earned on it. */
  staffId?: string;
  /** A visit paid by the customer's package: the line is free. */
  packageId?: string;
}

export interface TillAuditEntry {
  /** `tender.refunded`: a card tender taken back during payment (refunded on the terminal). */
  action:
    | "line.voided"
    | "price.overridden"
    | "discount.given"
    | "sale.voided"
    | "tender.refunded"
    /** A lot past its expiry date sold, with a supervisor's approval. */
    | "expired.sold";
  at: string;
  userId: string | null;
  approvedBy: string | null;
  /** How the approval is proven to the store (with approvedBy). */
  approval?: ApprovalProof;
  detail?: Record<string, string | number | boolean | null>;
}

/** A sale the cashier completed at this till: the body of the store's POST /sales. */
export interface CompletedSale {
  id: string;
  tillId: string;
  cashierId: string;
  at: string;
  receiptNo: string;
  lines: TillLine[];
  discount?: { percent: string } | { amountMinor: number };
  /** `ref`: the card terminal's authorisation code of a card tender; `card`: a points or gift-card tender's. */
  tenders: {
    type: string;
    amountMinor: number;
    ref?: string | undefined;
    card?: string | undefined;
    points?: number | undefined;
  }[];
  /** The customer's card the sale was rung with. */
  card?: string;
  /** Promo codes presented with the sale (their limited uses are counted when the store records it). */
  couponCodes?: string[];
  audit: TillAuditEntry[];
  /** The till's own pricing of the sale: the document the store records as rung. */
  quote: TillQuote;
  changeMinor: number;
  cashRoundingMinor: number;
  /** Texts of the messages fired in the sale, printed on its receipt. */
  receiptTexts?: string[];
  /** The sale's prize-draw code, printed on its receipt and recorded at the store. */
  prizeCode?: string;
  /** The names of the shop's own tenders it was paid with, by id (printed on the receipt). */
  tenderNames?: Record<string, string>;
  /** One of its tenders opens the cash drawer (a paper voucher goes in). */
  opensDrawer?: true;
  /** The signature device's signature of the sale, or why it has none. */
  fiscal?: FiscalSignature;
  /** The fiscal printer's number of the receipt in its memory, or why it printed none. */
  registrar?: RegistrarRecord;
}

/** A sale cancelled before payment: what was on it, and what the cashier did to it. */
export interface CancelledSale {
  id: string;
  cashierId: string;
  at: string;
  lines: { code: string; name: string; qtyMilli: number; unitPriceMinor: number; totalMinor: number }[];
  totalMinor: number;
  audit: TillAuditEntry[];
}

/** Link to the store, shown on the status bar. */
export interface LinkStatus {
  online: boolean;
  /** Completed sales waiting in the outbox to reach the store. */
  pending: number;
  /** Sales the store refused (kept for a manager to look at); never resent blindly. */
  rejected: number;
  lastSyncAt: string | null;
  lastError: string | null;
  /** The store answers that its disk is full (507 STORAGE_FULL): sales wait in the outbox. */
  storeFull?: boolean;
}

/** A shift open at the till. */
export interface OpenShift {
  id: string;
  floatMinor: number;
  openedAt: string;
}

/** A held sale as the store keeps it: everything the sale had, to carry on where it was left. */
export interface HeldSaleDoc {
  lines: TillLine[];
  /** The discount on the whole sale. */
  discount?: { percent: string } | { amountMinor: number };
  /** What the cashier did to the sale before holding it (voids, overrides, discounts), with approvers. */
  audit: TillAuditEntry[];
  /** The cashier who started the sale (null when the store does not say). */
  cashierId: string | null;
}

export interface HeldSaleSummary {
  id: string;
  label: string | null;
  heldAt: string;
  tillId: string;
  lines: number;
  /** Who held it (null when the store does not know). */
  cashierName: string | null;
  /** The held lines as the store keeps them. */
  basket: TillLine[];
  /** Priced by the till from its catalog; null until priced, or when a code is unknown here. */
  totalMinor: number | null;
  /** Names of the first items, for the list. */
  items: string[];
}

/** A customer order's line as the pick-up screen shows and changes it. */
export interface TillOrderLine {
  code: string;
  name?: string;
  qtyMilli: number;
  /** The price it was sold at (kept when the line changes); left out for a new line: the catalog's. */
  unitPriceMinor?: number;
  totalMinor?: number;
}

/** A delivery on the dispatch list, as the store has it. */
export interface TillDelivery {
  id: string;
  status: "accepted" | "preparing" | "on_the_way" | "delivered" | "failed";
  address: string;
  phone: string;
  courierId: string | null;
  /** Cash the courier collects at the door. */
  collectMinor: number;
  promisedAt: string | null;
}

/** A customer order to collect at this store, as the store has it. */
export interface TillOrder {
  id: string;
  number: number;
  status: string;
  customer: string | null;
  /** The pick-up slot as `HH:MM-HH:MM`; null for a delivery. */
  slot: string | null;
  lines: TillOrderLine[];
  totalMinor: number;
  prepaid: { type: string; amountMinor: number }[];
  prepaidMinor: number;
  /** Total − prepaid: negative when the customer paid more than the order now comes to. */
  balanceDueMinor: number;
}

/** An order the till placed at the store. */
export interface TillOrderPlaced {
  id: string;
  number: number;
  totalMinor: number;
  balanceDueMinor: number;
  prepaidMinor: number;
}

/** What the till asks the store to place: a basket as an order for later pick-up. */
export interface TillOrderRequest {
  pickupStore: string;
  lines: readonly { code: string; qtyMilli: number; unitPriceMinor?: number }[];
  customerId?: string;
  slot: { date: string; from: string; to: string };
  /** Paid now by card (0: nothing, paid at collection). */
  prepaid: readonly { type: "card"; amountMinor: number; ref?: string }[];
}

/** The sale recorded when an order is collected. */
export interface TillOrderCollected {
  saleId: string;
  receiptNo: string;
  totalMinor: number;
  /** Given back to the prepaid tender. */
  refundedMinor: number;
  changeMinor: number;
}

export interface RecordedSaleLine {
  lineNo: number;
  code: string;
  name: string;
  qtyMilli: number;
  unitPriceMinor: number;
  totalMinor: number;
  /** Tax of the line as recorded (added on top of totalMinor when prices exclude tax); a refund repays its share. */
  taxMinor?: number;
  /** How much of the line was already returned; what is left may still be returned. */
  returnedMilli?: number;
}

export interface RecordedSale {
  id: string;
  receiptNo: string;
  /** The store that sold it (another store's receipt is looked up at head office). */
  storeId?: string;
  at: string;
  totalMinor: number;
  lines: RecordedSaleLine[];
  /** What each tender of the sale can still refund (card first, then cash). */
  refundable?: { type: string; amountMinor: number }[];
}

/** A document the till prints: a receipt or a shift report. */
export type PrintableDoc = ReceiptDoc | ShiftReportDoc;

/** An entry of the till's print journal. */
export interface PrintSummary {
  id: number;
  kind: "receipt" | "report";
  receiptNo: string | null;
  /** The receipt number, or "Z 17" / "X 3" for a report. */
  title: string;
  at: string;
}

/** A completed sale the store refused, kept in the outbox for a supervisor. */
export interface RefusedSale {
  saleId: string;
  receiptNo: string;
  /** The sale's total as rung (null when the kept document has none). */
  totalMinor: number | null;
  /** The store's reason ("CODE: message"). */
  reason: string | null;
  /** When the sale was completed and kept. */
  at: string;
}

/** Where an exported refused sale was written, and whether the till still has its receipt. */
export interface RefusedExport {
  path: string;
  receiptNo: string;
}

/** A cashier action that leaves no sale behind, for the store's audit log. */
export interface TillTrace {
  action: TillTraceAction;
  detail?: TillTraceDetail;
}

/** A promo code the sale may use: the names of its promotions, and who said so. */
export interface PromoCodeCheck {
  code: string;
  names: string[];
  /** `till`: the store could not be reached, the till's synced promotions allowed it (multi-use). */
  checkedBy: "store" | "till";
}

/** A sale as the till priced it, with the promotions it got (none without promotions in force). */
export type TillQuote = Quote & { promotions?: AppliedPromotion[] | undefined };

/** The promotions a till prices with, and each category's chain up the tree. */
export interface TillPromotions {
  book: PromotionBook;
  categoriesOf(category: string | undefined): string[];
  /** The promotions the book was compiled from (a customer's group discount is added to them). */
  list?: readonly Promotion[];
  /** Messages to the cashier and for the receipt, synced with the promotions. */
  messages?: readonly Message[];
}

/** A customer's card as the store answered it when scanned: who, their groups, the balances. */
export interface TillCustomer {
  card: string;
  kind: "loyalty" | "gift";
  /** Null for a card with no customer (an anonymous or gift card). */
  name: string | null;
  groups: { id: string; name: string; discountPercent: number | null }[];
  points: number;
  balanceMinor: number;
  /** The customer's birthday (YYYY-MM-DD), when the store has one: birthday messages fire on it. */
  birthday?: string | null;
}

/** A customer a search at the store found, with the card that puts them on a sale (null: none). */
export interface TillCustomerMatch {
  id: string;
  name: string;
  phone: string | null;
  email: string | null;
  card: string | null;
}

/** A card tender the store authorised: what it pays, and the points it takes. */
export interface CardTender {
  type: TillCardTender;
  card: string;
  amountMinor: number;
  points: number | null;
}

/** Everything the till's screens may ask of the outside world. */
/** Other sites' stock of a product; `reachable` false: head office did not answer the store. */
export interface StockAtSites {
  reachable: boolean;
  sites: { storeId: string; onHandMilli: number }[];
}

export interface TillServices {
  identity(): TillIdentity;
  /** Store settings as last synced (currency, taxes, rounding, approvals, locale…). */
  settings(): StoreSettings;
  /** Local, synchronous; throws a DomainError (UNKNOWN_CODE, BAD_CHECK_DIGIT…) with a message for the status line. */
  lookup(code: string): TillLookup;
  /**
   * A code `lookup` does not know: asks the store (only when it is reachable, within a short
   * deadline) and keeps its answer in the till's catalog. Null when the store was not asked,
   * did not answer in time, or does not know the code either.
   */
  lookupAtStore(code: string): Promise<TillLookup | null>;
  /** A customer's card at the store (needs the store): CARD_NOT_FOUND when it has none. */
  findCard?(number: string): Promise<TillCustomer>;
  /**
   * Whether the sale may use a promo code (the store asks head office for the chain's limited
   * codes; cut off, the till decides with its synced promotions): refused with a PromoCodeError.
   */
  checkPromoCode?(input: {
    code: string;
    saleId: string;
    card?: string | undefined;
  }): Promise<PromoCodeCheck>;
  /** Issues a loyalty card with this number (the store asks head office), or blocks a lost one. */
  issueCard?(number: string): Promise<TillCustomer>;
  blockCard?(number: string): Promise<TillCustomer>;
  /** Customers whose name has `q` in it, or whose phone, e-mail or card is `q` (needs the store). */
  searchCustomers?(q: string): Promise<TillCustomerMatch[]>;
  /**
   * Creates a customer with a loyalty card (the store keeps them and tells head office). With the
   * store out of reach the till keeps them and sends them when it is back (`kept: true`).
   */
  createCustomer?(input: { id: string; name: string; card: string }): Promise<{
    customer: TillCustomer;
    kept: boolean;
  }>;
  /** Authorises a points or gift-card tender of the sale at the store, before it completes. */
  redeemCard?(input: {
    saleId: string;
    index: number;
    type: TillCardTender;
    card: string;
    amountMinor: number;
  }): Promise<CardTender>;
  /** Stock on hand at this store of a product, by its code (needs the store). */
  stockHere(code: string): Promise<{ onHandMilli: number }>;
  /** Stock at the chain's other sites, as the store has it from head office (needs the store). */
  stockAtSites(code: string): Promise<StockAtSites>;
  search(text: string, limit: number): TillProduct[];
  /** The store's departments as last synced (local, synchronous): for open rings. */
  departments(): Department[];
  /** The store's promotions as last synced (local, synchronous): the till prices with them. */
  promotions?(): TillPromotions;
  /** The shop's own tenders as last synced (local, synchronous), ended ones too. */
  customTenders?(): readonly CustomTender[];

  /** PIN log-in: at the store when online, else against PINs this till has seen succeed. */
  login(pin: string): Promise<Cashier>;
  logout(): Promise<void>;
  /** A supervisor's PIN for an action; online at the store, offline against cached supervisors. */
  approve(pin: string, action: ApprovalAction): Promise<Approver>;
  /** A staff member's discount by their PIN (online only: the store checks it). */
  staffDiscount(pin: string): Promise<{ userId: string; name: string; percent: string }>;

  /** Next receipt number of this till (STORE-TILL-SEQ), kept locally so offline receipts are numbered too. */
  nextReceiptNo(): string;
  /**
   * Writes the completed sale durably to the local outbox (it survives a kill), then returns;
   * sending to the store happens in the background, in order, exactly once per sale id.
   */
  completeSale(sale: CompletedSale): Promise<void>;
  /** Keeps a sale cancelled before payment in the outbox, so the store records its trace. */
  cancelSale(sale: CancelledSale): Promise<void>;

  /** Online-only operations: they reject with a clear message when the store is unreachable. */
  holdSale(
    sale: { id: string; label: string | null; cashierId: string } & Omit<HeldSaleDoc, "cashierId">,
  ): Promise<void>;
  listHeld(): Promise<HeldSaleSummary[]>;
  resumeHeld(id: string): Promise<HeldSaleDoc>;
  findSale(receiptNoOrId: string): Promise<RecordedSale>;
  recordReturn(ret: {
    id: string;
    originalSaleId: string | null;
    lines: { code: string; qtyMilli: number }[];
    /** How the refund is paid back; without them the store pays back the way the sale was paid. */
    tenders?: { type: string; amountMinor: number }[];
    approvalPin?: string;
  }): Promise<{ receiptNo: string; totalMinor: number }>;
  openDrawer(reason: "sale" | "noSale" | "cashIn" | "cashOut", approvalPin?: string): Promise<void>;
  /** The till's open shift at the store; null when none is open. */
  currentShift(): Promise<OpenShift | null>;
  /** Opens a shift at the till with the float counted; SHIFT_ALREADY_OPEN when one is open. */
  openShift(floatMinor: number): Promise<OpenShift>;
  /** Cash put into or taken out of the drawer of the open shift, with a reason. */
  moveCash(move: { direction: "in" | "out"; amountMinor: number; reason: string }): Promise<{
    expectedCashMinor: number;
  }>;
  xReport(): Promise<unknown>;
  closeShift(counted: Record<string, number>): Promise<unknown>;
  /**
   * Asks the store to e-mail a recorded sale's receipt. A sale still in the outbox is refused
   * (RECEIPT_NOT_AT_STORE: try again once sent); nothing is queued at the till, which keeps no
   * address.
   */
  emailReceipt(saleId: string, email: string): Promise<{ receiptNo: string }>;
  /** A pick-up day's orders still to collect (needs the store). */
  ordersToCollect?(date: string): Promise<TillOrder[]>;
  /** One order, by its id or number (needs the store). */
  order?(id: string): Promise<TillOrder>;
  /** Sets an order's lines (all of them) at the store; answers the order as it now is. */
  changeOrder?(id: string, lines: readonly TillOrderLine[]): Promise<TillOrder>;
  /** Collects an order: the store records its sale, paid by the prepaid tenders and these. */
  collectOrder?(
    id: string,
    tenders: readonly { type: string; amountMinor: number; ref?: string }[],
  ): Promise<TillOrderCollected>;
  /** Places an order at this store with a new id (needs the store). */
  placeOrder?(id: string, request: TillOrderRequest): Promise<TillOrderPlaced>;
  /** The restaurant mode's calls: the floor, orders at tables, rounds, checks (needs the store). */
  restaurant?(call: RestaurantCall): Promise<RestaurantAnswer>;
  /** Cancels an open order (a card prepayment the terminal then declined). */
  cancelOrder?(id: string): Promise<void>;
  /** Pays an expense from the drawer of the till's open shift (the cash book; needs the store). */
  recordExpense?(expense: {
    id: string;
    amountMinor: number;
    category: string;
    note: string | null;
  }): Promise<{
    expectedCashMinor: number;
  }>;
  /** The dispatch list: deliveries still open, oldest promise first (needs the store). */
  deliveries?(): Promise<TillDelivery[]>;
  /** Moves a delivery forward (the store refuses a status going back). */
  setDeliveryStatus?(id: string, status: TillDelivery["status"]): Promise<TillDelivery>;
  /** Gives a delivery to a courier (a user whose role holds deliver). */
  assignCourier?(id: string, courierId: string): Promise<TillDelivery>;
  /** A delivery for a sale (the till's last one), at its address and phone. */
  createDelivery?(delivery: {
    id: string;
    saleId: string;
    address: string;
    phone: string;
  }): Promise<TillDelivery>;
  /** Bookings of services: the staff calendar, free slots, check-in (needs the store). */
  bookings?: TillBookings;
  /** The invoice of a recorded sale, made out to the buyer (needs the store). */
  issueInvoice?(saleId: string, buyer: InvoiceBuyer): Promise<Invoice>;
  /** The link to a sale's copy at the store, printed as a QR code; null without publicUrl or key. */
  receiptLink(saleId: string): string | null;

  /** Writes a document to the print journal (on disk) before it is printed. */
  journalPrint(doc: PrintableDoc, cashierId: string | null): PrintSummary;
  /** Documents printed at this till, newest first. */
  recentPrints(limit: number): PrintSummary[];
  /**
   * Journals a reprint (who and when) and answers the document marked as a copy; throws
   * NOTHING_TO_REPRINT when the journal does not have it.
   */
  reprint(key: { id: number } | { receiptNo: string }, cashierId: string | null): PrintableDoc;

  /** Sales the store refused, oldest first, with its reason. */
  refusedSales(): RefusedSale[];
  /**
   * Writes a refused sale's document (the JSON body kept for the store) to a file in the till's
   * data folder named by its receipt number; throws NOT_REFUSED when it is not a refused sale.
   */
  exportRefused(saleId: string): RefusedExport;
  /** Sets a refused sale back to pending: it is sent again, in order (after a fix at the store). */
  resendRefused(saleId: string): void;
  /**
   * Keeps a cashier action (a price check…) durably in the outbox for the store's audit log,
   * with when and under which log-in it was made; sent in the background like sales.
   */
  trace(entry: TillTrace): void;

  status(): LinkStatus;
  /** Called whenever status() or the synced catalog changes. */
  subscribe(listener: () => void): () => void;
}
