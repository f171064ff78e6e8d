/**
 * Commissions by staff member (a period's, or a shift's for its report) and a customer's service
 * card: their packages, the service lines sold to them and their bookings. Exact minor units.
 */
import { and, asc, desc, eq, gte, isNotNull, lte, or, type SQL, sql } from "drizzle-orm";
import {
  bookings,
  commissions,
  customerPackages,
  packageVisits,
  saleLines,
  sales,
  services,
  users,
} from "../../../schema/store.ts";
import type { CommissionsAnswer, ServiceCard, StaffCommission } from "../../api/store/services.ts";
import type { StoreContext, StoreDb, StoreTx } from "../context.ts";
import { bookingsOf } from "./bookings.ts";

/** Commissions summed by staff member, by staff id. */
export function commissionsBy(db: StoreDb | StoreTx, where: SQL | undefined): StaffCommission[] {
  return db
    .select({
      staffId: commissions.staffId,
      staffName: users.name,
      lines: sql<number>`count(*)`,
      baseMinor: sql<number>`coalesce(sum(${commissions.baseMinor}), 0)`,
      commissionMinor: sql<number>`coalesce(sum(${commissions.commissionMinor}), 0)`,
    })
    .from(commissions)
    .leftJoin(users, eq(users.id, commissions.staffId))
    .where(where)
    .groupBy(commissions.staffId)
    .orderBy(asc(commissions.staffId))
    .all();
}

/** A shift's commissions, for its X and Z reports (absent when none was earned). */
export function shiftCommissions(
  db: StoreDb | StoreTx,
  shiftId: string,
): { commissions?: StaffCommission[] } {
  const rows = commissionsBy(db, eq(commissions.shiftId, shiftId));
  return rows.length === 0 ? {} : { commissions: rows };
}

export function commissionsReport(
  ctx: StoreContext,
  query: { from: string; to: string; staffId?: string | undefined },
): CommissionsAnswer {
  const conditions = [gte(commissions.day, query.from), lte(commissions.day, query.to)];
  if (query.staffId !== undefined) conditions.push(eq(commissions.staffId, query.staffId));
  const staff = commissionsBy(ctx.db, and(...conditions));
  return {
    from: query.from,
    to: query.to,
    currency: ctx.settings.currency,
    staff,
    commissionMinor: staff.reduce((sum, s) => sum + s.commissionMinor, 0),
  };
}

const VISIT_LIMIT = 200;

export function serviceCard(ctx: StoreContext, customerId: string): ServiceCard {
  const packages = ctx.db
    .select()
    .from(customerPackages)
    .where(eq(customerPackages.customerId, customerId))
    .orderBy(desc(customerPackages.createdAt))
    .all()
    .map((p) => ({
      id: p.id,
      packageCode: p.packageCode,
      serviceCode: p.serviceCode,
      visitsTotal: p.visitsTotal,
      visitsLeft: p.visitsLeft,
      saleId: p.saleId,
      createdAt: p.createdAt,
    }));
  // The customer's service lines: a line of a service, with a staff member, or paid by a package.
  const visits = ctx.db
    .select({
      saleId: sales.id,
      at: sales.at,
      code: saleLines.code,
      name: saleLines.name,
      staffId: commissions.staffId,
      totalMinor: saleLines.totalMinor,
      packageId: packageVisits.packageId,
    })
    .from(saleLines)
    .innerJoin(sales, eq(sales.id, saleLines.saleId))
    .leftJoin(services, eq(services.code, saleLines.code))
    .leftJoin(
      commissions,
      and(eq(commissions.saleId, saleLines.saleId), eq(commissions.lineNo, saleLines.lineNo)),
    )
    .leftJoin(
      packageVisits,
      and(eq(packageVisits.saleId, saleLines.saleId), eq(packageVisits.lineNo, saleLines.lineNo)),
    )
    .leftJoin(customerPackages, eq(customerPackages.id, packageVisits.packageId))
    .where(
      and(
        // The customer's sales, and visits their packages paid for on a sale without a customer.
        or(eq(sales.customerId, customerId), eq(customerPackages.customerId, customerId)),
        or(isNotNull(services.code), isNotNull(commissions.staffId), isNotNull(packageVisits.packageId)),
      ),
    )
    .orderBy(desc(sales.at), desc(sales.id), asc(saleLines.lineNo))
    .limit(VISIT_LIMIT)
    .all();
  return {
    customerId,
    packages,
    visits,
    bookings: bookingsOf(ctx.db, eq(bookings.customerId, customerId)).reverse(),
  };
}
