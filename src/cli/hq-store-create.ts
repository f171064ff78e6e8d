/**
 * `ringup hq store create ID --from-template NAME`: opens a store at head office from a template
 * (`POST /store-templates/:id/stores`: registered, with the template's settings, prices and users)
 * and writes its pairing bundle, one file with everything `ringup store --bundle FILE` needs.
 * The bundle holds the store's credentials: it is written with mode 0600 and never printed.
 */
import { writeFile } from "node:fs/promises";
import { resolve } from "node:path";
import { hqRoutes } from "../api/hq/routes.ts";
import type { CliIo } from "../shared/cli-io.ts";
import { buildStoreBundle } from "../shared/store-bundle.ts";
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

export async function createStoreFromTemplate(
  options: AdminOptions,
  storeId: string,
  how: StoreCreateOptions,
  io: CliIo,
): Promise<void> {
  const natsUrls = how.nats;
  if (natsUrls === undefined) {
    throw new AdminError("give --nats URLS: the NATS servers the new store connects to, separated by commas");
  }
  const ca = options.ca === undefined ? undefined : await Bun.file(options.ca).text();
  const client = new AdminClient(options.server, options.token, undefined, ca);
  if ((await client.mode()) !== "hq") throw new AdminError(`${options.server} is not head office`);
  const opened = await client.request(hqRoutes["POST /api/v1/store-templates/:id/stores"], {
    params: { id: how.fromTemplate },
    body: { storeId, ...(how.name ? { name: how.name } : {}) },
  });
  const bundle = buildStoreBundle(
    { ...opened, storeId: opened.store.storeId },
    { hqUrl: how.hqUrl ?? options.server, natsUrls },
  );
  const path = resolve(how.out ?? `store-${storeId}.bundle.json`);
  await writeFile(path, `${JSON.stringify(bundle, null, 2)}\n`, { mode: 0o600 });
  if (options.json) {
    io.out(
      JSON.stringify({ storeId, template: opened.template, bundle: path, prices: opened.prices }, null, 2),
    );
    return;
  }
  io.out(
    `store ${storeId} opened from template ${opened.template}: ${opened.prices} price(s), ${opened.users.length} user(s) given access`,
  );
  io.out(`pairing bundle (holds the store's credentials; keep it secret): ${path}`);
  io.out(`at the store: ringup store --bundle ${path} --data DIR`);
}
