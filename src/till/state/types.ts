/**
 * The till's state: which screen is up, the sale in progress, the prompt waiting for input
 * and the message on the status line. Screens are states of one machine; commands move it.
 */
import type { TillCardTender } from "../../api/store/card-tenders.ts";
import type { CustomTender } from "../../core/custom-tenders.ts";
import type { Discount } from "../../core/discount.ts";
import type { Department } from "../../core/open-department.ts";
import type { TenderAmount } from "../../core/refund-split.ts";
import type { StoreSettings } from "../../core/settings.ts";
import type { TenderInput } from "../../core/tenders.ts";
import type { TillBooking, TillBookingRequest, TillServiceCard, TillSlot } from "../booking-types.ts";
import type { MessageKey } from "../i18n/en.ts";
import type { KeyCommand } from "../keys/keymap.ts";
import type { FloorTable, RestaurantAnswer, RestaurantCall, TableOrder } from "../restaurant/types.ts";
import type {
  ApprovalAction,
  ApprovalProof,
  Approver,
  CancelledSale,
  CardTender,
  Cashier,
  CompletedSale,
  HeldSaleSummary,
  LineLabel,
  PrintSummary,
  RecordedSale,
  RefusedSale,
  TillAuditEntry,
  TillCustomer,
  TillCustomerMatch,
  TillDelivery,
  TillLookup,
  TillOrder,
  TillOrderCollected,
  TillOrderLine,
  TillOrderPlaced,
  TillProduct,
  TillPromotions,
  TillQuote,
  TillTrace,
} from "../services.ts";

export interface SaleLine {
  /** Local number of the line within the sale, from 1. */
  id: number;
  code: string;
  name: string;
  unit: string;
  qtyMilli: number;
  unitPriceMinor: number;
  /** The price is not the catalog's (open price, override, price label): it goes with the sale. */
  priceGiven: boolean;
  /** The price was overridden by hand (with a supervisor's approval where the store wants one). */
  overridden?: boolean;
  taxClass: string | null;
  soldByWeight: boolean;
  discount?: Discount;
  /** A deposit linked to the item line `linkedTo` (its id), or returned empties (negative qty). */
  kind?: "deposit" | "depositReturn" | "giftCard";
  linkedTo?: number;
  /** A gift card line's card (its price is the amount loaded). */
  card?: string;
  /** May be paid with EBT (SNAP-eligible). */
  snapEligible?: boolean;
  /** The product's department and category, as promotions name them. */
  department?: string | null;
  category?: string;
  /** The unit's lot and expiry (`YYYY-MM-DD`) from its GS1 label, and its serial number. */
  lot?: string;
  expiry?: string;
  serial?: string;
  /** A service line's staff member (a booking checked in), and the package paying for the visit. */
  staffId?: string;
  packageId?: string;
}

/** Whose staff discount the sale's discount is. */
export interface StaffDiscount {
  userId: string;
  name: string;
  percent: string;
}

export interface Sale {
  id: string;
  /** The cashier who started the sale (rang its first line, or held it before it was resumed). */
  cashierId?: string;
  lines: SaleLine[];
  discount?: Discount;
  audit: TillAuditEntry[];
  /** The cashier went to payment once: voids from now on may need a supervisor. */
  totaled: boolean;
  tenders: TenderInput[];
  /** Given when the sale is first sent to completion, kept for a retry. */
  receiptNo: string | null;
  nextLineId: number;
  /** The highest age the customer was confirmed to be in this sale (age-restricted items). */
  ageConfirmed?: number;
  /** The sale's discount is this staff member's staff discount. */
  staff?: StaffDiscount;
  /** The customer's card scanned for the sale: their group discount, their points. */
  customer?: TillCustomer;
  /** Promo codes the store (or the till, cut off) accepted for the sale, upper case. */
  couponCodes?: string[];
  /** Messages fired in this sale (each once) and the receipt texts they left. */
  messages?: { fired: string[]; receipt: string[] };
}

