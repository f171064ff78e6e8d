/** `ringup doctor`: every check of the mode, printed one per line or as JSON; exit code 1 on a FAIL. */
import type { CliIo } from "../../shared/cli-io.ts";
import { hqJournalCheck } from "./hq-journal-check.ts";
import { databaseChecks, diskCheck, tlsChecks } from "./local-checks.ts";
import { clockCheck, deviceChecks, natsChecks } from "./network-checks.ts";
import { type CheckResult, type DoctorReport, errorText, fail, formatCheck, ok, reportOf } from "./report.ts";
import { type DoctorOptions, loadSetup } from "./setup.ts";

export async function diagnose(o: DoctorOptions, now: () => Date = () => new Date()): Promise<DoctorReport> {
  let setup: Awaited<ReturnType<typeof loadSetup>>;
  try {
    setup = await loadSetup(o);
  } catch (err) {
    return reportOf([
      fail(
        "config",
        errorText(err),
        "correct the configuration as the message says, then run ringup doctor again",
      ),
    ]);
  }
  const checks: CheckResult[] = [
    ok(
      "config",
      `${setup.mode} configuration${o.config ? ` ${o.config}` : ""} is valid (data: ${setup.options.data})`,
    ),
    ...databaseChecks(setup),
    diskCheck(setup),
  ];
  const [clock, nats, devices, hqJournal] = await Promise.all([
    clockCheck(setup),
    natsChecks(setup),
    deviceChecks(setup),
    hqJournalCheck(setup),
  ]);
  checks.push(...hqJournal, clock, ...nats, ...tlsChecks(setup, now()), ...devices);
  return reportOf(checks);
}

export async function runDoctor(o: DoctorOptions & { json: boolean }, io: CliIo): Promise<void> {
  const report = await diagnose(o);
  if (o.json) io.out(JSON.stringify(report));
  else for (const c of report.checks) io.out(formatCheck(c));
  if (!report.ok) process.exitCode = 1;
}
