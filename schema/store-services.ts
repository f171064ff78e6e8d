/**
 * Services (salons, grooming, workshops): a product that is a service with its duration and the
 * staff who perform it, or a package of N visits of a service; commission rules and the
 * commissions earned on sale lines; customers' packages and their visits; bookings.
 */
import { index, integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";

/** A catalog product that is a service (a duration, its staff) or a package of visits of one. */
export const services = sqliteTable("services", {
  /** The product's code (`products.code`). */
  code: text("code").primaryKey(),
  kind: text("kind", { enum: ["service", "package"] }).notNull(),
  /** A service's duration in minutes; null for a package. */
  durationMin: integer("duration_min"),
  /** The users who perform a service (JSON array of ids); empty: any staff member. */
  staffIds: text("staff_ids").notNull(),
  /** A package: the service it pays for and how many visits one unit gives. */
  serviceCode: text("service_code"),
  visits: integer("visits"),
  updatedAt: text("updated_at").notNull(),
  /** Defined at this store, or sent by head office (whose definition wins for the same code). */
  origin: text("origin", { enum: ["store", "hq"] })
    .notNull()
    .default("store"),
});

/** What a staff member earns on a service line: a percent of its net price or a fixed amount. */
export const commissionRules = sqliteTable("commission_rules", {
  id: text("id").primaryKey(),
  /** Null: every staff member. */
  staffId: text("staff_id"),
  /** At most one of a service code or a category; neither: every service. */
  serviceCode: text("service_code"),
  category: text("category"),
  /** A percent as decimal text ("12.5"), or a fixed amount per unit: exactly one of them. */
  percent: text("percent"),
  fixedMinor: integer("fixed_minor"),
  createdAt: text("created_at").notNull(),
  /** Defined at this store, or sent by head office (whose rule wins for the same id). */
  origin: text("origin", { enum: ["store", "hq"] })
    .notNull()
    .default("store"),
});

/** A commission earned on a sale line (one row per line with a staff member). */
export const commissions = sqliteTable(
  "commissions",
  {
    saleId: text("sale_id").notNull(),
    lineNo: integer("line_no").notNull(),
    staffId: text("staff_id").notNull(),
    code: text("code").notNull(),
    /** The line's net price (after discounts, without tax) the commission was taken on. */
    baseMinor: integer("base_minor").notNull(),
    commissionMinor: integer("commission_minor").notNull(),
    /** The rule applied; null: no rule matched (the commission is 0). */
    ruleId: text("rule_id"),
    shiftId: text("shift_id"),
    at: text("at").notNull(),
    day: text("day").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.saleId, t.lineNo] }),
    index("commissions_day").on(t.day),
    index("commissions_shift").on(t.shiftId),
  ],
);

/** A customer's package of visits, made by the sale line that sold it. */
export const customerPackages = sqliteTable(
  "customer_packages",
  {
    id: text("id").primaryKey(),
    customerId: text("customer_id").notNull(),
    packageCode: text("package_code").notNull(),
    serviceCode: text("service_code").notNull(),
    visitsTotal: integer("visits_total").notNull(),
    visitsLeft: integer("visits_left").notNull(),
    saleId: text("sale_id").notNull(),
    lineNo: integer("line_no").notNull(),
    createdAt: text("created_at").notNull(),
  },
  (t) => [index("customer_packages_customer").on(t.customerId)],
);

/** A visit paid by a package: the sale line that used it. */
export const packageVisits = sqliteTable(
  "package_visits",
  {
    saleId: text("sale_id").notNull(),
    lineNo: integer("line_no").notNull(),
    packageId: text("package_id").notNull(),
    at: text("at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.saleId, t.lineNo] }), index("package_visits_package").on(t.packageId)],
);

/** A booking of a service with a staff member; `end` is `start` plus the service's duration. */
export const bookings = sqliteTable(
  "bookings",
  {
    id: text("id").primaryKey(),
    serviceCode: text("service_code").notNull(),
    staffId: text("staff_id").notNull(),
    customerId: text("customer_id"),
    start: text("start").notNull(),
    end: text("end").notNull(),
    status: text("status", { enum: ["booked", "checked_in", "cancelled", "no_show"] }).notNull(),
    /** The sale a check-in's lines were rung on, when the till says it. */
    saleId: text("sale_id"),
    /** The hash of the booking request: a repeat of the same id and body answers the booking. */
    requestHash: text("request_hash").notNull(),
    createdAt: text("created_at").notNull(),
    updatedAt: text("updated_at").notNull(),
  },
  (t) => [index("bookings_staff_start").on(t.staffId, t.start), index("bookings_customer").on(t.customerId)],
);

export const servicesSchema = {
  services,
  commissionRules,
  commissions,
  customerPackages,
  packageVisits,
  bookings,
};
