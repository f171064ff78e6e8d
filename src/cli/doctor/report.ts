/**
 * The doctor's report: each check OK, WARN or FAIL with what to do. The JSON of
 * `ringup doctor --json` is this schema; the human form is one line per check.
 */
import { z } from "zod";

export const CHECK_STATUSES = ["OK", "WARN", "FAIL"] as const;
export type CheckStatus = (typeof CHECK_STATUSES)[number];

export const checkResultSchema = z.object({
  name: z.string(),
  status: z.enum(CHECK_STATUSES),
  message: z.string(),
  /** What to do about a WARN or a FAIL. */
  fix: z.string().optional(),
});
export type CheckResult = z.infer<typeof checkResultSchema>;

export const doctorReportSchema = z.object({
  /** No check failed (warnings allowed). */
  ok: z.boolean(),
  checks: z.array(checkResultSchema),
});
export type DoctorReport = z.infer<typeof doctorReportSchema>;

export const ok = (name: string, message: string): CheckResult => ({ name, status: "OK", message });
export const warn = (name: string, message: string, fix: string): CheckResult => ({
  name,
  status: "WARN",
  message,
  fix,
});
export const fail = (name: string, message: string, fix: string): CheckResult => ({
  name,
  status: "FAIL",
  message,
  fix,
});

export function reportOf(checks: readonly CheckResult[]): DoctorReport {
  return doctorReportSchema.parse({ ok: checks.every((c) => c.status !== "FAIL"), checks });
}

/** One line per check: `FAIL  nats: … Fix: …`. */
export function formatCheck(c: CheckResult): string {
  return `${c.status.padEnd(4)}  ${c.name}: ${c.message}${c.fix ? `. Fix: ${c.fix}` : ""}`;
}

export function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
