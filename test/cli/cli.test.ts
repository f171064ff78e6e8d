import { afterAll, describe, expect, test } from "bun:test";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { VERSION } from "../../src/cli/command-line.ts";
import { main } from "../../src/cli/program.ts";

async function run(args: string[], env: Record<string, string | undefined> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const saved = new Map<string, string | undefined>();
  for (const [k, v] of Object.entries(env)) {
    saved.set(k, process.env[k]);
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  try {
    const code = await main(args, { out: (s) => out.push(s), err: (s) => err.push(s) });
    return { code, out: out.join("\n"), err: err.join("\n") };
  } finally {
    for (const [k, v] of saved) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}

const tmp = await mkdtemp(join(tmpdir(), "ringup-cli-"));
afterAll(() => rm(tmp, { recursive: true, force: true }));

describe("ringup command line", () => {
  test("--help lists every mode of the contract", async () => {
    const r = await run(["--help"]);
    expect(r.code).toBe(0);
    for (const mode of ["store", "hq", "till", "admin", "devices", "demo"]) {
      expect(r.out).toMatch(new RegExp(`^\\s+${mode}\\b`, "m"));
    }
  });

  test("--version prints the package version", async () => {
    const r = await run(["--version"]);
    expect(r.code).toBe(0);
    expect(r.out.trim()).toBe(VERSION);
  });

  test.each([
    [
      ["store", "--help"],
      ["--data", "--port", "--store-id", "--config", "--admin-token", "--nats", "--nats-creds"],
    ],
    [
      ["hq", "--help"],
      ["--data", "--port", "--admin-token", "--nats", "--nats-creds"],
    ],
    [
      ["till", "--help"],
      [
        "--server",
        "--till-id",
        "--data",
        "--printer",
        "--scale",
        "--lang",
        "--payment2",
        "--scanner",
        "--scanner2",
        "--scanner-scale",
      ],
    ],
    [
      ["admin", "--help"],
      ["--server", "--token", "--json", "import", "user", "report", "journal"],
    ],
    [
      ["admin", "import", "products", "--help"],
      ["--format", "--strict"],
    ],
    [
      ["admin", "user", "add", "--help"],
      ["--name", "--role", "--pin"],
    ],
    [["admin", "report", "daily", "--help"], ["--date"]],
    [["admin", "journal", "verify", "--help"], ["hash chain"]],
    [
      ["devices", "test", "--help"],
      ["--printer", "--scale", "--display", "--drawer"],
    ],
    [["demo", "--help"], ["demo"]],
  ])("%p documents its options", async (args, words) => {
    const r = await run(args);
    expect(r.code).toBe(0);
    for (const w of words) expect(r.out).toContain(w);
  });

  test("every flag names its RINGUP_* environment variable", async () => {
    const r = await run(["store", "--help"]);
    expect(r.out).toContain("RINGUP_ADMIN_TOKEN");
    expect(r.out).toContain("RINGUP_STORE_ID");
  });

  test("an unknown command is a usage error", async () => {
    const r = await run(["frobnicate"]);
    expect(r.code).toBe(2);
    expect(r.err).toContain("unknown command");
  });

  test("a missing required setting says which flag to pass", async () => {
    const r = await run(["store"], { RINGUP_DATA: undefined });
    expect(r.code).toBe(2);
    expect(r.err).toContain('setting "data" (--data): is required');
  });

  test("a bad flag value names the flag and what is allowed", async () => {
    const r = await run(["store", "--data", tmp, "--port", "http"]);
    expect(r.code).toBe(2);
    expect(r.err).toContain("flag --port: must be a port number");
  });

  test("a bad environment value names the variable", async () => {
    const r = await run(["store", "--data", tmp], { RINGUP_PORT: "70000" });
    expect(r.code).toBe(2);
    expect(r.err).toContain("environment variable RINGUP_PORT: must be between 0 and 65535");
  });

  test("a bad TOML value names the key and the file", async () => {
    const file = join(tmp, "bad.toml");
    await writeFile(file, 'data = "/tmp"\nstoreId = "S-1"\n');
    const r = await run(["store", "--config", file]);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`key "storeId" in ${file}`);
    expect(r.err).toContain("no '-'");
  });

  test("a malformed TOML file is reported with the path", async () => {
    const file = join(tmp, "broken.toml");
    await writeFile(file, "port = = 3\n");
    const r = await run(["store", "--config", file]);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`config file ${file} is not valid TOML`);
  });

  test("a missing config file is reported", async () => {
    const r = await run(["store", "--config", join(tmp, "nope.toml")]);
    expect(r.code).toBe(2);
    expect(r.err).toContain("does not exist");
  });

  test("flags win over the environment, which wins over the file", async () => {
    const { buildProgram } = await import("../../src/cli/program.ts");
    const { mergeOptions } = await import("../../src/shared/config.ts");
    const program = buildProgram({ out: () => {}, err: () => {} });
    const store = program.commands.find((c) => c.name() === "store")!;
    process.env.RINGUP_HOST = "10.0.0.1";
    try {
      store.action(() => {});
      await program.parseAsync(["store", "--port", "7071"], { from: "user" });
      const merged = mergeOptions(store, { port: 9000, host: "127.0.0.1", storeId: "S9" });
      expect(merged.values.port).toBe("7071");
      expect(merged.sources.get("port")).toBe("flag");
      expect(merged.values.host).toBe("10.0.0.1");
      expect(merged.sources.get("host")).toBe("env");
      expect(merged.values.storeId).toBe("S9");
      expect(merged.sources.get("storeId")).toBe("file");
    } finally {
      delete process.env.RINGUP_HOST;
    }
  });
});
