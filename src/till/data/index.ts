/**
 * The till's data layer: `createTillServices` implements `TillServices` over a local SQLite
 * file (catalog, settings, cashiers, outbox) kept in step with the store server.
 *
 * - Lookups and name search are local and synchronous; the catalog syncs in the background at
 *   start and every `syncIntervalMs` (see `sync.ts` for what happens before the first log-in),
 *   and at once when the store's catalog changes: a waiting request tells the till (see
 *   `catalog-watch.ts`). A code the till does not know is asked of the store, briefly, before
 *   the cashier is told it is unknown (`lookupAtStore`).
 * - Settings: the cached copy at once; a till without one waits up to
 *   STARTUP_SETTINGS_TIMEOUT_MS for the store's before answering. Settings that change later
 *   notify `subscribe` listeners, so screens redraw with them.
 * - `completeSale` returns once the sale is on disk in the outbox; the drainer sends it to the
 *   store in order, exactly once per sale id (see `drainer.ts`).
 * - Log-in and approvals work offline against PINs this till has seen succeed (`auth.ts`).
 * - Held sales, returns, finding a sale, drawer, X report and shift close need the store and
 *   say so when it is unreachable (`online-operations.ts`).
 * - Cashier actions that leave no sale (price checks, offline log-ins and PINs, reprints) are
 *   kept in the outbox too (`trace`) and drained to the store's audit log with the sales.
 * - Sales the store refused are listed, exported to a file or sent again (`refused-sales.ts`).
 */

import { tillStoreRoutes } from "../../api/store/till-routes.ts";
import { embeddedRulesOf } from "../../core/code-resolution.ts";
import { InvalidInputError } from "../../core/errors.ts";
import { formatReceiptNo, tillIdSchema, uuidv7 } from "../../core/ids.ts";
import { type StoreSettings, storeSettingsSchema } from "../../core/settings.ts";
import { tillTraceEntrySchema } from "../../core/till-trace.ts";
import { receiptLinkToken, receiptLinkUrl } from "../../shared/receipt-link.ts";
import type { CompletedSale, TillLookup, TillProduct, TillServices, TillTrace } from "../services.ts";
import { TillAuth } from "./auth.ts";
import { BookingOperations } from "./booking-operations.ts";
import { LocalCatalog, tillProduct } from "./catalog.ts";
import { CatalogWatch, DEFAULT_CATALOG_WAIT_MS } from "./catalog-watch.ts";
import { LocalCustomTenders } from "./custom-tenders.ts";
import { CustomerOperations } from "./customer-operations.ts";
import { MetaStore, openTillDatabase, relaxed } from "./db.ts";
import { DeliveryOperations } from "./delivery-operations.ts";
import { LocalDepartments } from "./departments.ts";
import { Drainer } from "./drainer.ts";
import { StoreRefusedError, StoreUnreachableError } from "./errors.ts";
import { InvoiceOperations } from "./invoice-operations.ts";
import { TillKeys } from "./keys.ts";
import { LinkState } from "./link.ts";
import { OrderOperations } from "./order-operations.ts";
import { Outbox } from "./outbox.ts";
import { fetchTrusting } from "./pairing.ts";
import { PrintJournal } from "./print-journal.ts";
import { PromoCodeOperations } from "./promo-code-operations.ts";
import { LocalPromotions } from "./promotions.ts";
import { exportRefusedSale, resendRefusedSale } from "./refused-sales.ts";
import { RestaurantOperations } from "./restaurant-operations.ts";
import { StoreClient } from "./store-client.ts";
import { CatalogSync, RECEIPT_LINK_KEY } from "./sync.ts";
import { adoptLegacyVideoQueue, VideoQueue } from "./video-queue.ts";

export { TILL_DB_FILE, tillDbPath } from "./db.ts";
export { StoreRefusedError, StoreUnreachableError, TillAuthError } from "./errors.ts";
export { type Paired, pairTill } from "./pairing.ts";

