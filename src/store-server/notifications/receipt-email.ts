/**
 * E-mail receipts: a till asks for a recorded sale's receipt to be e-mailed; the store queues a
 * signed `receipt.email` notification for the webhook (a mailer behind it sends it). The audit
 * log and the journal say that a receipt was e-mailed, never to whom.
 */
import { uuidv7 } from "../../core/ids.ts";
import type { ReceiptEmailAnswer, ReceiptEmailPayload } from "../../core/receipt-email.ts";
import { renderReceiptText } from "../../core/receipt-layout.ts";
import { receiptLinkToken, receiptLinkUrl } from "../../shared/receipt-link.ts";
import { AUDIT_ACTIONS } from "../audit/actions.ts";
import { recordAudit } from "../audit/service.ts";
import type { Principal } from "../auth/tokens.ts";
import type { StoreContext } from "../context.ts";
import { ReceiptService } from "../receipts/service.ts";
import { SalesService } from "../sales/service.ts";
import { NotificationError } from "./errors.ts";
import { enqueueNotification } from "./outbox.ts";

/** Columns of the e-mailed receipt: as 80 mm paper prints it. */
const EMAIL_COLUMNS = 48;

export class ReceiptEmailService {
  private readonly sales: SalesService;
  private readonly receipts: ReceiptService;

  constructor(private readonly ctx: StoreContext) {
    this.sales = new SalesService(ctx);
    this.receipts = new ReceiptService(ctx);
  }

  request(idOrReceiptNo: string, email: string, principal: Principal): ReceiptEmailAnswer {
    if (this.ctx.notifications === undefined) {
      throw new NotificationError(
        "EMAIL_RECEIPTS_OFF",
        "this store sends no e-mail receipts: set [notifications] webhookUrl and secret in its config",
      );
    }
    const sale = this.sales.get(idOrReceiptNo) ?? this.sales.byReceiptNo(idOrReceiptNo);
    if (!sale) {
      throw new NotificationError(
        "SALE_NOT_FOUND",
        `the store has no sale ${idOrReceiptNo} yet: a till's sale reaches it when the till is online`,
        { id: idOrReceiptNo },
      );
    }
    const token = receiptLinkToken(this.ctx.receiptLinkKey, sale.id);
    const publicUrl = this.ctx.settings.publicUrl;
    const deliveryId = uuidv7();
    const payload: ReceiptEmailPayload = {
      event: "receipt.email",
      deliveryId,
      to: email,
      receiptNo: sale.receiptNo,
      url: publicUrl !== undefined && token !== null ? receiptLinkUrl(publicUrl, token) : null,
      text: renderReceiptText(this.receipts.doc(sale), EMAIL_COLUMNS),
    };
    const at = this.ctx.now();
    this.ctx.db.transaction((tx) => {
      enqueueNotification(tx, { deliveryId, event: payload.event, body: JSON.stringify(payload), at });
      recordAudit(
        this.ctx,
        tx,
        {
          action: AUDIT_ACTIONS.receiptEmailRequested,
          at,
          userId: principal.userId,
          tillId: principal.tillId,
          refId: sale.id,
          // Never the address: it lives in the outbox only until delivered.
          detail: { receiptNo: sale.receiptNo, deliveryId },
        },
        true,
      );
    });
    this.ctx.wakeNotifications?.();
    return { deliveryId, receiptNo: sale.receiptNo };
  }
}
