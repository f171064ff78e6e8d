/**
 * What the doctor examines: the mode, and its configuration read the way the mode reads it
 * (its TOML file and its zod schema; a store's settings too), with `--data` over the file's.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import type { StoreSettings } from "../../core/settings.ts";
import { type HqOptions, hqOptionsSchema } from "../../hq/options.ts";
import { ConfigError, type ConfigSource, readTomlFile, validateConfig } from "../../shared/config.ts";
import { loadStoreSettings } from "../../store-server/main.ts";
import { type StoreOptions, storeOptionsSchema } from "../../store-server/options.ts";
import { TILL_DB_FILE } from "../../till/data/db.ts";
import { type TillOptions, tillOptionsSchema } from "../options.ts";

export const DOCTOR_MODES = ["store", "hq", "till"] as const;
export type DoctorMode = (typeof DOCTOR_MODES)[number];

export interface DoctorOptions {
  mode?: DoctorMode | undefined;
  config?: string | undefined;
  data?: string | undefined;
}

export type Setup =
  | { mode: "store"; options: StoreOptions; settings: StoreSettings }
  | { mode: "hq"; options: HqOptions }
  | { mode: "till"; options: TillOptions };

/** Each mode's database file in its data directory. */
export const DATABASE_FILES: Record<DoctorMode, string> = {
  store: "store.db",
  hq: "hq.db",
  till: TILL_DB_FILE,
};

/** The mode asked for, or the one whose database the data dir holds, or a till's by its settings. */
function modeOf(
  asked: DoctorMode | undefined,
  table: Record<string, unknown>,
  data: unknown,
): DoctorMode | null {
  if (asked) return asked;
  if (typeof data === "string") {
    const found = DOCTOR_MODES.find((m) => existsSync(join(data, DATABASE_FILES[m])));
    if (found) return found;
  }
  if ("server" in table || "tillId" in table) return "till";
  return null;
}

/** Reads the configuration; a ConfigError says what is wrong and where. */
export async function loadSetup(o: DoctorOptions): Promise<Setup> {
  const table = o.config ? await readTomlFile(o.config) : {};
  const values: Record<string, unknown> = { ...table };
  const sources = new Map<string, ConfigSource>(Object.keys(table).map((k) => [k, "file"]));
  if (o.data !== undefined) {
    values.data = o.data;
    sources.set("data", "flag");
  }
  const mode = modeOf(o.mode, table, values.data);
  const merged = { values, sources };
  switch (mode) {
    case "store":
      return {
        mode,
        options: validateConfig(storeOptionsSchema, merged, o.config),
        settings: await loadStoreSettings(o.config),
      };
    case "hq":
      return { mode, options: validateConfig(hqOptionsSchema, merged, o.config) };
    case "till":
      return { mode, options: validateConfig(tillOptionsSchema, merged, o.config) };
    default:
      throw new ConfigError(
        "cannot tell which mode to check: the data directory holds no Ringup database and the configuration no till settings; give --mode store|hq|till",
      );
  }
}
