/**
 * What only the store can do, called with the till's session: held sales, finding a recorded
 * sale, returns, drawer openings, X report and shift close. When the store cannot be reached
 * they reject at once with a message that says so; nothing is queued behind the cashier's back,
 * and the sale in progress stays on the screen.
 */
import type { z } from "zod";
import type { AnswerOf } from "../../api/route.ts";
import type { heldAnswerSchema } from "../../api/store/answers.ts";
import { tillStoreRoutes } from "../../api/store/till-routes.ts";
import type { ReturnableSale } from "../../core/chain-sale.ts";
import { DomainError } from "../../core/errors.ts";
import { isUuid } from "../../core/ids.ts";
import { milliToDecimalString, parseQuantityMilli } from "../../core/quantity.ts";
import type {
  HeldSaleDoc,
  HeldSaleSummary,
  OpenShift,
  RecordedSale,
  StockAtSites,
  TillAuditEntry,
  TillLine,
  TillServices,
} from "../services.ts";
import type { TillAuth } from "./auth.ts";
import { StoreRefusedError, StoreUnreachableError } from "./errors.ts";
import type { LinkState } from "./link.ts";
import type { Outbox } from "./outbox.ts";
import { receiptNoForms } from "./recent-sales.ts";
import type { StoreClient } from "./store-client.ts";

export class SaleNotFoundError extends DomainError {
  readonly code = "SALE_NOT_FOUND";
  override readonly kind = "not_found";
}

/** E-mailing the receipt of a sale the store does not have yet (still in the till's outbox). */
export class ReceiptNotAtStoreError extends DomainError {
  readonly code = "RECEIPT_NOT_AT_STORE";
  override readonly kind = "not_found";
}

export interface OnlineDeps {
  client: StoreClient;
  auth: TillAuth;
  link: LinkState;
  outbox: Outbox;
  tillId: string;
  now: () => Date;
}

type ReturnInput = Parameters<TillServices["recordReturn"]>[0];

function basketLine(line: TillLine): Record<string, unknown> {
  const out: Record<string, unknown> = { code: line.code, qty: milliToDecimalString(line.qtyMilli) };
  if (line.unitPriceMinor !== undefined) out.unitPriceMinor = line.unitPriceMinor;
  if (line.priceSource !== undefined) out.priceSource = line.priceSource;
  if (line.discount !== undefined) out.discount = line.discount;
  if (line.lot !== undefined) out.lot = line.lot;
  if (line.expiry !== undefined) out.expiry = line.expiry;
  if (line.serial !== undefined) out.serial = line.serial;
  return out;
}

/** A held basket's line as the till rings it. */
function toTillLine(l: z.infer<typeof heldAnswerSchema>["basket"]["lines"][number]): TillLine {
  const line: TillLine = { code: l.code, qtyMilli: l.qty === undefined ? 1000 : parseQuantityMilli(l.qty) };
  if (l.unitPriceMinor !== undefined) line.unitPriceMinor = l.unitPriceMinor;
  if (l.discount !== undefined) line.discount = l.discount;
  if (l.lot !== undefined) line.lot = l.lot;
  if (l.expiry !== undefined) line.expiry = l.expiry;
  if (l.serial !== undefined) line.serial = l.serial;
  return line;
}

export class OnlineOperations {
  constructor(private readonly deps: OnlineDeps) {}

  protected storeClient(): StoreClient {
    return this.deps.client;
  }

  /** Runs a call with the session; an unreachable store becomes "… needs the store". */
  protected async call<T>(what: string, run: (token: string) => Promise<T>): Promise<T> {
    try {
      const result = await this.deps.auth.withSession(run);
      this.deps.link.reachable();
      return result;
    } catch (err) {
      if (err instanceof StoreUnreachableError) {
        this.deps.link.unreachable(err);
        throw new StoreUnreachableError(
          `${what} needs the store, which is unreachable at ${this.deps.client.server} (${err.reason}); the sale in progress is kept: try again when the store is back`,
          err.reason,
        );
      }
      if (err instanceof StoreRefusedError) this.deps.link.reachable();
      throw err;
    }
  }

  async holdSale(sale: Parameters<TillServices["holdSale"]>[0]): Promise<void> {
    const body: Record<string, unknown> = {
      id: sale.id,
      tillId: this.deps.tillId,
      cashierId: sale.cashierId,
      basket: {
        lines: sale.lines.map(basketLine),
        ...(sale.discount !== undefined ? { discount: sale.discount } : {}),
      },
    };
    if (sale.audit.length > 0) body.audit = sale.audit;
    if (sale.label !== null && sale.label.trim() !== "") body.label = sale.label;
    await this.call("holding a sale", (token) =>
      this.deps.client.request(tillStoreRoutes["POST /api/v1/held"], { body, token }),
    );
  }

