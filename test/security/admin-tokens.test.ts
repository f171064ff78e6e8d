/**
 * Admin tokens: a new bootstrap token revokes the previous one (three used to stay valid after
 * two rotations), a revoked one cannot be brought back by a restart, tokens are listed by id and
 * never shown, revoked by id, and rotated.
 */
import { afterAll, describe, expect, test } from "bun:test";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { randomToken, startStore } from "../support/store-process.ts";
import { bearer, ringup, secretFile } from "./support.ts";

const dirs: string[] = [];
afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

async function status(url: string, token: string): Promise<number> {
  return (await fetch(`${url}/api/v1/tokens`, { headers: bearer(token) })).status;
}

describe("store admin tokens", () => {
  test("each new bootstrap token revokes the previous one; a revoked one does not start the store", async () => {
    const dataDir = await mkdtemp(join(tmpdir(), "ringup-rotate-"));
    dirs.push(dataDir);
    const [a, b, c] = [randomToken(), randomToken(), randomToken()];
    for (const token of [a, b]) {
      await using store = await startStore({ dataDir, token });
      expect(await status(store.url, token)).toBe(200);
    }
    await using store = await startStore({ dataDir, token: c });
    expect(await status(store.url, c)).toBe(200);
    expect(await status(store.url, a)).toBe(401);
    expect(await status(store.url, b)).toBe(401);
    // The same token again is kept (a restart changes nothing).
    await store.restart();
    expect(await status(store.url, c)).toBe(200);
    await store.stop();

    const revived = await ringup([
      "store",
      "--data",
      dataDir,
      "--port",
      "0",
      "--host",
      "127.0.0.1",
      "--admin-token-file",
      await secretFile(a),
    ]);
    expect(revived.code).toBe(2);
    expect(revived.stderr).toContain("was revoked");
  });

  test("token list shows ids, kinds and times but never a token; revoke by id and rotate", async () => {
    await using store = await startStore();
    const tokenFile = await secretFile(store.token);
    const admin = (...args: string[]) =>
      ringup(["admin", "--server", store.url, "--token-file", tokenFile, ...args]);
    const listed = await admin("token", "list", "--json");
    expect(listed.code).toBe(0);
    expect(listed.stdout).not.toContain(store.token);
    const tokens = (
      JSON.parse(listed.stdout) as { tokens: { id: string; kind: string; label: string | null }[] }
    ).tokens;
    expect(tokens).toEqual([expect.objectContaining({ kind: "admin", label: "bootstrap" })]);

    const rotated = await admin("token", "rotate", "--json");
    expect(rotated.code).toBe(0);
    const fresh = (JSON.parse(rotated.stdout) as { token: string }).token;
    expect(await status(store.url, store.token)).toBe(401);
    expect(await status(store.url, fresh)).toBe(200);

    // A second admin token, made by rotating the fresh one again, is revoked by its id's prefix.
    const freshFile = await secretFile(fresh);
    const other = JSON.parse(
      (await ringup(["admin", "--server", store.url, "--token-file", freshFile, "token", "rotate", "--json"]))
        .stdout,
    ) as { token: string; id: string };
    const otherFile = await secretFile(other.token);
    const revoked = await ringup([
      "admin",
      "--server",
      store.url,
      "--token-file",
      otherFile,
      "token",
      "revoke",
      other.id.slice(0, 8),
    ]);
    expect(revoked.code).toBe(0);
    expect(revoked.stdout).toContain(`revoked token ${other.id}`);
    expect(await status(store.url, other.token)).toBe(401);
  });
});
