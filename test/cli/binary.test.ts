import { describe, expect, test } from "bun:test";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pkg from "../../package.json" with { type: "json" };
import { decodeEscPos } from "../../src/devices/escpos/decode.ts";
import { EscPosSink } from "../devices/support/escpos-sink.ts";
import { ringupBinary, runBinary } from "../support/binary.ts";

describe("the compiled ringup binary", () => {
  test("--version and --help work without the sources", async () => {
    const version = await runBinary(["--version"]);
    expect(version.code).toBe(0);
    expect(version.stdout.trim()).toBe(pkg.version);

    const help = await runBinary(["--help"]);
    expect(help.code).toBe(0);
    for (const mode of ["store", "hq", "till", "admin", "devices", "demo"]) {
      expect(help.stdout).toMatch(new RegExp(`^\\s+${mode}\\b`, "m"));
    }

    // `ringup till` runs the till's own entry point: the same options and help.
    const till = await runBinary(["till", "--help"]);
    expect(till.code).toBe(0);
    for (const flag of ["--server", "--till-id", "--data", "--printer", "--scanner-scale", "--config"]) {
      expect(till.stdout).toContain(flag);
    }
  });

  test("it carries React's production build, not the development one the till once shipped", async () => {
    // Development builds of React warn about list keys; the production build has no such text.
    const bytes = await Bun.file(await ringupBinary()).bytes();
    const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    expect(text.includes('unique "key" prop')).toBe(false);
  });

  test("a configuration error exits 2 and names the flag", async () => {
    const r = await runBinary(["till", "--server", "not a url", "--till-id", "T1"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("flag --server: must be a URL");
  });

  test("environment variables configure the binary", async () => {
    const r = await runBinary(["till", "--till-id", "T1"], { RINGUP_SERVER: "nope" });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("environment variable RINGUP_SERVER: must be a URL");
  });

  test("devices test runs the device drivers inside the binary", async () => {
    const ok = await runBinary([
      "devices",
      "test",
      "--printer",
      "sim:",
      "--scale",
      "sim:",
      "--display",
      "sim:",
      "--drawer",
    ]);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/^OK\s+printer/m);
    expect(ok.stdout).toMatch(/^OK\s+scale/m);
    const offline = await runBinary(["devices", "test", "--printer", "tcp://127.0.0.1:1"]);
    expect(offline.code).toBe(1);
    expect(offline.stdout).toMatch(/^FAIL printer .*offline/m);
  });

  test("the binary encodes each language's letters in the printer's code pages", async () => {
    await using sink = await EscPosSink.start();
    const cases = [
      { lang: "ru", query: "", line: "Тестовый товар" },
      { lang: "az", query: "", line: "Test mähsulu" },
      { lang: "az", query: "?codepages=pc857,pc858,pc866,kz1048", line: "Test mәhsulu" },
    ];
    for (const [index, { lang, query, line }] of cases.entries()) {
      const run = await runBinary(["devices", "test", "--printer", `${sink.uri}${query}`, "--lang", lang]);
      expect(run.stdout).toMatch(/^OK\s+printer/m);
      const printed = decodeEscPos(sink.jobs[index] ?? new Uint8Array()).lines;
      expect(printed.some((text) => text.startsWith(line))).toBe(true);
      expect(printed.some((text) => text.includes("ÀÉÎÕÜ çğış ДЖЯ"))).toBe(true);
    }
  });

  test("the till starts itself again in the same process, without the runtime's top JIT tier", async () => {
    const binary = await ringupBinary();
    const data = await mkdtemp(join(tmpdir(), "ringup-till-runtime-"));
    const environOf = async (given: Record<string, string>) => {
      let screen = "";
      const proc = Bun.spawn(
        [binary, "till", "--server", "http://127.0.0.1:9", "--till-id", "T1", "--data", data],
        {
          terminal: { cols: 80, rows: 24, data: (_t, bytes) => (screen += new TextDecoder().decode(bytes)) },
          env: { PATH: process.env.PATH ?? "/usr/bin:/bin", HOME: data, TERM: "xterm", ...given },
        },
      );
      try {
        const deadline = Date.now() + 20_000;
        while (!screen.includes("PIN")) {
          if (Date.now() > deadline) throw new Error(`the till never showed its log-in screen:\n${screen}`);
          await Bun.sleep(50);
        }
        // The process that shows the log-in screen is the one started: execve, not a child.
        return (await readFile(`/proc/${proc.pid}/environ`, "utf8")).split("\0");
      } finally {
        proc.kill("SIGKILL");
        await proc.exited;
        proc.terminal?.close();
      }
    };
    try {
      expect(await environOf({})).toContain("BUN_JSC_useFTLJIT=false");
      // A value the operator set is kept.
      const kept = await environOf({ BUN_JSC_useFTLJIT: "true" });
      expect(kept).toContain("BUN_JSC_useFTLJIT=true");
      expect(kept).not.toContain("BUN_JSC_useFTLJIT=false");
    } finally {
      await rm(data, { recursive: true, force: true });
    }
  });
});