  /** Stock on hand at this store (`GET /stock?code=`), for the price check. */
  async stockHere(code: string): Promise<{ onHandMilli: number }> {
    const answer = await this.call("reading the stock", (token) =>
      this.deps.client.request(tillStoreRoutes["GET /api/v1/stock"], {
        query: { code, movements: 0 },
        token,
      }),
    );
    return {
      onHandMilli: "onHandMilli" in answer && typeof answer.onHandMilli === "number" ? answer.onHandMilli : 0,
    };
  }

  /** Stock at the chain's other sites (`GET /stock/sites?code=`), for the price check. */
  async stockAtSites(code: string): Promise<StockAtSites> {
    const answer = await this.call("reading the stock at other sites", (token) =>
      this.deps.client.request(tillStoreRoutes["GET /api/v1/stock/sites"], { query: { code }, token }),
    );
    return {
      reachable: answer.reachable,
      sites: answer.sites.map((s) => ({ storeId: s.storeId, onHandMilli: s.onHandMilli })),
    };
  }

  async listHeld(): Promise<HeldSaleSummary[]> {
    const answer = await this.call("listing held sales", (token) =>
      this.deps.client.request(tillStoreRoutes["GET /api/v1/held"], { token }),
    );
    return answer.held.map((h) => ({
      id: h.id,
      label: h.label,
      heldAt: h.heldAt,
      tillId: h.tillId,
      lines: h.lineCount,
      cashierName: h.cashierName ?? null,
      basket: h.basket.lines.map(toTillLine),
      totalMinor: null,
      items: [],
    }));
  }

  async resumeHeld(id: string): Promise<HeldSaleDoc> {
    const held = await this.call("resuming a held sale", (token) =>
      this.deps.client.request(tillStoreRoutes["POST /api/v1/held/:id/resume"], {
        params: { id },
        body: { tillId: this.deps.tillId },
        token,
      }),
    );
    return {
      lines: held.basket.lines.map((l) => {
        const line = toTillLine(l);
        if (l.priceSource !== undefined) line.priceSource = l.priceSource;
        return line;
      }),
      ...(held.basket.discount !== undefined ? { discount: held.basket.discount } : {}),
      // A sale held before held sales kept their audit has none.
      audit: (held.audit ?? []).map((entry) => {
        const out: TillAuditEntry = {
          action: entry.action,
          at: entry.at ?? held.heldAt,
          userId: entry.userId ?? null,
          approvedBy: entry.approvedBy ?? null,
        };
        if (entry.approval !== undefined) out.approval = entry.approval;
        if (entry.detail !== undefined) out.detail = entry.detail;
        return out;
      }),
      cashierId: held.cashierId ?? null,
    };
  }

  /**
   * A recorded sale by id or receipt number, this store's or another store's of the chain (the
   * store asks head office), with what was already returned from each line anywhere and what
   * each of its tenders can still refund.
   */
  async findSale(receiptNoOrId: string): Promise<RecordedSale> {
    const asked = receiptNoOrId.trim();
    return this.call("finding a sale", async (token) => {
      let sale: ReturnableSale;
      try {
        sale = await this.deps.client.request(tillStoreRoutes["GET /api/v1/returns/original/:ref"], {
          params: { ref: asked },
          token,
        });
      } catch (err) {
        if (err instanceof StoreRefusedError && err.status === 404 && this.pendingInOutbox(asked)) {
          throw new SaleNotFoundError(
            `sale ${asked} is still in this till's outbox on its way to the store; try again once it has been sent`,
            { asked },
          );
        }
        throw err;
      }
      return {
        id: sale.id,
        receiptNo: sale.receiptNo,
        storeId: sale.storeId,
        at: sale.at,
        totalMinor: sale.totalMinor,
        lines: sale.lines.map((l) => ({
          lineNo: l.lineNo,
          code: l.code,
          name: l.name,
          qtyMilli: l.qtyMilli,
          unitPriceMinor: l.unitPriceMinor,
          totalMinor: l.totalMinor,
          taxMinor: l.taxMinor,
          returnedMilli: l.returnedMilli,
        })),
        refundable: sale.refundable,
      };
    });
  }

