/**
 * Head office's questionnaire fields: defined once (`POST /customer-fields`), answered per
 * customer in `fields`. An answer must fit its field's type; null clears it.
 */
import { asc, eq } from "drizzle-orm";
import { customerFields } from "../../../schema/hq.ts";
import type { FieldInput } from "../../api/hq/customers.ts";
import type { HqDb, HqTx } from "../context.ts";
import { CustomerError } from "./errors.ts";

export type Answer = string | number | boolean | null;

export interface FieldDef {
  id: string;
  label: string;
  type: "text" | "number" | "boolean" | "date" | "choice";
  choices: string[] | null;
}

function toDef(row: typeof customerFields.$inferSelect): FieldDef {
  return {
    id: row.id,
    label: row.label,
    type: row.type,
    choices: row.choices === null ? null : (JSON.parse(row.choices) as string[]),
  };
}

export function listFields(db: HqDb | HqTx): FieldDef[] {
  return db.select().from(customerFields).orderBy(asc(customerFields.id)).all().map(toDef);
}

export function createField(db: HqDb, input: FieldInput, at: Date): FieldDef {
  return db.transaction((tx) => {
    if (tx.select().from(customerFields).where(eq(customerFields.id, input.id)).get()) {
      throw new CustomerError("FIELD_EXISTS", `a questionnaire field "${input.id}" already exists`, {
        id: input.id,
      });
    }
    const row = tx
      .insert(customerFields)
      .values({
        id: input.id,
        label: input.label,
        type: input.type,
        choices: input.choices ? JSON.stringify(input.choices) : null,
        createdAt: at.toISOString(),
      })
      .returning()
      .get();
    return toDef(row);
  });
}

function fits(def: FieldDef, answer: Answer): boolean {
  if (answer === null) return true;
  switch (def.type) {
    case "text":
      return typeof answer === "string";
    case "number":
      return typeof answer === "number" && Number.isFinite(answer);
    case "boolean":
      return typeof answer === "boolean";
    case "date":
      return (
        typeof answer === "string" && /^\d{4}-\d{2}-\d{2}$/.test(answer) && !Number.isNaN(Date.parse(answer))
      );
    case "choice":
      return typeof answer === "string" && (def.choices ?? []).includes(answer);
  }
}

/** The answers merged over the current ones (null removes one), each checked against its field. */
export function mergeAnswers(
  defs: readonly FieldDef[],
  current: Record<string, Answer>,
  given: Record<string, Answer>,
): Record<string, Answer> {
  const byId = new Map(defs.map((d) => [d.id, d]));
  const out: Record<string, Answer> = { ...current };
  for (const [id, answer] of Object.entries(given)) {
    const def = byId.get(id);
    if (!def) {
      throw new CustomerError(
        "UNKNOWN_FIELD",
        `no questionnaire field "${id}": define it with POST /api/v1/customer-fields first`,
        { field: id },
      );
    }
    if (!fits(def, answer)) {
      throw new CustomerError(
        "FIELD_ANSWER_INVALID",
        `the answer to "${id}" must be ${def.type === "choice" ? `one of ${(def.choices ?? []).join(", ")}` : `a ${def.type}`}`,
        { field: id },
      );
    }
    if (answer === null) delete out[id];
    else out[id] = answer;
  }
  return out;
}
