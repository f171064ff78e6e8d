/**
 * The pairing bundle of a store opened from a template, and the store set up from it: the TOML
 * written reads back to the template's settings, secrets land in files only the owner reads,
 * and a data directory already set up is never overwritten.
 */
import { expect, test } from "bun:test";
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { storeSettingsSchema } from "../../src/core/settings.ts";
import {
  buildStoreBundle,
  setUpStoreFromBundle,
  storeConfigFromBundle,
} from "../../src/shared/store-bundle.ts";
import { tomlDocument } from "../../src/shared/toml-write.ts";
import { loadStoreSettings } from "../../src/store-server/main.ts";
import { runRingup } from "../support/ringup-cli.ts";

const settings = storeSettingsSchema.parse({
  storeName: 'Riverside "North"',
  addressLines: ["12 Main St", "Springfield"],
  timeZone: "Europe/Paris",
  taxClasses: [{ id: "1", name: "Regular", rate: "8.875" }],
  approvals: { discount: true },
  cashRoundingMinor: 5,
});

test("the TOML written reads back to what was written", () => {
  const value = {
    a: 'x\\y\n"z"',
    n: 1.5,
    b: false,
    list: [1, 2],
    t: [{ id: "1" }],
    o: { k: { deep: true } },
  };
  expect(Bun.TOML.parse(tomlDocument(value))).toEqual(value);
});

test("a store set up from a bundle has its config, credentials (0600) and settings", async () => {
  const dir = mkdtempSync(join(tmpdir(), "ringup-bundle-"));
  try {
    const bundle = buildStoreBundle(
      {
        storeId: "S7",
        credentials: { apiToken: "rgh_0123456789abcdef0123", natsCredsFile: 'user = "store_S7"\n' },
        settings,
        devices: { printer: "tcp://10.0.0.5:9100", scale: "sim:" },
        departments: [{ id: "10", name: "Grocery" }],
      },
      { hqUrl: "http://127.0.0.1:8080", natsUrls: "nats://127.0.0.1:4222" },
    );
    const file = join(dir, "S7.bundle.json");
    writeFileSync(file, JSON.stringify(bundle));
    const data = join(dir, "data");
    const set = await setUpStoreFromBundle(file, data);
    expect(set.configPath).toBe(join(data, "store.toml"));
    const config = Bun.TOML.parse(readFileSync(set.configPath, "utf8")) as Record<string, unknown>;
    expect(config).toMatchObject({
      data,
      storeId: "S7",
      nats: "nats://127.0.0.1:4222",
      hqUrl: "http://127.0.0.1:8080",
      natsCreds: join(data, "nats.creds"),
      hqTokenFile: join(data, "hq-token"),
    });
    expect(await loadStoreSettings(set.configPath)).toEqual(settings);
    for (const secret of ["nats.creds", "hq-token"])
      expect(statSync(join(data, secret)).mode & 0o777).toBe(0o600);
    expect(readFileSync(join(data, "hq-token"), "utf8").trim()).toBe("rgh_0123456789abcdef0123");
    expect(Bun.TOML.parse(readFileSync(join(data, "till.toml"), "utf8"))).toEqual({
      printer: "tcp://10.0.0.5:9100",
      scale: "sim:",
    });
    await expect(setUpStoreFromBundle(file, data)).rejects.toThrow(/already set up/);
    writeFileSync(join(dir, "bad.json"), "{}");
    await expect(setUpStoreFromBundle(join(dir, "bad.json"), join(dir, "other"))).rejects.toThrow(
      /not a store pairing bundle/,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("ringup store init --bundle FILE --data DIR sets the store up and says how to start it", async () => {
  const dir = mkdtempSync(join(tmpdir(), "ringup-bundle-"));
  try {
    const bundle = buildStoreBundle(
      {
        storeId: "S8",
        credentials: { apiToken: "rgh_0123456789abcdef0123", natsCredsFile: 'user = "store_S8"\n' },
        settings,
        devices: {},
        departments: [],
      },
      { hqUrl: "http://127.0.0.1:8080", natsUrls: "nats://127.0.0.1:4222" },
    );
    const file = join(dir, "S8.bundle.json");
    writeFileSync(file, JSON.stringify(bundle));
    const data = join(dir, "data");
    const run = await runRingup(["store", "init", "--bundle", file, "--data", data]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain(`ringup store --config ${join(data, "store.toml")}`);
    const again = await runRingup(["store", "init", "--bundle", file, "--data", data]);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain("already set up");
    const noData = await runRingup(["store", "init", "--bundle", file]);
    expect(noData.stderr).toContain("give --data DIR");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("started with --bundle again, a store keeps its configuration; another store's bundle is refused", async () => {
  const dir = mkdtempSync(join(tmpdir(), "ringup-bundle-"));
  try {
    const write = (storeId: string) => {
      const file = join(dir, `${storeId}.json`);
      const bundle = buildStoreBundle(
        {
          storeId,
          credentials: { apiToken: "rgh_0123456789abcdef0123", natsCredsFile: "x" },
          settings,
          devices: {},
          departments: [],
        },
        { hqUrl: "http://127.0.0.1:8080", natsUrls: "nats://127.0.0.1:4222" },
      );
      writeFileSync(file, JSON.stringify(bundle));
      return file;
    };
    const data = join(dir, "data");
    const first = await storeConfigFromBundle(write("S4"), data);
    const text = readFileSync(first, "utf8");
    expect(await storeConfigFromBundle(write("S4"), data)).toBe(first);
    expect(readFileSync(first, "utf8")).toBe(text);
    await expect(storeConfigFromBundle(write("S5"), data)).rejects.toThrow(/set up for store S4, not S5/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