export interface TillServicesOptions {
  /** Base URL of the store server, e.g. http://10.0.0.2:7070. */
  server: string;
  tillId: string;
  /** Folder of the till's SQLite file (made when missing). */
  dataDir: string;
  fetch?: typeof fetch;
  /** A CA certificate (PEM) for the store's HTTPS; default: the certificate pinned when pairing. */
  ca?: string | undefined;
  now?: () => Date;
  /** Catalog sync period; default 30 s. */
  syncIntervalMs?: number;
  /** Deadline of each request to the store; default 5 s. */
  requestTimeoutMs?: number;
  /**
   * How long each request waiting for catalog changes asks the store to hold it; default 20 s;
   * 0: no waiting request, changes come with the periodic sync only.
   */
  catalogWaitMs?: number;
  /** Deadline of asking the store for a code this till does not know; default 800 ms; 0: never ask. */
  lookupAtStoreTimeoutMs?: number;
}

export type TillDataServices = TillServices & {
  /** Stops the background work and closes the database; pending sales stay in the outbox. */
  close(): Promise<void>;
  /** One catalog and settings sync pass (after any pass in flight). */
  syncNow(): Promise<void>;
  /** One outbox pass, whatever the back-off. */
  drainNow(): Promise<void>;
  /** The video feed's queue, in the till's database. */
  videoQueue: VideoQueue;
};

export const DEFAULT_SYNC_INTERVAL_MS = 30_000;
/** How long a scan of a code this till does not know waits for the store's answer. */
export const LOOKUP_AT_STORE_TIMEOUT_MS = 800;
/** How long a till with no settings yet waits for the store's before its screens come up. */
export const STARTUP_SETTINGS_TIMEOUT_MS = 300;
const DEFAULT_TIMEOUT_MS = 5_000;

function storedSettings(json: string | null): StoreSettings {
  if (json !== null) {
    try {
      const parsed = storeSettingsSchema.safeParse(JSON.parse(json));
      if (parsed.success) return parsed.data;
    } catch {
      // A damaged copy: fall back to the defaults until the next sync.
    }
  }
  return storeSettingsSchema.parse({});
}

