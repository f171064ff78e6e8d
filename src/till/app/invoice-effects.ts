/**
 * The last sale's invoice, asked of the store and printed on the till's receipt printer as the
 * store renders its receipt-printer copy. Journaled either way (`invoice.requested` with the
 * sale and the invoice's number, or the refusal's code), so every invoice a cashier asks for
 * leaves a trace at the till as well as the store's own `invoice.issued`.
 */
import { DomainError } from "../../core/errors.ts";
import { invoiceTextLines } from "../../core/invoice-text.ts";
import { InvoicesNeedStoreError } from "../data/invoice-operations.ts";
import type { Effect } from "../state/types.ts";
import { type EffectContext, fail } from "./effect-context.ts";

export function issueInvoice(ctx: EffectContext, effect: Extract<Effect, { type: "issueInvoice" }>): void {
  const { services, devices } = ctx;
  const trace = (result: string) =>
    services.trace({ action: "invoice.requested", detail: { saleId: effect.saleId, result } });
  const issue = services.issueInvoice?.bind(services);
  if (issue === undefined) {
    trace("INVOICES_NEED_STORE");
    fail(ctx, new InvoicesNeedStoreError("invoices need the store"));
    return;
  }
  issue(effect.saleId, effect.buyer).then(
    (doc) => {
      trace(doc.number);
      const printer = devices.printer;
      if (printer !== undefined) {
        const [title = "", ...lines] = invoiceTextLines(doc, printer.columns);
        printer.print({ type: "text-slip", title, locale: ctx.translator().locale, lines });
      }
      ctx.dispatch({ type: "invoice.issued", number: doc.number, printed: printer !== undefined });
    },
    (err: unknown) => {
      trace(err instanceof DomainError ? err.code : "failed");
      fail(ctx, err);
    },
  );
}