export type Message = { key: MessageKey; params?: Record<string, string | number> } | { text: string };

export interface StatusMessage {
  tone: "error" | "info" | "ok";
  message: Message;
}

/** What a supervisor's approval unlocks, applied once the PIN is accepted. */
export type Approved =
  | { type: "line.override"; lineId: number; priceMinor: number }
  | { type: "line.discount"; lineId: number; discount: Discount }
  | { type: "sale.discount"; discount: Discount }
  | { type: "line.void"; lineId: number }
  | { type: "line.qty"; lineId: number; qtyMilli: number }
  | { type: "sale.void" }
  | { type: "drawer.noSale" }
  | { type: "return.record" }
  | { type: "refused.open" }
  /** F3 on a card tender: refunded (through the terminal when there is one) and journaled. */
  | { type: "tender.remove"; index: number }
  /** A unit of an expired lot (its label's AI 17 is before today): sold with a supervisor's approval. */
  | { type: "lot.expired"; product: TillProduct; qtyMilli: number; priceMinor: number | undefined };

/** What a yes/no question asks the cashier to confirm, carried out on yes. */
export type Confirmed =
  | { type: "sale.void" }
  /** A quantity far above the usual, for a line already rung. */
  | { type: "line.qty"; lineId: number; qtyMilli: number }
  /** A new line with a quantity or price far above the usual. */
  | { type: "line.add"; product: TillProduct; qtyMilli: number; priceMinor: number | undefined };

export type Prompt =
  | { kind: "price"; product: TillProduct; qtyMilli: number }
  | { kind: "weight"; product: TillProduct }
  /** A serialised product: its serial number, scanned (GS1 AI 21 or a serial barcode) or typed. */
  | { kind: "serial"; product: TillProduct; qtyMilli: number; priceMinor: number | undefined }
  | { kind: "override"; lineId: number }
  | { kind: "quantity"; lineId: number }
  | { kind: "lineDiscount"; lineId: number }
  | { kind: "saleDiscount" }
  | { kind: "customerMessage" }
  /** A code looked up for its price, without adding it to the sale. */
  | { kind: "priceCheck" }
  /** The customer's e-mail address for the last sale's receipt. */
  | { kind: "receiptEmail"; saleId: string; receiptNo: string }
  /** Cash put into or taken out of the drawer: the amount, then the reason. */
  /** Cash in, cash out, or an expense paid from the drawer (its reason: the category, then a note). */
  | { kind: "cashAmount"; direction: "in" | "out" | "expense" }
  | { kind: "cashReason"; direction: "in" | "out" | "expense"; amountMinor: number }
  | { kind: "approval"; action: ApprovalAction; approved: Approved }
  /** The card terminal has the amount: waiting for the customer's card and its answer (Esc cancels). */
  | { kind: "cardWait"; amountMinor: number }
  /** No terminal connected: the cashier keys the amount into the terminal and confirms it here. */
  | { kind: "cardConfirm"; amountMinor: number }
  /** Returned empties: scan or type the deposit's code or the product's (`N*code` for N). */
  | { kind: "depositReturn" }
  /** The staff member's PIN for their staff discount (masked). */
  | { kind: "staffPin" }
  /** Clients service: a card number to attach, `+number` to issue a card, `-number` to block one. */
  | { kind: "customerCard" }
  /** A promo code for the sale: typed, or scanned from a coupon. */
  | { kind: "promoCode" }
  /** The buyer of the last sale's invoice: name, then address, then tax id (optional). */
  | {
      kind: "invoiceBuyer";
      step: "name" | "address" | "taxId";
      saleId: string;
      receiptNo: string;
      name: string;
      address: string;
    }
  /** A gift card pays `amountMinor`: scan or type its number. */
  | { kind: "giftCard"; amountMinor: number }
  /** The shop's own tenders to pay `amountMinor` with, chosen by number (payment.custom). */
  | { kind: "customTender"; tenders: CustomTender[]; amountMinor: number }
  /** Store credit (1) or charge on account (2) of the customer's card pays `amountMinor`. */
  | { kind: "cardAccount"; card: string; balanceMinor: number; amountMinor: number }
  /** A yes/no question: yes (`y`, or the language's word) and Enter carries it out, Esc does not. */
  | { kind: "confirm"; question: Message; confirmed: Confirmed }
  /** A message for the cashier that needs Enter to go on. */
  | { kind: "notice"; message: Message }
  /** An open ring: the department (its number), then the amount. */
  | { kind: "department"; departments: Department[] }
  | { kind: "departmentAmount"; department: Department }
  /** Selling a gift card: its number (scanned or typed), then the amount to load on it. */
  | { kind: "giftCardSaleNumber" }
  | { kind: "giftCardSaleAmount"; card: string }
  /**
   * An age-restricted item: the cashier confirms the customer is `minAge` or older (Y), or types
   * the date of birth; anything else, or Esc, refuses it. The item is added once confirmed.
   */
  | {
      kind: "age";
      product: TillProduct;
      qtyMilli: number;
      priceMinor: number | undefined;
      /** The quantity or price far above the usual was already confirmed. */
      checked: boolean;
      minAge: number;
    };

