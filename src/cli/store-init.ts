/**
 * A store set up from its pairing bundle: `ringup store init --bundle FILE --data DIR` writes the
 * configuration and the credentials (mode 0600) into DIR; `ringup store --bundle FILE --data DIR`
 * does the same the first time and then starts the store with that configuration.
 */
import type { Command } from "commander";
import type { CliIo } from "../shared/cli-io.ts";
import { ConfigError } from "../shared/config.ts";
import { setUpStoreFromBundle, storeConfigFromBundle } from "../shared/store-bundle.ts";

function requireData(data: unknown): string {
  if (typeof data !== "string" || data === "") {
    throw new ConfigError("give --data DIR: the store's data directory to set up from the bundle");
  }
  return data;
}

export async function initStore(bundleFile: unknown, data: unknown, io: CliIo): Promise<void> {
  if (typeof bundleFile !== "string" || bundleFile === "") {
    throw new ConfigError("give --bundle FILE: the pairing bundle from ringup hq store create");
  }
  const set = await setUpStoreFromBundle(bundleFile, requireData(data));
  io.out(`store ${set.bundle.storeId} set up in ${set.dir}`);
  io.out(`start it: ringup store --config ${set.configPath}`);
  io.out(`its tills' devices: ringup till --config ${set.tillConfigPath} --server URL --till-id ID`);
}

/** With `--bundle`, points the store's `--config` at the configuration set up from it. */
export async function configFromBundleOption(cmd: Command): Promise<void> {
  const bundle = cmd.getOptionValue("bundle") as string | undefined;
  if (bundle === undefined) return;
  if (cmd.getOptionValue("config") !== undefined) {
    throw new ConfigError("give either --bundle or --config, not both");
  }
  const configPath = await storeConfigFromBundle(bundle, requireData(cmd.getOptionValue("data")));
  cmd.setOptionValueWithSource("config", configPath, "cli");
}
