/**
 * `ringup hq store create ID --from-template NAME`: opens a store at head office from a template
 * (registered, with the template's settings, prices and users) and writes its pairing bundle, one
 * file with everything `ringup store --bundle FILE` needs. Through a running head office's API
 * (`--server`, `POST /store-templates/:id/stores`), or on its data directory (`--data`) while it
 * is stopped: the catalog changes then go out when it starts. The bundle holds the store's
 * credentials: it is written with mode 0600 and never printed.
 */
import { constants } from "node:fs";
import { access, writeFile } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import { hqRoutes } from "../api/hq/routes.ts";
import type { CliIo } from "../shared/cli-io.ts";
import { buildStoreBundle, type OpenedStore } from "../shared/store-bundle.ts";
import { AdminClient, AdminError } from "./admin-client.ts";
import type { AdminOptions } from "./options.ts";

export interface StoreCreateOptions {
  fromTemplate: string;
  name?: string;
  /** NATS servers the store connects to (comma-separated). */
  nats: string | undefined;
  /** Head office's URL as the store reaches it; default --server. */
  hqUrl?: string;
  /** Where the bundle goes; default ./store-<ID>.bundle.json. */
  out?: string;
}

type Opened = OpenedStore & { template: string; prices: number; users: string[] };

/** Through a running head office's API. */
export async function createStoreFromTemplate(
  options: AdminOptions,
  storeId: string,
  how: StoreCreateOptions,
  io: CliIo,
): Promise<void> {
  const natsUrls = requireNats(how);
  await requireBundleDir(bundlePath(storeId, how));
  const ca = options.ca === undefined ? undefined : await Bun.file(options.ca).text();
  const client = new AdminClient(options.server, options.token, undefined, ca);
  if ((await client.mode()) !== "hq") throw new AdminError(`${options.server} is not head office`);
  const opened = await client.request(hqRoutes["POST /api/v1/store-templates/:id/stores"], {
    params: { id: how.fromTemplate },
    body: { storeId, ...(how.name ? { name: how.name } : {}) },
  });
  await writeBundle(
    { ...opened, storeId: opened.store.storeId },
    { hqUrl: how.hqUrl ?? options.server, natsUrls },
    how,
    options.json,
    io,
  );
}

/** On head office's data directory, while it is stopped. */
export async function createStoreFromTemplateAt(
  dataDir: string,
  storeId: string,
  how: StoreCreateOptions & { json: boolean },
  io: CliIo,
  /** `--database`: head office's database when it is not hq.db in the data directory. */
  database?: string,
): Promise<void> {
  const natsUrls = requireNats(how);
  await requireBundleDir(bundlePath(storeId, how));
  if (!how.hqUrl) {
    throw new AdminError("with --data, give --hq-url URL: head office's API as the new store reaches it");
  }
  const { openHq } = await import("../hq/open.ts");
  const { StoreTemplatesService } = await import("../hq/store-templates/service.ts");
  const ctx = openHq(dataDir, { log: (line) => io.err(line), database });
  try {
    const opened = await new StoreTemplatesService(ctx).openStore(how.fromTemplate, {
      storeId,
      ...(how.name ? { name: how.name } : {}),
    });
    await writeBundle({ ...opened, storeId }, { hqUrl: how.hqUrl, natsUrls }, how, how.json, io);
  } finally {
    ctx.sqlite.close();
  }
}

function bundlePath(storeId: string, how: StoreCreateOptions): string {
  return resolve(how.out ?? `store-${storeId}.bundle.json`);
}

/** Checked before the store is opened: its credentials are shown once, in the bundle alone. */
async function requireBundleDir(path: string): Promise<void> {
  try {
    await access(dirname(path), constants.W_OK);
  } catch {
    throw new AdminError(
      `cannot write the bundle in ${dirname(path)}: give --out FILE in a directory you may write`,
    );
  }
}

function requireNats(how: StoreCreateOptions): string {
  if (how.nats === undefined) {
    throw new AdminError("give --nats URLS: the NATS servers the new store connects to, separated by commas");
  }
  return how.nats;
}

async function writeBundle(
  opened: Opened,
  link: { hqUrl: string; natsUrls: string },
  how: StoreCreateOptions,
  json: boolean,
  io: CliIo,
): Promise<void> {
  const bundle = buildStoreBundle(opened, link);
  const path = bundlePath(opened.storeId, how);
  await writeFile(path, `${JSON.stringify(bundle, null, 2)}\n`, { mode: 0o600 });
  if (json) {
    io.out(
      JSON.stringify(
        { storeId: opened.storeId, template: opened.template, bundle: path, prices: opened.prices },
        null,
        2,
      ),
    );
    return;
  }
  io.out(
    `store ${opened.storeId} opened from template ${opened.template}: ${opened.prices} price(s), ${opened.users.length} user(s) given access`,
  );
  io.out(`pairing bundle (holds the store's credentials; keep it secret): ${path}`);
  io.out(`at the store: ringup store --bundle ${path} --data DIR`);
}
