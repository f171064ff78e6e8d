/**
 * Queues head office's webhook deliveries from the stores' events as the ingest applies them, in
 * its transaction (an event rolled back or applied again queues nothing more): `sale.completed`
 * and `order.changed` as the store's journal has them, and `stock.changed` for every product
 * whose stock at a store an event moved (a sale, a return, a void, an adjustment, a stock
 * document) or whose reservation an order's change moved. Its data is the store's figures as
 * head office then knows them: on hand (every location), reserved by the store's open orders,
 * available. With no endpoint taking an event, nothing is computed.
 */
import type { Database, Statement } from "bun:sqlite";
import type { StoreEvent } from "../../core/events.ts";
import { anyoneTakes, queueWebhook } from "../../shared/webhook-endpoints.ts";
import { HQ_WEBHOOK_TABLES } from "./service.ts";

const OPEN = "'placed', 'confirmed', 'picked', 'ready'";

export class HqWebhookQueue {
  readonly #moved = new Map<string, Set<string>>();
  readonly #orderCodes: Statement<{ code: string }, [string]>;
  readonly #figures: Statement<{ onHand: number | null; reserved: number | null }, [string, string]>;

  /** `beforeRead`: writes what ingest holds back of the stock, before the figures are read. */
  constructor(
    private readonly sqlite: Database,
    private readonly beforeRead: () => void = () => undefined,
  ) {
    this.#orderCodes = sqlite.query(
      "SELECT DISTINCT json_extract(l.value, '$.code') AS code FROM hq_orders o, json_each(o.snapshot, '$.lines') l WHERE o.id = ?1",
    );
    this.#figures = sqlite.query(
      `SELECT (SELECT sum(qty_milli) FROM hq_stock WHERE store_id = ?1 AND code = ?2) AS onHand,
              (SELECT sum(CAST(json_extract(l.value, '$.qtyMilli') AS BIGINT)) FROM hq_orders o, json_each(o.snapshot, '$.lines') l
                WHERE o.store_id = ?1 AND o.number IS NOT NULL AND o.status IN (${OPEN})
                  AND json_extract(l.value, '$.code') = ?2) AS reserved`,
    );
  }

  /** A stock movement the ingest applied (the stock writer's hook). */
  moved(storeId: string, code: string): void {
    if (!this.takes("stock.changed")) return;
    let codes = this.#moved.get(storeId);
    if (!codes) {
      codes = new Set();
      this.#moved.set(storeId, codes);
    }
    codes.add(code);
  }

  /** Before the event is applied: the products an order reserved until now. */
  before(event: StoreEvent): void {
    this.#moved.clear();
    if (event.type !== "order.changed" || !this.takes("stock.changed")) return;
    for (const { code } of this.#orderCodes.all(event.payload.id)) this.moved(event.storeId, code);
  }

  /** After the event is applied: its deliveries. */
  after(event: StoreEvent): void {
    const delivery = { storeId: event.storeId, at: event.at };
    if (event.type === "sale.completed" || event.type === "order.changed") {
      queueWebhook(this.sqlite, HQ_WEBHOOK_TABLES, { ...delivery, event: event.type, data: event.payload });
    }
    if (event.type === "order.changed") {
      for (const line of event.payload.lines) this.moved(event.storeId, line.code);
    }
    if (this.#moved.size > 0) this.beforeRead();
    for (const [storeId, codes] of this.#moved) {
      for (const code of codes) {
        const row = this.#figures.get(storeId, code);
        const onHandMilli = row?.onHand ?? 0;
        const reservedMilli = row?.reserved ?? 0;
        const availableMilli = onHandMilli - reservedMilli;
        const data = {
          code,
          onHandMilli,
          reservedMilli,
          availableMilli,
          available: availableMilli / 1000,
          cause: event.type,
          refId: event.id,
        };
        queueWebhook(this.sqlite, HQ_WEBHOOK_TABLES, { ...delivery, event: "stock.changed", data });
      }
    }
    this.#moved.clear();
  }

  private takes(event: string): boolean {
    return anyoneTakes(this.sqlite, HQ_WEBHOOK_TABLES, event);
  }
}
