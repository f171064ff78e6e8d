/**
 * `ringup till` starts itself again with its runtime options (the compiled binary's restart is
 * checked in test/cli/binary.test.ts); when that cannot be done, it carries on as it is.
 */
import { describe, expect, test } from "bun:test";
import { restartArgv, restartWithRuntimeOptions } from "../../../src/till/runtime/index.ts";

describe("till runtime options", () => {
  test("started from the sources, the restart runs the same script with the same arguments", () => {
    const argv = restartArgv();
    expect(argv[0]).toBe(process.execPath);
    expect(argv).toContain(Bun.main);
    expect(argv.slice(argv.indexOf(Bun.main) + 1)).toEqual(process.argv.slice(2));
  });

  test("a restart that cannot be run leaves the till running as it is", () => {
    const saved = process.env.BUN_JSC_useFTLJIT;
    delete process.env.BUN_JSC_useFTLJIT;
    try {
      expect(() => restartWithRuntimeOptions("/nonexistent/ringup")).not.toThrow();
      expect(process.env.BUN_JSC_useFTLJIT).toBeUndefined();
    } finally {
      if (saved !== undefined) process.env.BUN_JSC_useFTLJIT = saved;
    }
  });
});
