/**
 * Head office's customers and their accounts: profiles, questionnaire fields, groups, cards,
 * the append-only account ledger (points and money, one balance per card and unit kept beside
 * it in the same transaction), redemption holds, the loyalty programme and the customer
 * notification outbox. Money in integer minor units, times ISO 8601 UTC.
 */
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { customerContactColumns } from "./columns.ts";

export const customers = sqliteTable(
  "customers",
  {
    id: text("id").primaryKey(),
    ...customerContactColumns(),
    address: text("address"),
    /** JSON object: consent name → given (e.g. `{"email": true}`). */
    consents: text("consents").notNull().default("{}"),
    /** JSON object: questionnaire field id → answer. */
    fields: text("fields").notNull().default("{}"),
    notes: text("notes"),
    /** Set when this customer was merged into another: the one that carries on. */
    mergedInto: text("merged_into"),
    /** Set when the customer's personal data was erased on request. */
    erasedAt: text("erased_at"),
    createdAt: text("created_at").notNull(),
    updatedAt: text("updated_at").notNull(),
  },
  (t) => [
    index("customers_name_key").on(t.nameKey),
    index("customers_phone").on(t.phone),
    index("customers_email").on(t.email),
  ],
);

/** Questionnaire fields head office defines; a customer's answers live in `customers.fields`. */
export const customerFields = sqliteTable("customer_fields", {
  id: text("id").primaryKey(),
  label: text("label").notNull(),
  type: text("type", { enum: ["text", "number", "boolean", "date", "choice"] }).notNull(),
  /** JSON array of allowed answers (type choice). */
  choices: text("choices"),
  createdAt: text("created_at").notNull(),
});

export const customerGroups = sqliteTable("customer_groups", {
  id: text("id").primaryKey(),
  name: text("name").notNull(),
  /** Discount in basis points (5.5% = 550); null for none. */
  discountBp: integer("discount_bp"),
  /** JSON rule that makes members (see docs/customers.md); null: members by hand only. */
  rule: text("rule"),
  createdAt: text("created_at").notNull(),
  updatedAt: text("updated_at").notNull(),
});

export const customerGroupMembers = sqliteTable(
  "customer_group_members",
  {
    groupId: text("group_id").notNull(),
    customerId: text("customer_id").notNull(),
    /** `hand`: put there by a person; `rule`: by the group's rule (recomputed). */
    source: text("source", { enum: ["hand", "rule"] }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.groupId, t.customerId] }),
    index("customer_group_members_customer").on(t.customerId),
  ],
);

export const cards = sqliteTable(
  "cards",
  {
    number: text("number").primaryKey(),
    kind: text("kind", { enum: ["loyalty", "gift"] }).notNull(),
    customerId: text("customer_id"),
    blockedAt: text("blocked_at"),
    /** The card that replaced this one. */
    replacedBy: text("replaced_by"),
    expiresAt: text("expires_at"),
    createdAt: text("created_at").notNull(),
  },
  (t) => [index("cards_customer").on(t.customerId)],
);

/**
 * The append-only ledger: one row per movement of a card's points or money, never updated.
 * `key` makes each movement happen once (e.g. `sale:<saleId>`, `redemption:<id>`).
 */
export const accountEntries = sqliteTable(
  "account_entries",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    key: text("key").notNull(),
    card: text("card").notNull(),
    unit: text("unit", { enum: ["points", "money", "account"] }).notNull(),
    type: text("type", {
      enum: [
        "issue",
        "earn",
        "redeem",
        "expire",
        "adjust",
        "transfer",
        "refund",
        "limit",
        "payment",
        "reverse",
        "load",
      ],
    }).notNull(),
    /** Signed: credits positive, debits negative (points, or minor units of money). */
    amount: integer("amount").notNull(),
    /** A credit's expiry (points), or null. */
    expiresAt: text("expires_at"),
    storeId: text("store_id"),
    saleId: text("sale_id"),
    note: text("note"),
    at: text("at").notNull(),
  },
  (t) => [uniqueIndex("account_entries_key").on(t.key), index("account_entries_card").on(t.card, t.unit)],
);

/** Each card's balance per unit: the sum of its ledger rows, kept in the same transaction. */
export const accountBalances = sqliteTable(
  "account_balances",
  {
    card: text("card").notNull(),
    unit: text("unit", { enum: ["points", "money", "account"] }).notNull(),
    balance: integer("balance").notNull(),
  },
  (t) => [primaryKey({ columns: [t.card, t.unit] })],
);

/** Redemptions authorised for a store: the amount is held until committed or released. */
export const redemptions = sqliteTable(
  "redemptions",
  {
    id: text("id").primaryKey(),
    card: text("card").notNull(),
    unit: text("unit", { enum: ["points", "money", "account"] }).notNull(),
    /** Points, or minor units of money, held. */
    amount: integer("amount").notNull(),
    /** What the held amount is worth in money (minor units). */
    valueMinor: integer("value_minor").notNull(),
    storeId: text("store_id").notNull(),
    saleId: text("sale_id"),
    status: text("status", { enum: ["held", "committed", "released"] }).notNull(),
    /** The request as first received (canonical JSON), to tell a retry from a reused id. */
    request: text("request").notNull(),
    createdAt: text("created_at").notNull(),
    updatedAt: text("updated_at").notNull(),
  },
  (t) => [index("redemptions_card_status").on(t.card, t.status)],
);

/** The loyalty programme (one row, id 1): the `PUT /loyalty` body as JSON. */
export const loyaltyProgram = sqliteTable("loyalty_program", {
  id: integer("id").primaryKey(),
  program: text("program").notNull(),
  updatedAt: text("updated_at").notNull(),
});

/** Customer notifications waiting for the webhook (deleted once delivered or given up). */
export const customerNotificationOutbox = sqliteTable(
  "customer_notification_outbox",
  {
    deliveryId: text("delivery_id").primaryKey(),
    event: text("event").notNull(),
    customerId: text("customer_id"),
    body: text("body").notNull(),
    attempts: integer("attempts").notNull().default(0),
    nextAt: text("next_at").notNull(),
    lastError: text("last_error"),
    createdAt: text("created_at").notNull(),
  },
  (t) => [index("customer_notification_outbox_next").on(t.nextAt)],
);

export const hqCustomersSchema = {
  customers,
  customerFields,
  customerGroups,
  customerGroupMembers,
  cards,
  accountEntries,
  accountBalances,
  redemptions,
  loyaltyProgram,
  customerNotificationOutbox,
};
