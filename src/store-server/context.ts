/** What every store feature needs: the database, the store's identity and settings, a clock. */
import type { Database } from "bun:sqlite";
import type { BunSQLiteDatabase } from "drizzle-orm/bun-sqlite";
import type { storeSchema } from "../../schema/store.ts";
import type { NotificationsConfig } from "../api/store/notifications.ts";
import type { OpenLabelPrinter } from "../core/labels/index.ts";
import type { PricingSettings } from "../core/pricing.ts";
import type { OpenLabelScale } from "../core/scales/scale-port.ts";
import type { StoreSettings } from "../core/settings.ts";
import type { SigningKey } from "./archive/signing-key.ts";
import type { AccountsLink } from "./card-tenders/accounts-link.ts";
import type { HqLink } from "./hq-link/hq-link.ts";

export type StoreDb = BunSQLiteDatabase<typeof storeSchema>;
/** A drizzle transaction on the store database (same query API as StoreDb). */
export type StoreTx = Parameters<Parameters<StoreDb["transaction"]>[0]>[0];

export interface StoreContext {
  sqlite: Database;
  db: StoreDb;
  storeId: string;
  settings: StoreSettings;
  pricing: PricingSettings;
  now: () => Date;
  /** The key of the PINs' lookup tags, read from `pin.key` beside the database (never kept in it). */
  pinKey: Buffer;
  /** The key of receipts' links (`/r/<token>`), read from `receipt-link.key` beside the database. */
  receiptLinkKey: Buffer;
  /** The Ed25519 key that signs the store's archives, read from `archive-signing.key` beside the database. */
  signingKey: SigningKey;
  /** Head office's API, for look-ups only it can answer (another store's sale); absent when not configured. */
  hq?: HqLink;
  /** Head office's account server (card tenders, earnings); absent when not configured. */
  accounts?: AccountsLink;
  /** The notification webhook (`[notifications]` in the config); absent: no e-mail receipts. */
  notifications?: NotificationsConfig;
  /** Tells the notification sender a delivery was queued. */
  wakeNotifications?: () => void;
  /** The web shop's webhooks at work (absent in tests of the app alone: deliveries then wait in the outbox). */
  webhooks?: { sync(): void };
  /** Customer orders: may an order reserve more than is available (`[orders]` in the config)? */
  orders?: { allowOverReservation: boolean };
  /** Tells the kitchen printers a ticket was queued (absent in tests of the app alone: tickets wait in the queue). */
  wakeKitchenPrinters?: () => void;
  /** The certificate served over HTTPS: its SHA-256 is answered to tills when they pair. */
  tls?: { sha256: string };
  /** Opens a label printer by URI (the device drivers, handed over at start); absent: no label printing. */
  labelPrinters?: OpenLabelPrinter;
  /** Opens a label scale (handed in by the CLI: the store server never imports a device). */
  labelScales?: OpenLabelScale;
}

export function pricingSettingsOf(settings: StoreSettings): PricingSettings {
  return {
    currency: settings.currency,
    pricesIncludeTax: settings.pricesIncludeTax,
    taxRounding: settings.taxRounding,
    roundingMode: settings.roundingMode,
    cashRoundingMinor: settings.cashRoundingMinor,
    cashRoundingScope: settings.cashRoundingScope,
    taxClasses: settings.taxClasses,
  };
}
