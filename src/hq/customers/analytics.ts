/**
 * Customer analytics from the sales head office holds (a sale counts for its customer, or for
 * the customer it was merged into): visits, spend, recency, frequency and lifetime value per
 * customer, activity per group, and the points and money the chain owes on cards.
 */
import type { CustomerReportQuery } from "../../api/hq/customers.ts";
import type { HqContext } from "../context.ts";
import { AccountsService } from "./accounts.ts";

const DAY_MS = 86_400_000;

/** Sales (+) and returns (−) with the customer they count for. */
const DOCS = `
  SELECT coalesce(c.merged_into, s.customer_id) AS cid, s.store_id AS store, s.day AS day, s.total_minor AS amount, 1 AS visit
  FROM hq_sales s LEFT JOIN customers c ON c.id = s.customer_id
  WHERE s.customer_id IS NOT NULL AND s.status = 'completed'
  UNION ALL
  SELECT coalesce(c.merged_into, r.customer_id), r.store_id, r.day, -r.total_minor, 0
  FROM hq_returns r LEFT JOIN customers c ON c.id = r.customer_id
  WHERE r.customer_id IS NOT NULL`;

interface Row {
  cid: string;
  name: string | null;
  visits: number;
  spend: number;
  lifetimeVisits: number;
  lifetimeSpend: number;
  firstDay: string | null;
  lastDay: string | null;
}

export class CustomerAnalytics {
  constructor(private readonly ctx: HqContext) {}

  customers(q: CustomerReportQuery) {
    const order = {
      spend: "spend DESC",
      visits: "visits DESC",
      recency: "lastDay DESC",
      lifetime: "lifetimeSpend DESC",
    }[q.sort];
    const rows = this.ctx.sqlite
      .query<Row, [string, string, string | null, number]>(
        `WITH docs AS (${DOCS}), per AS (
         SELECT d.cid AS cid, c.name AS name,
           sum(CASE WHEN d.day BETWEEN ?1 AND ?2 AND (CAST(?3 AS TEXT) IS NULL OR d.store = ?3) THEN d.visit ELSE 0 END) AS visits,
           sum(CASE WHEN d.day BETWEEN ?1 AND ?2 AND (CAST(?3 AS TEXT) IS NULL OR d.store = ?3) THEN d.amount ELSE 0 END) AS spend,
           sum(CASE WHEN d.day <= ?2 THEN d.visit ELSE 0 END) AS lifetimeVisits,
           sum(CASE WHEN d.day <= ?2 THEN d.amount ELSE 0 END) AS lifetimeSpend,
           min(CASE WHEN d.visit = 1 AND d.day <= ?2 THEN d.day END) AS firstDay,
           max(CASE WHEN d.visit = 1 AND d.day <= ?2 THEN d.day END) AS lastDay
         FROM docs d LEFT JOIN customers c ON c.id = d.cid
         GROUP BY d.cid, c.name)
         SELECT * FROM per WHERE visits > 0 OR spend != 0
         ORDER BY ${order}, cid
         LIMIT ?4`,
      )
      .all(q.from, q.to, q.storeId ?? null, q.limit);
    const end = Date.parse(`${q.to}T00:00:00Z`);
    return {
      from: q.from,
      to: q.to,
      customers: rows.map((r) => {
        const span =
          r.firstDay === null ? 1 : Math.max(1, (end - Date.parse(`${r.firstDay}T00:00:00Z`)) / DAY_MS + 1);
        return {
          customerId: r.cid,
          name: r.name,
          visits: r.visits,
          spendMinor: r.spend,
          averageBasketMinor: r.visits > 0 ? Math.round(r.spend / r.visits) : 0,
          lastVisit: r.lastDay,
          recencyDays:
            r.lastDay === null ? null : Math.round((end - Date.parse(`${r.lastDay}T00:00:00Z`)) / DAY_MS),
          visitsPer30Days: Math.round((r.lifetimeVisits / span) * 30 * 100) / 100,
          lifetimeVisits: r.lifetimeVisits,
          lifetimeSpendMinor: r.lifetimeSpend,
        };
      }),
    };
  }

  groups(q: { from: string; to: string }) {
    const rows = this.ctx.sqlite
      .query<
        { id: string; name: string; members: number; active: number; visits: number; spend: number },
        [string, string]
      >(
        `WITH docs AS (${DOCS}),
         per AS (SELECT cid, sum(visit) AS visits, sum(amount) AS spend FROM docs WHERE day BETWEEN ?1 AND ?2 GROUP BY cid)
         SELECT g.id AS id, g.name AS name, count(m.customer_id) AS members,
           count(p.cid) AS active, coalesce(sum(p.visits), 0) AS visits, coalesce(sum(p.spend), 0) AS spend
         FROM customer_groups g
         LEFT JOIN customer_group_members m ON m.group_id = g.id
         LEFT JOIN per p ON p.cid = m.customer_id
         GROUP BY g.id ORDER BY spend DESC, g.id`,
      )
      .all(q.from, q.to);
    return {
      from: q.from,
      to: q.to,
      groups: rows.map((r) => ({
        id: r.id,
        name: r.name,
        members: r.members,
        activeMembers: r.active,
        visits: r.visits,
        spendMinor: r.spend,
      })),
    };
  }

  /** What the chain owes on cards that are not blocked (a replaced card's balance moved on). */
  liability() {
    const row = this.ctx.sqlite
      .query<{ points: number; money: number; cards: number }, []>(
        `SELECT coalesce(sum(CASE WHEN b.unit = 'points' THEN b.balance END), 0) AS points,
           coalesce(sum(CASE WHEN b.unit = 'money' THEN b.balance END), 0) AS money,
           count(DISTINCT CASE WHEN b.balance != 0 THEN b.card END) AS cards
         FROM account_balances b JOIN cards c ON c.number = b.card WHERE c.blocked_at IS NULL`,
      )
      .get() ?? { points: 0, money: 0, cards: 0 };
    const held = this.ctx.sqlite
      .query<{ unit: string; amount: number }, []>(
        "SELECT unit, coalesce(sum(amount), 0) AS amount FROM redemptions WHERE status = 'held' GROUP BY unit",
      )
      .all();
    const program = this.ctx.db.transaction((tx) => new AccountsService(this.ctx).program(tx));
    return {
      points: row.points,
      pointsValueMinor: row.points * (program?.pointValueMinor ?? 0),
      moneyMinor: row.money,
      heldPoints: held.find((h) => h.unit === "points")?.amount ?? 0,
      heldMinor: held.find((h) => h.unit === "money")?.amount ?? 0,
      cards: row.cards,
    };
  }
}
