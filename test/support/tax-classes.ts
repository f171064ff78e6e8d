/**
 * The tax classes most tests price with: a store has none until configured, so the test stores
 * and tills are given these (a regular and a deli class at one rate, as in a US city) unless a
 * test configures its own.
 */
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { StoreSettingsInput } from "../../src/core/settings.ts";

export const TEST_TAX_CLASSES = [
  { id: "1", name: "Regular", rate: "8.875" },
  { id: "2", name: "Deli", rate: "8.875" },
] as const;

/** Settings with the test tax classes, unless they name their own. */
export function withTestTaxClasses(settings: StoreSettingsInput = {}): StoreSettingsInput {
  return { taxClasses: TEST_TAX_CLASSES.map((t) => ({ ...t })), ...settings };
}

/** A store configuration file giving the test tax classes, in `dir`; answers its path. */
export async function writeTestTaxConfig(dir: string): Promise<string> {
  const path = join(dir, "test-tax-classes.toml");
  const tables = TEST_TAX_CLASSES.map(
    (t) => `[[taxClasses]]\nid = "${t.id}"\nname = "${t.name}"\nrate = "${t.rate}"\n`,
  );
  await writeFile(path, tables.join("\n"));
  return path;
}
