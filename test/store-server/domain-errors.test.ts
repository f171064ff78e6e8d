/**
 * Services throw their feature's domain errors; only the one error handler at the HTTP
 * boundary knows statuses. No HTTP-named error class is left for a service to throw.
 */
import { expect, test } from "bun:test";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { DomainError } from "../../src/core/errors.ts";
import * as httpErrors from "../../src/shared/http-errors.ts";
import { ReturnError } from "../../src/store-server/returns/errors.ts";
import { SaleError } from "../../src/store-server/sales/errors.ts";

const root = join(import.meta.dir, "../..");

test("no module of the servers throws or imports an HTTP-named error", async () => {
  expect(Object.keys(httpErrors)).not.toContain("HttpError");
  const offenders: string[] = [];
  for (const file of new Bun.Glob("src/**/*.{ts,tsx}").scanSync({ cwd: root })) {
    const text = await readFile(join(root, file), "utf8");
    if (/\bHttpError\b/.test(text)) offenders.push(file);
  }
  expect(offenders).toEqual([]);
});

test("a feature's error names its code, and the code alone gives its kind", () => {
  const notFound = new ReturnError("RETURN_NOT_FOUND", "no return has the id R1");
  expect(notFound).toBeInstanceOf(DomainError);
  expect(notFound).toMatchObject({ name: "ReturnError", code: "RETURN_NOT_FOUND", kind: "not_found" });
  expect(new SaleError("SALE_ID_CONFLICT", "taken").kind).toBe("conflict");
});
