/**
 * `ringup hq store create … --data DIR` on a stopped head office's data directory: the store is
 * opened from the template as through the API, its bundle written, and head office finds it
 * registered, with the template's settings, when it starts again.
 */
import { afterAll, expect, setDefaultTimeout, test } from "bun:test";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { storeBundleSchema } from "../../src/shared/store-bundle.ts";
import { startHq } from "../support/hq-process.ts";
import { runRingup } from "../support/ringup-cli.ts";
import { TEST_TAX_CLASSES } from "../support/tax-classes.ts";

setDefaultTimeout(60_000);

const dir = mkdtempSync(join(tmpdir(), "ringup-store-create-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test("a store opened on a stopped head office's data directory is registered when it starts", async () => {
  await using hq = await startHq();
  await hq.json("/api/v1/store-templates", {
    method: "POST",
    body: JSON.stringify({
      id: "corner",
      name: "Corner",
      settings: { timeZone: "Europe/Paris" },
      taxClasses: TEST_TAX_CLASSES,
    }),
  });
  await hq.stop();
  const out = join(dir, "S3.json");
  const args = [
    "hq",
    "store",
    "create",
    "S3",
    "--from-template",
    "corner",
    "--data",
    hq.dataDir,
    "--nats",
    "nats://127.0.0.1:4222",
    ...hq.databaseArgs,
  ];
  const noUrl = await runRingup([...args, "--out", out]);
  expect(noUrl.code).toBe(1);
  expect(noUrl.stderr).toContain("--hq-url");
  const run = await runRingup([...args, "--hq-url", "https://hq.example:8080", "--out", out]);
  expect(run.code, run.stderr).toBe(0);
  const bundle = storeBundleSchema.parse(JSON.parse(readFileSync(out, "utf8")));
  expect(bundle).toMatchObject({
    storeId: "S3",
    hqUrl: "https://hq.example:8080",
    natsUrls: "nats://127.0.0.1:4222",
  });
  await hq.restart();
  const settings = await hq.json<{ settings: { timeZone: string; taxClasses: unknown[] } }>(
    "/api/v1/stores/S3/settings",
  );
  expect(settings.settings).toMatchObject({ timeZone: "Europe/Paris", taxClasses: TEST_TAX_CLASSES });
});
