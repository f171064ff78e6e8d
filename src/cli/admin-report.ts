/** `ringup admin report daily` and `journal verify`: fetch, check, print (or JSON). */
import { z } from "zod";
import { storeRoutes } from "../api/store/routes.ts";
import { currencyExponent, minorToDecimalString } from "../core/money.ts";
import type { CliIo } from "../shared/cli-io.ts";
import { type AdminClient, AdminError } from "./admin-client.ts";

const money = z.number().int();

export const dailyReportSchema = z.object({
  date: z.string(),
  currency: z.string().default("USD"),
  salesCount: z.number().int(),
  returnsCount: z.number().int().default(0),
  voidedCount: z.number().int().default(0),
  grossMinor: money,
  discountMinor: money,
  taxMinor: money,
  netMinor: money,
  totalMinor: money,
  byTender: z.record(z.string(), money),
  byTaxClass: z.array(
    z.object({ taxClass: z.string(), rate: z.string(), baseMinor: money, taxMinor: money }),
  ),
});
export type DailyReport = z.infer<typeof dailyReportSchema>;

const WIDTH = 36;

/** The daily report as a plain table that fits 80 columns. */
export function formatDailyReport(r: DailyReport): string {
  let exponent = 2;
  try {
    exponent = currencyExponent(r.currency);
  } catch {
    // An unknown currency prints with two decimals.
  }
  const amount = (minor: number) => minorToDecimalString(minor, exponent);
  const row = (label: string, value: string, indent = 2) =>
    `${" ".repeat(indent)}${label.padEnd(WIDTH - indent - value.length - 1)} ${value}`;
  const lines = [
    `Daily report ${r.date} (${r.currency})`,
    "",
    row("Sales", String(r.salesCount)),
    row("Returns", String(r.returnsCount)),
    row("Voided sales", String(r.voidedCount)),
    "",
    row("Gross", amount(r.grossMinor)),
    row("Discounts", amount(-r.discountMinor)),
    row("Net", amount(r.netMinor)),
    row("Tax", amount(r.taxMinor)),
    row("Total", amount(r.totalMinor)),
    "",
    "  By tender",
  ];
  const tenders = Object.entries(r.byTender).sort(([a], [b]) => a.localeCompare(b));
  if (tenders.length === 0) lines.push("    (none)");
  for (const [type, minor] of tenders) lines.push(row(type, amount(minor), 4));
  lines.push(
    "",
    `  ${"By tax class".padEnd(14)}${"rate".padStart(8)}${"base".padStart(12)}${"tax".padStart(12)}`,
  );
  if (r.byTaxClass.length === 0) lines.push("    (none)");
  for (const t of r.byTaxClass) {
    lines.push(
      `    ${t.taxClass.padEnd(12)}${`${t.rate}%`.padStart(8)}${amount(t.baseMinor).padStart(12)}${amount(t.taxMinor).padStart(12)}`,
    );
  }
  return lines.join("\n");
}

export async function runDailyReport(
  client: AdminClient,
  date: string,
  json: boolean,
  io: CliIo,
): Promise<void> {
  const report = await client.request(storeRoutes["GET /api/v1/reports/daily"], { query: { date } });
  io.out(json ? JSON.stringify(report, null, 2) : formatDailyReport(report));
}

export const verifyResultSchema = z.object({
  ok: z.boolean(),
  events: z.number().int(),
  lastSeq: z.number().int(),
  lastHash: z.string().nullable(),
  problem: z
    .object({ kind: z.string(), seq: z.number().int(), eventId: z.string().nullable(), message: z.string() })
    .optional(),
});

export async function runJournalVerify(client: AdminClient, json: boolean, io: CliIo): Promise<void> {
  const result = await client.request(storeRoutes["GET /api/v1/journal/verify"], {
    timeoutMs: 10 * 60_000,
  });
  // The store compares its journal with head office's applied pointer: a chain that verifies
  // but is shorter than (or forked from) what head office applied is not OK.
  const diverged = (await client.request(storeRoutes["GET /health"], { timeoutMs: 10_000 })).diverged;
  if (json) io.out(JSON.stringify(diverged ? { ...result, ok: false, diverged } : result, null, 2));
  if (result.ok && diverged) {
    if (!json)
      io.out(
        `journal FAILED: ${result.events.toLocaleString("en-US")} events, head office applied ${diverged.hqSeq}`,
      );
    throw new AdminError(
      `${diverged.kind === "behind" ? `the journal is shorter than what head office applied (${result.lastSeq} < ${diverged.hqSeq})` : "the journal differs from what head office applied"}: ${diverged.message}\n  fix: ${diverged.fix}`,
    );
  }
  if (result.ok) {
    if (!json) {
      const hash = result.lastHash ? `, last hash ${result.lastHash.slice(0, 16)}…` : "";
      io.out(`journal OK: ${result.events.toLocaleString("en-US")} events, hash chain intact${hash}`);
    }
    return;
  }
  const p = result.problem;
  if (!json) io.out(`journal FAILED at event ${p?.seq ?? result.lastSeq + 1}`);
  throw new AdminError(
    `journal verification failed: ${p?.message ?? "the hash chain is broken"}\n  ${result.events.toLocaleString("en-US")} events before it are intact; keep a copy of the store database for investigation`,
  );
}
