/**
 * The departments of a store set up from its pairing bundle (`departments.json` in the data
 * directory, from the store template): imported once when the store first starts, each one as
 * `POST /departments/bulk` would (journaled the same way), then the file is renamed to
 * `departments.applied.json` so that later changes made at the store are never undone.
 */
import { existsSync } from "node:fs";
import { readFile, rename } from "node:fs/promises";
import { join } from "node:path";
import { z } from "zod";
import { templateDepartmentSchema } from "../../api/hq/store-templates.ts";
import { ConfigError } from "../../shared/config.ts";
import type { StoreContext } from "../context.ts";
import { CatalogService } from "./service.ts";

export const BUNDLE_DEPARTMENTS_FILE = "departments.json";

export async function applyBundleDepartments(ctx: StoreContext, dataDir: string): Promise<number> {
  const path = join(dataDir, BUNDLE_DEPARTMENTS_FILE);
  if (!existsSync(path)) return 0;
  const parsed = z.array(templateDepartmentSchema).safeParse(JSON.parse(await readFile(path, "utf8")));
  if (!parsed.success) throw new ConfigError(`${path}: not the departments of a pairing bundle`);
  const result = new CatalogService(ctx).upsertDepartments(parsed.data, true);
  if (result.errors.length > 0) {
    throw new ConfigError(
      `${path}: department(s) refused: ${result.errors.map((e) => `${e.code}: ${e.reason}`).join("; ")}`,
    );
  }
  await rename(path, join(dataDir, "departments.applied.json"));
  return result.imported;
}
