/**
 * Customers created at a till (`POST /customers`), online or sent later by a till that could not
 * reach the store: kept in the store's copy at once (so their card scans and a sale with it is
 * priced and counted for them here), and queued for head office, which gets them under the till's
 * id — sent again after an outage, they are the same customer, never a second one. The queue is
 * sent at once when head office answers, else by the card tenders' reconciler.
 */
import { eq } from "drizzle-orm";
import { storeCards, tillCustomersOutbox } from "../../../schema/store.ts";
import type { TillCustomerAnswer, TillCustomerInput } from "../../api/store/till-customers.ts";
import { DomainError } from "../../core/errors.ts";
import { log } from "../../shared/log.ts";
import { HqRefusal } from "../card-tenders/accounts-link.ts";
import type { StoreContext } from "../context.ts";
import { HqUnreachableError } from "../hq-link/hq-link.ts";
import { applyCard, applyCardAnswer, applyCustomer } from "./apply.ts";
import { StoreCustomerError } from "./errors.ts";
import { StoreCustomersService } from "./service.ts";

type Queued = typeof tillCustomersOutbox.$inferSelect;

/** Head office's refusal code (passed on as is, or named in the details of HQ_REFUSED). */
function refusalCode(error: unknown): string | null {
  if (!(error instanceof HqRefusal)) return null;
  const details = error.details as { code?: unknown } | undefined;
  return typeof details?.code === "string" && error.code === "HQ_REFUSED" ? details.code : error.code;
}

export class TillCustomersService {
  constructor(private readonly ctx: StoreContext) {}

  private answer(id: string, card: string | null, atHeadOffice: boolean): TillCustomerAnswer {
    const reads = new StoreCustomersService(this.ctx);
    const customer = reads.customerById(id);
    if (customer === null) {
      throw new StoreCustomerError("CUSTOMER_NOT_FOUND", `customer ${id} is no longer at this store`, { id });
    }
    return { customer, card: card === null ? null : reads.card(card), atHeadOffice };
  }

  /** Keeps the customer (and card) here and queues them for head office; idempotent by id. */
  async create(input: TillCustomerInput, tillId: string | null): Promise<TillCustomerAnswer> {
    const at = this.ctx.now().toISOString();
    const kept = this.ctx.db.transaction((tx) => {
      const before = tx.select().from(tillCustomersOutbox).where(eq(tillCustomersOutbox.id, input.id)).get();
      if (before) return before;
      if (input.card !== undefined) {
        const taken = tx.select().from(storeCards).where(eq(storeCards.number, input.card)).get();
        if (taken && taken.customerId !== input.id) {
          throw new StoreCustomerError("CARD_EXISTS", `card ${input.card} is issued already`, {
            card: input.card,
          });
        }
      }
      applyCustomer(
        tx,
        {
          id: input.id,
          name: input.name,
          phone: input.phone ?? null,
          email: input.email ?? null,
          birthday: null,
          groups: [],
          mergedInto: null,
          erased: false,
        },
        at,
      );
      if (input.card !== undefined) {
        applyCard(
          tx,
          {
            number: input.card,
            kind: "loyalty",
            customerId: input.id,
            blocked: false,
            replacedBy: null,
            expiresAt: null,
            points: 0,
            balanceMinor: 0,
          },
          at,
        );
      }
      const row: Queued = {
        id: input.id,
        name: input.name,
        phone: input.phone ?? null,
        email: input.email ?? null,
        card: input.card ?? null,
        tillId,
        status: "pending",
        at,
        lastError: null,
      };
      tx.insert(tillCustomersOutbox).values(row).run();
      return row;
    });
    const status = kept.status === "pending" ? await this.send(kept) : kept.status;
    return this.answer(kept.id, kept.card, status === "sent");
  }

  /**
   * Sends the queued customers to head office, oldest first; stops at the first sign that head
   * office is out of reach. Answers how many went.
   */
  async forward(): Promise<number> {
    const pending = this.ctx.db
      .select()
      .from(tillCustomersOutbox)
      .where(eq(tillCustomersOutbox.status, "pending"))
      .orderBy(tillCustomersOutbox.at)
      .all();
    let sent = 0;
    for (const row of pending) {
      const status = await this.send(row);
      if (status === "pending") break;
      if (status === "sent") sent++;
    }
    return sent;
  }

  /** One customer to head office: created (or there already by this id), then their card. */
  private async send(row: Queued): Promise<Queued["status"]> {
    const link = this.ctx.accounts;
    if (!link) return "pending";
    try {
      try {
        await link.createCustomer({
          id: row.id,
          name: row.name,
          ...(row.phone === null ? {} : { phone: row.phone }),
          ...(row.email === null ? {} : { email: row.email }),
        });
      } catch (error) {
        // Sent before (the answer was lost): head office has this customer, under this id.
        if (refusalCode(error) !== "CUSTOMER_EXISTS") throw error;
      }
      if (row.card !== null) await this.sendCard(row.card, row.id);
      this.mark(row.id, "sent", null);
      return "sent";
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (error instanceof HqUnreachableError || !(error instanceof DomainError)) {
        this.mark(row.id, "pending", message);
        return "pending";
      }
      log().warn({ id: row.id, card: row.card, error: message }, "head office refused a till's customer");
      this.mark(row.id, "refused", message);
      return "refused";
    }
  }

  private async sendCard(number: string, customerId: string): Promise<void> {
    const link = this.ctx.accounts;
    if (!link) return;
    let card: Awaited<ReturnType<typeof link.card>>;
    try {
      card = await link.issue({ number, kind: "loyalty", customerId, storeId: this.ctx.storeId });
    } catch (error) {
      if (refusalCode(error) !== "CARD_EXISTS") throw error;
      card = await link.card(number);
      if (card.customerId !== customerId) throw error;
    }
    const at = this.ctx.now().toISOString();
    this.ctx.db.transaction((tx) => applyCardAnswer(tx, card, at));
  }

  private mark(id: string, status: Queued["status"], lastError: string | null): void {
    this.ctx.db
      .update(tillCustomersOutbox)
      .set({ status, lastError })
      .where(eq(tillCustomersOutbox.id, id))
      .run();
  }
}