export interface ReturnPick {
  lineNo: number;
  qtyMilli: number;
}

export type Screen =
  | { kind: "login" }
  | { kind: "sale" }
  /** `query`: the text the results are for ("" before a search). */
  | { kind: "search"; query: string; results: TillProduct[]; selected: number }
  | { kind: "payment" }
  | { kind: "receipt"; scroll: number }
  /** The last sale's link as a QR code, for the customer's phone (its copy at the store). */
  | { kind: "receiptQr" }
  | {
      kind: "returns";
      sale: RecordedSale | null;
      picks: ReturnPick[];
      selected: number;
      /** The refund goes back all in cash (a supervisor's choice) instead of the way it was paid. */
      inCash: boolean;
      done: { receiptNo: string; totalMinor: number; tenders: TenderAmount[] } | null;
    }
  | { kind: "held"; list: HeldSaleSummary[] | null; selected: number }
  | { kind: "xReport"; report: unknown; scroll: number }
  /** The opening float counted per note and coin (or as one total) before the shift opens. */
  | { kind: "shiftOpen"; count: CashCount; confirming: boolean }
  /**
   * The drawer counted at close; `expectedMinor` once the store said what it should hold (the
   * cashier confirms counted, expected and difference); `closed` the Z report, scrolled.
   */
  | {
      kind: "shiftClose";
      counts: number[];
      selected: number;
      /** A total typed on the last row instead of counting each note and coin. */
      totalMinor: number | null;
      expectedMinor: number | null;
      closed: unknown;
      scroll: number;
    }
  | { kind: "menu"; selected: number }
  /** The restaurant's floor: every table with its status (null until the store answered). */
  | { kind: "tables"; floor: FloorTable[] | null; selected: number }
  /** An order at a table: the seat and course new lines go to, the check being paid and its tenders. */
  | {
      kind: "tableOrder";
      order: TableOrder | null;
      seat: number;
      course: number;
      check: number;
      tenders: { type: string; amountMinor: number }[];
      /** The tip for the waiter paid with the check (typed as `tip AMOUNT`). */
      tipMinor: number;
    }
  /** A page of quick keys (the store's `[[quickKeys.pages]]`). */
  /** `quantity`: a quantity typed before the screen opened (`3*`), used by the next key. */
  | { kind: "quickKeys"; page: number; quantity?: string }
  /** The print journal: recent receipts and reports to print again. */
  | { kind: "prints"; list: PrintSummary[] | null; selected: number }
  /** Sales the store refused (a supervisor's): export or send again. */
  | { kind: "refused"; list: RefusedSale[] | null; selected: number }
  /** Customers the clients service found by name, phone or e-mail: Enter puts one on the sale. */
  | {
      kind: "customers";
      query: string;
      list: TillCustomerMatch[] | null;
      selected: number;
      /** The chosen customer's packages and service visits (Tab), shown instead of the list. */
      services?: TillServiceCard;
    }
  /**
   * Today's customer orders to collect (`selected` in the list filtered by what is typed); an
   * order opened (`line` selected), then collected (`done`).
   */
  | {
      kind: "orders";
      list: TillOrder[] | null;
      selected: number;
      order: TillOrder | null;
      line: number;
      done: TillOrderCollected | null;
    }
  /** The dispatch list: open deliveries, a courier given and each moved forward. */
  | { kind: "deliveries"; list: TillDelivery[] | null; selected: number }
  /**
   * Today's bookings by staff member (Enter checks the selected one in); with `slots`, a
   * service's free slots today (Enter books the selected one).
   */
  | {
      kind: "bookings";
      list: TillBooking[] | null;
      selected: number;
      slots: { serviceCode: string; list: TillSlot[]; selected: number } | null;
    };