export async function createTillServices(options: TillServicesOptions): Promise<TillDataServices> {
  const tillId = tillIdSchema.safeParse(options.tillId);
  if (!tillId.success) {
    throw new InvalidInputError("INVALID_TILL_ID", tillId.error.issues[0]?.message ?? "invalid till id");
  }
  if (!URL.canParse(options.server) || !/^https?:$/.test(new URL(options.server).protocol)) {
    throw new InvalidInputError(
      "INVALID_SERVER",
      `"${options.server}" is not an http(s) URL of a store server`,
    );
  }
  const now = options.now ?? (() => new Date());
  const { sqlite, db } = openTillDatabase(options.dataDir);
  const meta = new MetaStore(db);
  const outbox = new Outbox(db);
  const prints = new PrintJournal(db, now);
  adoptLegacyVideoQueue(sqlite, options.dataDir);
  const catalog = new LocalCatalog(sqlite);
  const departments = new LocalDepartments(meta);
  const promotions = new LocalPromotions(meta);
  const customTenders = new LocalCustomTenders(meta);
  /** A product with its deposit product attached, when it names one the catalog has. */
  const withDeposit = (product: TillProduct): TillProduct => {
    if (product.depositCode === undefined) return product;
    const deposit = catalog.byCode(product.depositCode);
    return deposit === null ? product : { ...product, deposit: tillProduct(deposit) };
  };
  const link = new LinkState(() => outbox.counts(), meta.get("lastSyncAt"));
  const controller = new AbortController();
  const client = new StoreClient({
    server: options.server,
    fetch: options.fetch ?? fetchTrusting(options.ca ?? meta.get("storeCertificate")),
    timeoutMs: options.requestTimeoutMs ?? DEFAULT_TIMEOUT_MS,
    signal: controller.signal,
  });
  let closed = false;
  const isClosed = () => closed;
  const cachedSettings = meta.get("settings");
  let settings = storedSettings(cachedSettings);
  let rules = embeddedRulesOf(settings);

  /** Keeps a cashier action in the outbox, under the current log-in unless told otherwise. */
  const trace = (entry: TillTrace, madeIn: string | null = auth.madeIn()): void => {
    const checked = tillTraceEntrySchema.safeParse({
      id: uuidv7(),
      action: entry.action,
      at: now().toISOString(),
      ...(entry.detail !== undefined ? { detail: entry.detail } : {}),
      ...(madeIn !== null ? { madeIn } : {}),
    });
    if (!checked.success) {
      const issue = checked.error.issues[0];
      throw new InvalidInputError(
        "INVALID_TRACE",
        `the ${entry.action} entry cannot be kept: ${issue ? `${issue.path.join(".")}: ${issue.message}` : "it is malformed"}`,
      );
    }
    outbox.addTrace(checked.data, now());
    drainer.kick();
  };

  let syncChain: Promise<void> = Promise.resolve();
  let syncQueued: Promise<void> | null = null;
  const syncNow = (): Promise<void> => {
    if (closed) return Promise.resolve();
    // At most one pass waits behind the one in flight; it sees every change made before it starts.
    syncQueued ??= syncChain.then(() => {
      syncQueued = null;
      return sync.run();
    });
    syncChain = syncQueued;
    return syncQueued;
  };

  const auth = new TillAuth({
    db,
    meta,
    keys: new TillKeys(meta),
    client,
    link,
    tillId: tillId.data,
    now,
    settings: () => settings,
    trace: (entry, madeIn) => trace(entry, madeIn),
    onSession: () => {
      void syncNow();
      drainer.kick();
    },
  });
  const drainer = new Drainer({ outbox, client, auth, link, tillId: tillId.data, now, isClosed });
  const sync = new CatalogSync({
    sqlite,
    meta,
    catalog,
    departments,
    promotions,
    customTenders,
    client,
    auth,
    link,
    tillId: tillId.data,
    now,
    onSettings: (next) => {
      settings = next;
      rules = embeddedRulesOf(next);
      link.refresh(true);
    },
    onCatalog: () => link.refresh(true),
    onReachable: () => {
      drainer.storeIsBack();
      drainer.kick();
    },
    onSynced: () => watch.ensure(),
    isClosed,
  });
  const watch = new CatalogWatch({
    client,
    auth,
    link,
    meta,
    isClosed,
    waitMs: options.catalogWaitMs ?? DEFAULT_CATALOG_WAIT_MS,
    syncNow,
  });
  // Back online (a sale drained, a log-in): wait for changes again without waiting for the next sync.
  const unwatchLink = link.subscribe(() => watch.ensure());
  const online = new CustomerOperations({ client, auth, link, outbox, tillId: tillId.data, now });
  const promoCodes = new PromoCodeOperations({ client, auth, link, outbox, tillId: tillId.data, now });
  const orders = new OrderOperations({ client, auth, link, outbox, tillId: tillId.data, now });
  const deliveries = new DeliveryOperations({ client, auth, link, outbox, tillId: tillId.data, now });
  const invoices = new InvoiceOperations({ client, auth, link, outbox, tillId: tillId.data, now });
  const bookings = new BookingOperations({ client, auth, link, outbox, tillId: tillId.data, now });
  const restaurant = new RestaurantOperations({ client, auth, link, outbox, tillId: tillId.data, now });

  // Cached settings are used at once (the sync below refreshes them); a till without any asks
  // the store first, briefly, so the log-in screen shows the store's name rather than a default.
  if (cachedSettings === null)
    await sync.settingsAtStart(Math.min(STARTUP_SETTINGS_TIMEOUT_MS, options.requestTimeoutMs ?? Infinity));

  const timer = setInterval(() => void syncNow(), options.syncIntervalMs ?? DEFAULT_SYNC_INTERVAL_MS);
  timer.unref?.();
  void syncNow();
  drainer.kick();

  const lookupTimeoutMs = options.lookupAtStoreTimeoutMs ?? LOOKUP_AT_STORE_TIMEOUT_MS;

  const lookup = (code: string): TillLookup => {
    const found = catalog.lookup(code, rules);
    const result: TillLookup = { product: departments.withAge(withDeposit(tillProduct(found.product))) };
    if (found.qtyMilli !== undefined && found.qtyKind !== undefined) {
      result.qtyMilli = found.qtyMilli;
      result.qtyKind = found.qtyKind;
    }
    if (found.priceMinor !== undefined) result.priceMinor = found.priceMinor;
    return result;
  };

  /**
   * A code the till's catalog does not have: asks the store's `GET /products/lookup` within
   * `lookupTimeoutMs` (never when the store is known to be unreachable or there is no token),
   * keeps the product it answers, and resolves the code locally again. Null when it was not
   * asked, did not answer in time, or does not know the code either.
   */
  const lookupAtStore = async (code: string): Promise<TillLookup | null> => {
    const token = auth.backgroundToken();
    if (closed || lookupTimeoutMs <= 0 || !link.status().online || token === null) return null;
    let answer: { product: Parameters<LocalCatalog["keep"]>[0] };
    try {
      answer = await client.request(tillStoreRoutes["GET /api/v1/products/lookup"], {
        query: { code },
        token,
        timeoutMs: lookupTimeoutMs,
      });
    } catch (err) {
      if (err instanceof StoreUnreachableError && !closed) link.unreachable(err);
      if (err instanceof StoreUnreachableError || err instanceof StoreRefusedError) return null;
      throw err;
    }
    if (closed) return null;
    relaxed(sqlite, () => catalog.keep(answer.product));
    link.refresh(true);
    return lookup(code);
  };

  const services: TillDataServices = {
    identity: () => ({ storeId: meta.cached("storeId") ?? "", tillId: tillId.data }),
    settings: () => settings,
    lookup,
    lookupAtStore,
    search: (text, limit) =>
      catalog.search(text, limit).map((p) => departments.withAge(withDeposit(tillProduct(p)))),
    departments: () => departments.all(),
    promotions: () => ({
      book: promotions.book(),
      list: promotions.list(),
      categoriesOf: (category) => promotions.categoriesOf(category),
      messages: promotions.messages(),
    }),
    customTenders: () => customTenders.all(),

    login: (pin) => auth.login(pin),
    logout: () => auth.logout(),
    approve: (pin, action) => auth.approve(pin, action),
    staffDiscount: (pin) => auth.staffDiscount(pin),

    nextReceiptNo(): string {
      const storeId = meta.get("storeId");
      if (storeId === null) {
        throw new InvalidInputError(
          "STORE_ID_UNKNOWN",
          `this till has not reached its store at ${client.server} yet, so it cannot number receipts: check the network and the --server address`,
        );
      }
      const seq = sqlite.transaction(() => {
        const next = meta.getInt("receiptSeq") + 1;
        meta.set("receiptSeq", String(next));
        return next;
      })();
      return formatReceiptNo(storeId, tillId.data, seq);
    },
    async completeSale(sale: CompletedSale): Promise<void> {
      if (sale.tillId !== tillId.data) {
        throw new InvalidInputError(
          "INVALID_SALE",
          `the sale says till ${sale.tillId}, but this is till ${tillId.data}`,
        );
      }
      outbox.add(sale, now(), {
        taxRates: new Map(settings.taxClasses.map((t) => [t.id, t.rate])),
        madeIn: auth.madeIn(),
      });
      link.refresh();
      drainer.kick();
    },

    async cancelSale(sale): Promise<void> {
      outbox.addCancellation(sale, tillId.data, now(), auth.madeIn());
      link.refresh();
      drainer.kick();
    },

    holdSale: (sale) => online.holdSale(sale),

    stockHere: (code) => online.stockHere(code),
    findCard: (number) => online.findCard(number),
    checkPromoCode: (input) =>
      promoCodes.checkPromoCode(input, { promotions: promotions.list(), timeZone: settings.timeZone }),
    issueCard: (number) => online.issueCard(number),
    blockCard: (number) => online.blockCard(number),
    searchCustomers: (q) => online.searchCustomers(q),
    async createCustomer(input) {
      const created = await online.createCustomer(input);
      trace({
        action: "customer.created",
        detail: { customerId: input.id, card: input.card, offline: created.kept },
      });
      if (created.kept) drainer.kick();
      return created;
    },
    redeemCard: (input) => online.redeemCard(input),
    stockAtSites: (code) => online.stockAtSites(code),
    listHeld: () => online.listHeld(),
    resumeHeld: (id) => online.resumeHeld(id),
    findSale: (text) => online.findSale(text),
    recordReturn: (ret) => online.recordReturn(ret),
    openDrawer: (reason, approvalPin) => online.openDrawer(reason, approvalPin),
    currentShift: () => online.currentShift(),
    openShift: (floatMinor) => online.openShift(floatMinor),
    moveCash: (move) => online.moveCash(move),
    xReport: () => online.xReport(),
    closeShift: (counted) => online.closeShift(counted),
    emailReceipt: (saleId, email) => online.emailReceipt(saleId, email),
    ordersToCollect: (date) => orders.ordersToCollect(date),
    order: (id) => orders.order(id),
    changeOrder: (id, lines) => orders.changeOrder(id, lines),
    collectOrder: (id, tenders) => orders.collectOrder(id, tenders),
    placeOrder: (id, request) => orders.placeOrder(id, request),
    restaurant: (call) => restaurant.restaurant(call),
    cancelOrder: (id) => orders.cancelOrder(id),
    recordExpense: (expense) => deliveries.recordExpense(expense),
    deliveries: () => deliveries.deliveries(),
    setDeliveryStatus: (id, status) => deliveries.setDeliveryStatus(id, status),
    assignCourier: (id, courierId) => deliveries.assignCourier(id, courierId),
    createDelivery: (delivery) => deliveries.createDelivery(delivery),
    issueInvoice: (saleId, buyer) => invoices.issueInvoice(saleId, buyer),
    bookings,
    receiptLink(saleId: string): string | null {
      const key = meta.get(RECEIPT_LINK_KEY);
      if (settings.publicUrl === undefined || key === null) return null;
      const token = receiptLinkToken(Buffer.from(key, "hex"), saleId);
      return token === null ? null : receiptLinkUrl(settings.publicUrl, token);
    },

    journalPrint: (doc, cashierId) => prints.record(doc, cashierId),
    recentPrints: (limit) => prints.recent(limit),
    reprint(key, cashierId) {
      const doc = prints.reprint(key, cashierId);
      const title = doc.type === "receipt" ? doc.receiptNo : `${doc.kind.toUpperCase()} ${doc.number}`;
      trace({
        action: "receipt.reprinted",
        detail: { title, receiptNo: doc.type === "receipt" ? doc.receiptNo : null },
      });
      return doc;
    },

    refusedSales: () => outbox.rejected(),
    exportRefused: (saleId) => exportRefusedSale(outbox, options.dataDir, saleId),
    resendRefused(saleId) {
      resendRefusedSale(outbox, saleId);
      link.refresh();
      drainer.kick();
    },
    trace: (entry) => trace(entry),

    status: () => link.status(),
    subscribe: (listener) => link.subscribe(listener),

    syncNow,
    videoQueue: new VideoQueue(sqlite),
    drainNow: () => (closed ? Promise.resolve() : drainer.drainNow()),
    async close(): Promise<void> {
      if (closed) return;
      closed = true;
      clearInterval(timer);
      watch.close();
      unwatchLink();
      controller.abort();
      await Promise.allSettled([drainer.close(), syncChain]);
      sqlite.close();
    },
  };
  return services;
}
