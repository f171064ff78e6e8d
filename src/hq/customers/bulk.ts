/**
 * Customer imports (`POST /customers/bulk`, used by `ringup hq customers import`): each row is
 * checked and upserted by id on its own (a bad row is reported with its line and changes
 * nothing), all in one transaction; importing the same file again changes nothing.
 */
import type { z } from "zod";
import { type BulkCustomersAnswer, customerIdSchema, customerInputSchema } from "../../api/hq/customers.ts";
import type { CatalogChange } from "../../core/catalog-changes.ts";
import { DomainError } from "../../core/errors.ts";
import { publishCommitted } from "../catalog/service.ts";
import type { HqContext } from "../context.ts";
import type { CustomersService } from "./service.ts";

const importRowSchema = customerInputSchema.extend({ id: customerIdSchema });

function issues(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.join(".") || "row"}: ${i.message}`).join("; ");
}

export function importCustomers(
  ctx: HqContext,
  service: CustomersService,
  rows: readonly ({ line?: number | undefined } & Record<string, unknown>)[],
): BulkCustomersAnswer {
  const now = ctx.now();
  const answer: BulkCustomersAnswer = { created: 0, updated: 0, unchanged: 0, errors: [] };
  const changes: CatalogChange[] = [];
  ctx.db.transaction((tx) => {
    for (const [i, raw] of rows.entries()) {
      const { line, ...fields } = raw;
      const at = line ?? i + 1;
      if (fields.id === undefined) {
        answer.errors.push({
          line: at,
          id: null,
          reason: "id: an imported customer needs an id, so a second import updates it",
        });
        continue;
      }
      const parsed = importRowSchema.safeParse(fields);
      if (!parsed.success) {
        answer.errors.push({
          line: at,
          id: typeof fields.id === "string" ? fields.id : null,
          reason: issues(parsed.error),
        });
        continue;
      }
      try {
        const { outcome, change } = tx.transaction((row) => service.upsertInTx(row, parsed.data, now));
        answer[outcome] += 1;
        if (change) changes.push(change);
      } catch (err) {
        if (!(err instanceof DomainError)) throw err;
        answer.errors.push({ line: at, id: parsed.data.id, reason: `${err.code}: ${err.message}` });
      }
    }
  });
  publishCommitted(ctx, changes);
  return answer;
}