export type ScreenKind = Screen["kind"];

/** Cash counted per note and coin; the row after the last denomination takes a total instead. */
export interface CashCount {
  counts: number[];
  selected: number;
  totalMinor: number | null;
}

export interface LastSale {
  saleId: string;
  receiptNo: string;
  /** The link to the receipt's copy at the store (printed as a QR code); null without publicUrl. */
  copyUrl: string | null;
  totalMinor: number;
  changeMinor: number;
  /** The receipt as text, as printed (or as it would be printed). */
  receiptText: string;
  /** True when a printer took it. */
  printed: boolean;
}

export interface TillState {
  screen: Screen;
  /** The one input line of the current screen or prompt. */
  input: string;
  prompt: Prompt | null;
  help: boolean;
  cashier: Cashier | null;
  sale: Sale;
  /** The sale priced with the shared pricing engine; null while empty. */
  quote: TillQuote | null;
  /** Id of the selected line; null selects the last one. */
  selectedLine: number | null;
  status: StatusMessage | null;
  /** A request is on its way (log-in, payment…): Enter waits instead of sending it twice. */
  busy: boolean;
  lastSale: LastSale | null;
}

/** What the reducer may not decide alone: ids, time and the store's settings. */
export interface TillEnv {
  settings: StoreSettings;
  newId(): string;
  now(): string;
  /** A scale is configured: weighed items read it instead of asking for the weight. */
  hasScale: boolean;
  /** A card terminal is connected: card payments and their refunds go through it. */
  hasCardTerminal: boolean;
  /** A second card terminal is connected (`--payment2`): Ctrl+Z in payment charges it. */
  hasSecondCardTerminal?: boolean;
  /** The promotions in force, as last synced from the store; absent: none. */
  promotions?: TillPromotions;
  /** The shop's own tenders, as last synced from the store (ended ones too); absent: none. */
  customTenders?: readonly CustomTender[];
}

/** The card terminal's answer to a charge, as the reducer needs it. */
export type CardAnswer =
  | { status: "approved"; authCode: string }
  | { status: "declined"; reason: string }
  | { status: "timeout"; detail: string }
  | { status: "cancelled"; detail: string }
  | { status: "error"; detail: string };

