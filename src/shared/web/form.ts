/**
 * A console form's body (URL-encoded text, bounded by the request limits before it is read)
 * parsed with a zod schema. Bad input is a domain error naming each field, and nothing changes.
 */
import type { z } from "zod";
import { ConsoleError } from "./errors.ts";

/** Fields of a URL-encoded body (the last value of a repeated field; blanks dropped). */
export function formFields(body: unknown): Record<string, string> {
  const fields: Record<string, string> = {};
  if (typeof body !== "string") return fields;
  for (const [key, value] of new URLSearchParams(body)) {
    const trimmed = value.trim();
    if (trimmed !== "") fields[key] = trimmed;
  }
  return fields;
}

export function parseForm<S extends z.ZodType>(schema: S, fields: Record<string, string>): z.infer<S> {
  const parsed = schema.safeParse(fields);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => `${issue.path.join(".") || "form"}: ${issue.message}`);
  throw new ConsoleError("INVALID_FORM", problems.join("; "), {
    fields: parsed.error.issues.map((i) => i.path),
  });
}
