import { describe, expect, test } from "bun:test";
import pkg from "../../package.json" with { type: "json" };
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
});
