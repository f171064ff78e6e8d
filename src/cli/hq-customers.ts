/**
 * `ringup hq customers import FILE [--format csv|corepos]`: reads customers from a CSV file (see
 * customer-rows.ts) and sends them to head office in batches (`POST /customers/bulk`), with
 * progress on stderr and every bad row named by its line. Rows upsert by id, so importing the
 * same file again changes nothing. Fails (exit 1) when any row was refused.
 */
import { hqRoutes } from "../api/hq/routes.ts";
import type { CliIo } from "../shared/cli-io.ts";
import { readCsvRecords } from "../store-server/imports/csv-records.ts";
import { AdminClient, AdminError } from "./admin-client.ts";
import { type RowProblem, rowsFromCorepos, rowsFromCsv } from "./customer-rows.ts";
import type { AdminOptions } from "./options.ts";

const BATCH = 1_000;

export async function importCustomersFile(
  options: AdminOptions,
  file: string,
  how: { format: "csv" | "corepos"; memberGroup?: string; members?: boolean },
  io: CliIo,
): Promise<void> {
  const source = Bun.file(file);
  if (!(await source.exists())) throw new AdminError(`no file ${file}`);
  const text = await source.text();
  const csv = readCsvRecords(text);
  const { rows, problems, members } =
    how.format === "corepos"
      ? rowsFromCorepos(csv.records, { memberGroup: how.memberGroup })
      : { ...rowsFromCsv(csv.records), members: [] };
  const errors: RowProblem[] = [
    ...csv.errors.map((e) => ({ line: e.line ?? 0, reason: e.reason })),
    ...problems,
  ];
  const ca = options.ca === undefined ? undefined : await Bun.file(options.ca).text();
  const client = new AdminClient(options.server, options.token, undefined, ca);
  if ((await client.mode()) !== "hq")
    throw new AdminError(`${options.server} is not head office: customers are head office's`);
  const totals = { created: 0, updated: 0, unchanged: 0 };
  for (let i = 0; i < rows.length; i += BATCH) {
    const batch = rows.slice(i, i + BATCH);
    const answer = await client.request(hqRoutes["POST /api/v1/customers/bulk"], {
      body: { customers: batch },
    });
    totals.created += answer.created;
    totals.updated += answer.updated;
    totals.unchanged += answer.unchanged;
    errors.push(...answer.errors.map((e) => ({ line: e.line ?? 0, reason: e.reason })));
    io.err(`customers: ${Math.min(i + BATCH, rows.length)}/${rows.length} rows sent`);
  }
  // Co-op members (corepos, --members): the number set; the date and equity head office has are kept.
  let membersSet = 0;
  if (how.members === true) {
    for (const member of members) {
      await client.request(hqRoutes["PUT /api/v1/customers/:id/member"], {
        params: { id: member.id },
        body: { number: member.number },
      });
      membersSet++;
    }
  }
  errors.sort((a, b) => a.line - b.line);
  if (options.json)
    io.out(
      JSON.stringify(
        { ...totals, errors, ...(how.members === true ? { members: membersSet } : {}) },
        null,
        2,
      ),
    );
  else {
    for (const e of errors) io.out(`line ${e.line}: ${e.reason}`);
    io.out(
      `${totals.created} created, ${totals.updated} updated, ${totals.unchanged} unchanged, ${errors.length} refused`,
    );
    if (how.members === true) io.out(`${membersSet} members`);
  }
  if (errors.length > 0) throw new AdminError(`${errors.length} row(s) of ${file} were refused (see above)`);
}