/** Results of effects, and text typed, fed back into the reducer. */
export type Command =
  | { type: KeyCommand }
  | { type: "input.text"; text: string }
  /** A scanner's burst (text and Enter within a few milliseconds), where it must not be typed. */
  | { type: "input.scanned"; text: string }
  | { type: "status.error"; message: Message }
  | { type: "status.info"; message: Message }
  | { type: "status.ok"; message: Message }
  | { type: "login.ok"; cashier: Cashier }
  | {
      type: "lookup.ok";
      lookup: TillLookup;
      qtyMilli: number | null;
      purpose?: "depositReturn";
      /** The scanned GS1 label's lot, expiry and serial, for the line. */
      label?: LineLabel;
    }
  /** The code is not in the till's catalog: the store is being asked for it (briefly). */
  | { type: "lookup.asking"; code: string }
  | { type: "staff.found"; staff: StaffDiscount }
  | { type: "weight.ok"; product: TillProduct; weightMilli: number }
  | { type: "search.ok"; text: string; results: TillProduct[] }
  | { type: "approval.ok"; approver: Approver; pin: string; approved: Approved }
  | { type: "sale.numbered"; receiptNo: string }
  | { type: "sale.completed"; last: LastSale }
  | { type: "sale.held"; handover?: boolean }
  | { type: "held.listed"; list: HeldSaleSummary[] }
  | {
      type: "held.resumed";
      lines: Omit<SaleLine, "id">[];
      discount?: Discount;
      audit?: TillAuditEntry[];
      cashierId?: string | null;
    }
  | { type: "sale.found"; sale: RecordedSale }
  | { type: "return.recorded"; receiptNo: string; totalMinor: number; tenders: TenderAmount[] }
  | { type: "drawer.opened" }
  | { type: "report.loaded"; report: unknown }
  | { type: "shift.closed"; report: unknown }
  /** The store is reachable again (the cashier is logged in). */
  | { type: "link.online" }
  /**
   * Whether the till has an open shift at the store: asked at log-in (without one the float is
   * counted at once) and when the store is reachable again (then the status line says so).
   */
  | { type: "shift.checked"; open: boolean; atLogIn: boolean }
  | { type: "shift.opened"; floatMinor: number }
  /** What the drawer should hold, before the cashier confirms the close. */
  | { type: "shift.expected"; expectedMinor: number }
  | { type: "cash.moved"; direction: "in" | "out"; amountMinor: number; expectedCashMinor: number }
  | { type: "prints.listed"; list: PrintSummary[] }
  | { type: "refused.listed"; list: RefusedSale[] }
  | { type: "refused.resent"; saleId: string; receiptNo: string }
  | { type: "card.answered"; amountMinor: number; answer: CardAnswer }
  | {
      type: "card.refunded";
      index: number;
      refundRef: string;
      approvedBy: string | null;
      proof?: ApprovalProof;
    }
  | { type: "request.failed"; message: Message }
  /** The store answered a scanned, issued or blocked card, or a new customer (`kept`: at the till). */
  | {
      type: "customer.attached";
      customer: TillCustomer;
      how: "found" | "issued" | "blocked" | "created" | "kept";
    }
  /** The store answered a customer search of the clients service. */
  | { type: "customers.found"; list: TillCustomerMatch[] }
  /** A promo code the sale may use, with the names of its promotions. */
  | { type: "promoCode.accepted"; code: string; names: string[] }
  /** The store authorised a points or gift-card tender: it goes on the sale. */
  | { type: "card.redeemed"; tender: CardTender }
  | { type: "orders.listed"; list: TillOrder[] }
  | { type: "deliveries.listed"; list: TillDelivery[] }
  | { type: "cash.expensed"; category: string; amountMinor: number; expectedCashMinor: number }
  /** A delivery changed at the store: given to a courier (`courierGiven`) or moved forward. */
  | { type: "delivery.updated"; delivery: TillDelivery; courierGiven: boolean }
  /** `said`: what to tell the waiter now that the store has done it. */
  | { type: "restaurant.answered"; answer: RestaurantAnswer; said?: Message }
  | { type: "order.opened"; order: TillOrder }
  | { type: "order.collected"; collected: TillOrderCollected; last: LastSale }
  /** The store placed the basket `basketId` as an order. */
  | { type: "order.placed"; basketId: string; placed: TillOrderPlaced }
  | { type: "receipt.emailed"; receiptNo: string }
  /** The store issued the last sale's invoice; `printed` when the till printed its copy. */
  | { type: "invoice.issued"; number: string; printed: boolean }
  /** The store's departments as the till last synced them, for an open ring. */
  | { type: "departments.listed"; departments: Department[] }
  /** The store answered today's bookings (and said `done` of what was just done to one). */
  | { type: "bookings.listed"; list: TillBooking[]; done?: Message }
  | { type: "bookings.slots"; serviceCode: string; list: TillSlot[] }
  /** The store checked a booking in: its service goes on the sale with its staff member. */
  | { type: "booking.checkedIn"; booking: TillBooking; product: TillProduct; packageId?: string }
  /** The store answered a customer's service card (the customers screen shows it). */
  | { type: "customer.services"; card: TillServiceCard };

