import { expect, test } from "bun:test";
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { childEnv, ringupCommand, startStore } from "../support/store-process.ts";

async function kds(args: string[]) {
  const proc = Bun.spawn([...ringupCommand(), "kds", ...args], {
    env: childEnv(),
    stdout: "pipe",
    stderr: "pipe",
  });
  const [out, err, code] = await Promise.all([
    new Response(proc.stdout).text(),
    new Response(proc.stderr).text(),
    proc.exited,
  ]);
  return { out, err, code };
}

test("a kitchen display pairs like a till and reads its station's tickets with its own token", async () => {
  const dir = mkdtempSync(join(tmpdir(), "ringup-kds-pair-"));
  try {
    writeFileSync(join(dir, "store.toml"), '[[kitchen.stations]]\nid = "grill"\nname = "Grill"\n');
    await using store = await startStore({ args: ["--config", join(dir, "store.toml")] });
    const data = join(dir, "kds");
    const common = ["--server", store.url, "--station", "grill", "--data", data];

    const wrong = await kds([...common, "--pair", "NOT-A-CODE", "--device-id", "KDS1"]);
    expect(wrong.code).not.toBe(0);
    expect(wrong.err).toContain("the store refused the pairing");
    expect(existsSync(join(data, "kds-token"))).toBe(false);

    const pairing = await store.api("/api/v1/tills/pairings", {
      method: "POST",
      body: JSON.stringify({ tillId: "KDS1" }),
    });
    const { code } = (await pairing.json()) as { code: string };
    const paired = await kds([...common, "--pair", code, "--device-id", "KDS1"]);
    expect(paired.code).toBe(0);
    expect(paired.out).toContain("paired as KDS1");
    const file = join(data, "kds-token");
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const token = readFileSync(file, "utf8").trim();
    const res = await fetch(`${store.url}/api/v1/kitchen/tickets?station=grill`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(res.status).toBe(200);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
