/**
 * Audit actions written by the store server. Dotted lower-case names, the same shape the
 * journal's `audit.recorded` event requires, so an audit row can always be journaled.
 */
import { TILL_TRACE_ACTIONS } from "../../core/till-trace.ts";

export const AUDIT_ACTIONS = {
  login: "user.login",
  logout: "user.logout",
  pinFailed: "pin.failed",
  pinLocked: "pin.locked",
  pinUnlocked: "pin.unlocked",
  /** A PIN chosen for a user was refused (another user has it); counted against who chose it. */
  pinRefused: "pin.refused",
  /** The store-wide limit of wrong PINs from tills without a token tripped. */
  pinAttackSuspected: "pin.attack_suspected",
  approvalGranted: "approval.granted",
  approvalUsed: "approval.used",
  userCreated: "user.created",
  userUpdated: "user.updated",
  shiftOpened: "shift.opened",
  shiftClosed: "shift.closed",
  cashIn: "cash.in",
  cashOut: "cash.out",
  drawerOpened: "drawer.opened",
  noSale: "drawer.no_sale",
  // Written by the sales and returns features:
  lineVoided: "line.voided",
  priceOverridden: "price.overridden",
  discountGiven: "discount.given",
  saleVoided: "sale.voided",
  tenderRefunded: "tender.refunded",
  expiredSold: "expired.sold",
  // Written by replication: a change from head office the store could not apply.
  catalogChangeSkipped: "catalog.change_skipped",
  // Reported by tills (price checks, offline log-ins and PINs, and reprints come through
  // POST /audit/till-entries: TILL_TRACE_ACTIONS in core/till-trace.ts lists them):
  saleRefused: "sale.refused",
  saleCancelled: "sale.cancelled",
  priceChecked: "price.checked",
  offlineLogin: "user.login_offline",
  offlinePinFailed: "pin.failed_offline",
  ageChecked: "age.checked",
  promoCodeEntered: "promo_code.entered",
  customerCreatedAtTill: "customer.created",
  invoiceRequested: "invoice.requested",
  orderPlacedAtTill: "order.placed",
  trainingSale: "training.sale",
  // Written by the stock and receipts features:
  stockAdjusted: "stock.adjusted",
  stockCounted: "stock.counted",
  stockDocumentPosted: "stock.document_posted",
  stockLimitsChanged: "stock.limits_changed",
  receiptReprinted: "receipt.reprinted",
  // Written by the purchasing feature:
  vendorChanged: "vendor.changed",
  vendorItemsChanged: "vendor.items_changed",
  purchaseOrderChanged: "purchase.order_changed",
  goodsReceived: "purchase.goods_received",
  vendorCreditChanged: "vendor.credit_changed",
  /** A receipt was e-mailed (queued for the webhook); the address is never recorded. */
  receiptEmailRequested: "receipt.email_requested",
  /** A notification was given up after its last attempt (and its content deleted). */
  notificationGivenUp: "notification.given_up",
  // Written by the orders and webhooks features:
  orderChanged: "order.changed",
  webhookAdded: "webhook.added",
  webhookDeleted: "webhook.deleted",
  webhookResumed: "webhook.resumed",
  /** A web shop's webhook kept failing: it is parked with the reason. */
  webhookParked: "webhook.parked",
  // Written by the invoices feature:
  invoiceIssued: "invoice.issued",
  creditNoteIssued: "credit_note.issued",
  // Written by the kitchen feature:
  kitchenRoundSent: "kitchen.round_sent",
  kitchenRoundFired: "kitchen.round_fired",
  kitchenTicketStarted: "kitchen.ticket_started",
  kitchenTicketBumped: "kitchen.ticket_bumped",
  kitchenTicketRecalled: "kitchen.ticket_recalled",
  // Written by the cash book and deliveries features:
  cashExpense: "cash.expense",
  cashCorrection: "cash.correction",
  cashHandIn: "cash.hand_in",
  deliveryCreated: "delivery.created",
  deliveryCourierAssigned: "delivery.courier_assigned",
  deliveryStatus: "delivery.status",
} as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[keyof typeof AUDIT_ACTIONS];

export { AUDIT_ACTION_PATTERN } from "../../api/store/audit.ts";

/** The audit actions a till may report itself (the compiler checks each is one of the above). */
export const TILL_ENTRY_ACTIONS: readonly AuditAction[] = TILL_TRACE_ACTIONS;