export type CommandType = Command["type"];

/** Work for the outside world, carried out by the controller after the state changed. */
export type Effect =
  | { type: "login"; pin: string }
  | { type: "logout" }
  | { type: "lookup"; code: string; qtyMilli: number | null; purpose?: "depositReturn"; label?: LineLabel }
  | { type: "staffDiscount"; pin: string }
  | { type: "weigh"; product: TillProduct }
  | { type: "search"; text: string }
  | { type: "approve"; pin: string; action: ApprovalAction; approved: Approved }
  | { type: "completeSale"; sale: Omit<CompletedSale, "receiptNo" | "tillId">; receiptNo: string | null }
  | { type: "cancelSale"; sale: CancelledSale }
  | {
      type: "holdSale";
      id: string;
      lines: CompletedSale["lines"];
      discount?: Discount;
      audit: TillAuditEntry[];
      cashierId: string;
      /** Held because another cashier logged in at a locked till. */
      handover?: boolean;
    }
  | { type: "listHeld" }
  | { type: "resumeHeld"; id: string }
  | { type: "findSale"; query: string }
  | {
      type: "recordReturn";
      originalSaleId: string;
      lines: { code: string; qtyMilli: number }[];
      refundMinor: number;
      /** What each tender of the sale can still refund: the refund goes back the same way. */
      refundable: { type: string; amountMinor: number }[];
      /** All in cash, approved by a supervisor, instead of the way the sale was paid. */
      inCash: boolean;
      approvalPin?: string;
    }
  | { type: "openDrawer"; reason: "noSale"; approvalPin?: string }
  | { type: "xReport" }
  | { type: "closeShift"; counted: Record<string, number> }
  | { type: "checkShift"; atLogIn: boolean }
  | { type: "openShift"; floatMinor: number }
  | { type: "shiftExpected" }
  | { type: "moveCash"; direction: "in" | "out"; amountMinor: number; reason: string }
  /** Prints a journalled document again as a copy: by entry, by receipt number, or the last sale's. */
  | { type: "reprint"; key: { id: number } | { receiptNo: string } }
  | { type: "listPrints" }
  | { type: "priceCheck"; code: string }
  /** Asks the store to e-mail a recorded sale's receipt (the address is not kept at the till). */
  | { type: "emailReceipt"; saleId: string; receiptNo: string; email: string }
  /** Asks the store for a recorded sale's invoice, made out to the buyer; answered by `invoice.issued`. */
  | { type: "issueInvoice"; saleId: string; buyer: { name: string; address: string; taxId?: string } }
  | { type: "listRefused" }
  /** Writes a refused sale's document to a file, and prints its receipt again where there is a printer. */
  | { type: "exportRefused"; saleId: string; receiptNo: string }
  | { type: "resendRefused"; saleId: string; receiptNo: string }
  | { type: "display"; show: "item" | "total" | "welcome"; name?: string; amountMinor?: number }
  | { type: "displayMessage"; text: string }
  /** Asks the card terminal to charge the amount; answered by `card.answered`. */
  /** `terminal: 2`: the till's second card terminal (Ctrl+Z), else the first (F7). */
  | { type: "cardPay"; amountMinor: number; reference: string; terminal?: 2 }
  /** Stops the card payment waiting at the terminal. */
  | { type: "cardCancel" }
  /** Refunds an approved card tender through the terminal; answered by `card.refunded`. */
  | {
      type: "cardRefund";
      index: number;
      amountMinor: number;
      reference: string;
      authCode: string;
      approvedBy: string | null;
      proof?: ApprovalProof;
    }
  | { type: "quit" }
  /** Asks the store for a card (`find`), or to issue or block one through head office. */
  | { type: "customerCard"; action: "find" | "issue" | "block"; number: string }
  /** Asks the store whether the sale may use a promo code; answered by `promoCode.accepted`. */
  | { type: "checkPromoCode"; code: string; saleId: string; card?: string }
  /** Asks the store for customers by name (part), phone or e-mail; answered by `customers.found`. */
  | { type: "searchCustomers"; q: string }
  /** Creates a customer with a loyalty card (kept at the till when the store is out of reach). */
  | { type: "createCustomer"; id: string; name: string; card: string }
  /** Asks the store to authorise a card tender; answered by `card.redeemed`. */
  | {
      type: "redeemCard";
      saleId: string;
      index: number;
      tenderType: TillCardTender;
      card: string;
      amountMinor: number;
    }
  /** Reads the synced departments; answered by `departments.listed`. */
  | { type: "listDepartments" }
  /**
   * Places the basket as an order for pick-up today (prepaid by card for `prepaidCardMinor`,
   * 0: paid at collection); answered by `order.placed`.
   */
  | {
      type: "placeOrder";
      basketId: string;
      lines: { code: string; qtyMilli: number; unitPriceMinor?: number }[];
      customerId?: string;
      slot: { date: string; from: string; to: string };
      prepaidCardMinor: number;
    }
  /** A call of the restaurant mode to the store; answered by `restaurant.answered`. */
  | { type: "restaurant"; call: RestaurantCall; said?: Message }
  /** The store's orders of a pick-up day still to collect; answered by `orders.listed`. */
  | { type: "listOrders"; date: string }
  | { type: "openOrder"; id: string }
  /** Sets the order's lines at the store; answered by `order.opened` with the order as it is. */
  | { type: "changeOrder"; id: string; lines: TillOrderLine[] }
  /** Collects the order at the store and prints its receipt; answered by `order.collected`. */
  | { type: "collectOrder"; order: TillOrder; tenders: { type: string; amountMinor: number }[] }
  /** An expense paid from the drawer, in the cash book; answered by `cash.expensed`. */
  | { type: "recordExpense"; id: string; amountMinor: number; category: string; note: string | null }
  /** The dispatch list from the store; answered by `deliveries.listed`. */
  | { type: "listDeliveries" }
  /** Answered by `delivery.updated` with the delivery as it now is. */
  | { type: "setDeliveryStatus"; id: string; status: TillDelivery["status"] }
  | { type: "assignCourier"; id: string; courierId: string }
  /** A delivery for the last sale; answered by `delivery.updated` (accepted). */
  | { type: "createDelivery"; id: string; saleId: string; address: string; phone: string }
  /** Keeps a cashier action for the store's audit log (an age check…). */
  | { type: "trace"; entry: TillTrace }
  /** Today's bookings at the store; answered by `bookings.listed`. */
  | { type: "listBookings"; date: string }
  | { type: "freeSlots"; serviceCode: string; date: string }
  /** Books a slot, then lists the day again; answered by `bookings.listed`. */
  | { type: "makeBooking"; request: TillBookingRequest; date: string }
  /** Cancels a booking, then lists the day again. */
  | { type: "cancelBooking"; id: string; date: string }
  /** Checks a booking in on the sale `saleId`; answered by `booking.checkedIn`. */
  | { type: "checkInBooking"; booking: TillBooking; saleId: string }
  /** A customer's packages and service visits; answered by `customer.services`. */
  | { type: "serviceCard"; customerId: string };

export interface Transition {
  state: TillState;
  effects: Effect[];
}
