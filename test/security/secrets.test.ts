/** The admin token given by file (or environment) is not on the command line that ps shows. */
import { describe, expect, test } from "bun:test";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { childEnv, randomToken, ringupCommand } from "../support/store-process.ts";
import { bearer, secretFile, until } from "./support.ts";

describe("secrets off the command line", () => {
  test("--admin-token-file: ps does not show the token, and the token works; a plain flag warns", async () => {
    const dataDir = await mkdtemp(join(tmpdir(), "ringup-ps-"));
    const token = randomToken();
    const file = await secretFile(token);
    const proc = Bun.spawn(
      [
        ...ringupCommand(),
        "store",
        "--data",
        dataDir,
        "--port",
        "0",
        "--host",
        "127.0.0.1",
        "--admin-token-file",
        file,
      ],
      { env: childEnv(), stdout: "pipe", stderr: "pipe" },
    );
    try {
      let output = "";
      const reader = (async () => {
        for await (const chunk of proc.stdout) output += new TextDecoder().decode(chunk);
      })();
      await until("the store listens", () => /listening on (\S+)/.test(output));
      const url = /listening on (\S+)/.exec(output)?.[1] ?? "";
      // What ps shows: the command lines of the process and its children.
      const cmdline = (await readFile(`/proc/${proc.pid}/cmdline`, "utf8")).replaceAll("\0", " ");
      expect(cmdline).toContain("--admin-token-file");
      expect(cmdline).not.toContain(token);
      const ps = Bun.spawnSync(["ps", "-eo", "args"]).stdout.toString();
      expect(ps).not.toContain(token);
      expect((await fetch(`${url}/api/v1/tokens`, { headers: bearer(token) })).status).toBe(200);
      proc.kill("SIGTERM");
      await proc.exited;
      await reader;
    } finally {
      proc.kill("SIGKILL");
      await rm(dataDir, { recursive: true, force: true });
    }

    const plain = Bun.spawnSync(
      [...ringupCommand(), "admin", "--server", "http://127.0.0.1:1", "--token", token, "token", "list"],
      { env: childEnv() },
    );
    expect(plain.stderr.toString()).toContain("--token puts the token on the command line");
  });
});
