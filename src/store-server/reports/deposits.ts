/**
 * Deposits in the day's figures: collected on deposit lines of completed sales, refunded on
 * returned empties (`depositReturn` lines, counted here as a positive amount), and the net.
 * The amounts are line totals (after tax where prices include it, before tax added on top).
 */
import type { Database } from "bun:sqlite";

import type { DepositFigures } from "../../api/store/reports.ts";

export type { DepositFigures } from "../../api/store/reports.ts";

const DEPOSITS = `SELECT
  coalesce(sum(CASE WHEN l.kind = 'deposit' THEN l.total_minor END), 0) AS collected,
  coalesce(-sum(CASE WHEN l.kind = 'depositReturn' THEN l.total_minor END), 0) AS refunded
  FROM sale_lines l JOIN sales s ON s.id = l.sale_id
  WHERE s.day BETWEEN ?1 AND ?2 AND s.status = 'completed' AND l.kind IS NOT NULL`;

export function depositFigures(sqlite: Database, from: string, to: string): DepositFigures {
  const row = sqlite.query<{ collected: number; refunded: number }, [string, string]>(DEPOSITS).get(from, to);
  const collectedMinor = row?.collected ?? 0;
  const refundedMinor = row?.refunded ?? 0;
  return { collectedMinor, refundedMinor, netMinor: collectedMinor - refundedMinor };
}
