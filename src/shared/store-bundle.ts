/**
 * The pairing bundle of a store opened from a template (`ringup hq store create … --from-template`):
 * one JSON file with everything its store server needs to start selling — head office's URL, the
 * store's id, its API token and NATS credentials, the NATS servers, and its TOML configuration
 * built from the template's settings and devices. `ringup store init --bundle FILE --data DIR`
 * (or `ringup store --bundle FILE --data DIR`) turns it into files in the data directory: the
 * configuration, and the secrets in files only their owner reads (mode 0600).
 */
import { existsSync } from "node:fs";
import { chmod, mkdir, readFile, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { z } from "zod";
import { templateDepartmentSchema, type templateDevicesSchema } from "../api/hq/store-templates.ts";
import { storeIdSchema } from "../core/ids.ts";
import type { StoreSettings } from "../core/settings.ts";
import { ConfigError } from "./config.ts";
import { tomlDocument } from "./toml-write.ts";

export const STORE_BUNDLE_FORMAT = "ringup-store-bundle/1";

export const storeBundleSchema = z.object({
  format: z.literal(STORE_BUNDLE_FORMAT),
  storeId: storeIdSchema,
  hqUrl: z.url(),
  apiToken: z.string().min(16).max(200),
  /** The NATS credentials file's text, as `POST /stores` answers it. */
  natsCredsFile: z.string().min(1),
  /** NATS servers the store connects to, separated by commas. */
  natsUrls: z.string().min(1),
  /** The store's TOML configuration (settings and devices); the data directory and secret files are added when it is set up. */
  config: z.string(),
  /** The tills' device options (TOML), for `ringup till --config`. */
  tillConfig: z.string(),
  departments: z.array(templateDepartmentSchema),
});
export type StoreBundle = z.infer<typeof storeBundleSchema>;

/** What a store opened from a template answers that the bundle is made of. */
export interface OpenedStore {
  storeId: string;
  credentials: { apiToken: string; natsCredsFile: string };
  settings: StoreSettings;
  devices: z.infer<typeof templateDevicesSchema>;
  departments: z.infer<typeof templateDepartmentSchema>[];
}

/** Device options a till takes itself (scanner and drawer need none: a keyboard wedge, the printer's kick). */
const TILL_DEVICE_KEYS = ["printer", "scale", "display"] as const;

export function buildStoreBundle(
  opened: OpenedStore,
  link: { hqUrl: string; natsUrls: string },
): StoreBundle {
  const { devices } = opened;
  const tillDevices = Object.fromEntries(
    TILL_DEVICE_KEYS.flatMap((k) => (devices[k] ? [[k, devices[k]]] : [])),
  );
  return {
    format: STORE_BUNDLE_FORMAT,
    storeId: opened.storeId,
    hqUrl: link.hqUrl,
    apiToken: opened.credentials.apiToken,
    natsCredsFile: opened.credentials.natsCredsFile,
    natsUrls: link.natsUrls,
    config: tomlDocument({
      storeId: opened.storeId,
      nats: link.natsUrls,
      hqUrl: link.hqUrl,
      ...opened.settings,
      ...(Object.keys(devices).length > 0 ? { devices } : {}),
    }),
    tillConfig: tomlDocument(tillDevices),
    departments: opened.departments,
  };
}

export async function readStoreBundle(file: string): Promise<StoreBundle> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(file, "utf8"));
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    throw new ConfigError(`cannot read the bundle ${file}: ${why}`);
  }
  const bundle = storeBundleSchema.safeParse(parsed);
  if (!bundle.success) {
    const problems = bundle.error.issues.map((i) => `${i.path.join(".") || "(top)"}: ${i.message}`);
    throw new ConfigError(`${file} is not a store pairing bundle:\n  ${problems.join("\n  ")}`);
  }
  return bundle.data;
}

/** The files a data directory set up from a bundle holds. */
export function bundleFiles(dataDir: string) {
  const dir = resolve(dataDir);
  return {
    dir,
    configPath: join(dir, "store.toml"),
    natsCreds: join(dir, "nats.creds"),
    hqTokenFile: join(dir, "hq-token"),
    tillConfigPath: join(dir, "till.toml"),
    departmentsPath: join(dir, "departments.json"),
  };
}

async function writeSecret(path: string, text: string): Promise<void> {
  await writeFile(path, text, { mode: 0o600 });
  await chmod(path, 0o600);
}

/** Writes the store's configuration and secrets into `dataDir`; one already set up is left alone. */
export async function setUpStoreFromBundle(
  file: string,
  dataDir: string,
): Promise<ReturnType<typeof bundleFiles> & { bundle: StoreBundle }> {
  const bundle = await readStoreBundle(file);
  const files = bundleFiles(dataDir);
  if (existsSync(files.configPath)) {
    throw new ConfigError(
      `${files.dir} is already set up (${files.configPath}): start it with ringup store --config ${files.configPath}`,
    );
  }
  await mkdir(files.dir, { recursive: true, mode: 0o700 });
  await writeSecret(files.natsCreds, bundle.natsCredsFile);
  await writeSecret(files.hqTokenFile, `${bundle.apiToken}\n`);
  const head = tomlDocument({ data: files.dir, natsCreds: files.natsCreds, hqTokenFile: files.hqTokenFile });
  await writeFile(files.tillConfigPath, bundle.tillConfig);
  await writeFile(files.departmentsPath, `${JSON.stringify(bundle.departments, null, 2)}\n`);
  // Written last: its presence says the directory is set up.
  await writeFile(
    files.configPath,
    `# store ${bundle.storeId}, set up from its pairing bundle\n${head}${bundle.config}`,
  );
  return { ...files, bundle };
}

/**
 * The configuration of a store started with `--bundle`: set up from the bundle the first time,
 * the same file again when it was set up for the same store before (a restart).
 */
export async function storeConfigFromBundle(file: string, dataDir: string): Promise<string> {
  const files = bundleFiles(dataDir);
  if (!existsSync(files.configPath)) return (await setUpStoreFromBundle(file, dataDir)).configPath;
  const bundle = await readStoreBundle(file);
  const existing = Bun.TOML.parse(await readFile(files.configPath, "utf8")) as { storeId?: unknown };
  if (existing.storeId !== bundle.storeId) {
    throw new ConfigError(
      `${files.dir} is set up for store ${String(existing.storeId)}, not ${bundle.storeId}: give another --data`,
    );
  }
  return files.configPath;
}