  /** `POST /sales/:id/receipt-email`; a sale still in the outbox is refused (try again once sent). */
  async emailReceipt(saleId: string, email: string): Promise<{ receiptNo: string }> {
    return this.call("e-mailing a receipt", async (token) => {
      try {
        return await this.deps.client.request(tillStoreRoutes["POST /api/v1/sales/:id/receipt-email"], {
          params: { id: saleId },
          body: { email },
          token,
        });
      } catch (err) {
        if (err instanceof StoreRefusedError && err.code === "SALE_NOT_FOUND") {
          throw new ReceiptNotAtStoreError(
            this.deps.outbox.isPending(saleId)
              ? `sale ${saleId} is still in this till's outbox on its way to the store; try again once it has been sent`
              : `the store does not have sale ${saleId}`,
          );
        }
        throw err;
      }
    });
  }

  /** Whether the sale of this id or receipt number is still waiting in the outbox. */
  private pendingInOutbox(asked: string): boolean {
    if (isUuid(asked)) return this.deps.outbox.isPending(asked);
    return receiptNoForms(asked).some((form) => {
      const id = this.deps.outbox.saleIdOfReceipt(form);
      return id !== undefined && id !== null && this.deps.outbox.isPending(id);
    });
  }

  async recordReturn(ret: ReturnInput): Promise<{ receiptNo: string; totalMinor: number }> {
    const body: Record<string, unknown> = {
      id: ret.id,
      tillId: this.deps.tillId,
      lines: ret.lines.map((l) => ({ code: l.code, qty: milliToDecimalString(l.qtyMilli) })),
    };
    // Without tenders the store pays back the way the sale was paid.
    if (ret.tenders !== undefined) body.tenders = ret.tenders;
    if (ret.originalSaleId !== null) body.originalSaleId = ret.originalSaleId;
    const cashier = this.deps.auth.cashier();
    if (cashier) body.cashierId = cashier.id;
    if (ret.approvalPin !== undefined) body.approvalPin = ret.approvalPin;
    const answer = await this.call("a return", (token) =>
      this.deps.client.request(tillStoreRoutes["POST /api/v1/returns"], { body, token }),
    );
    return { receiptNo: answer.receiptNo, totalMinor: answer.totalMinor };
  }

  async openDrawer(reason: "sale" | "noSale" | "cashIn" | "cashOut", approvalPin?: string): Promise<void> {
    const body: Record<string, unknown> = { tillId: this.deps.tillId, reason };
    if (approvalPin !== undefined) body.approvalPin = approvalPin;
    await this.call("opening the drawer", (token) =>
      this.deps.client.request(tillStoreRoutes["POST /api/v1/drawer/open"], { body, token }),
    );
  }

  private shiftOf(token: string): Promise<AnswerOf<(typeof tillStoreRoutes)["GET /api/v1/shifts/current"]>> {
    return this.deps.client.request(tillStoreRoutes["GET /api/v1/shifts/current"], {
      query: { tillId: this.deps.tillId },
      token,
    });
  }

  async currentShift(): Promise<OpenShift | null> {
    return this.call("reading the till's shift", async (token) => {
      try {
        const shift = await this.shiftOf(token);
        return { id: shift.id, floatMinor: shift.floatMinor, openedAt: shift.openedAt };
      } catch (err) {
        if (err instanceof StoreRefusedError && err.code === "NO_OPEN_SHIFT") return null;
        throw err;
      }
    });
  }

  async openShift(floatMinor: number): Promise<OpenShift> {
    const shift = await this.call("opening a shift", (token) =>
      this.deps.client.request(tillStoreRoutes["POST /api/v1/shifts"], {
        body: { tillId: this.deps.tillId, floatMinor },
        token,
      }),
    );
    return { id: shift.id, floatMinor: shift.floatMinor, openedAt: shift.openedAt };
  }

  async moveCash(move: Parameters<TillServices["moveCash"]>[0]): Promise<{ expectedCashMinor: number }> {
    return this.call("moving cash", async (token) => {
      const shift = await this.shiftOf(token);
      const body = { kind: move.direction, amountMinor: move.amountMinor, reason: move.reason };
      const moved = await this.deps.client.request(tillStoreRoutes["POST /api/v1/shifts/:id/cash"], {
        params: { id: shift.id },
        body,
        token,
      });
      return { expectedCashMinor: moved.expectedCashMinor };
    });
  }

  async xReport(): Promise<unknown> {
    return this.call("an X report", async (token) => {
      const shift = await this.shiftOf(token);
      return this.deps.client.request(tillStoreRoutes["GET /api/v1/shifts/:id/x-report"], {
        params: { id: shift.id },
        token,
      });
    });
  }

  async closeShift(counted: Record<string, number>): Promise<unknown> {
    return this.call("closing the shift", async (token) => {
      const shift = await this.shiftOf(token);
      return this.deps.client.request(tillStoreRoutes["POST /api/v1/shifts/:id/close"], {
        params: { id: shift.id },
        body: { counted },
        token,
      });
    });
  }
}
