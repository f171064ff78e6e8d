import { describe, expect, test } from "bun:test";
import { existsSync } from "node:fs";
import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

const samples = resolve(import.meta.dir, "../../../shared/data/corepos");
const haveSamples = existsSync(join(samples, "products.csv"));
if (!haveSamples) console.warn(`demo test skipped: no CORE-POS sample data at ${samples}`);

describe("ringup demo", () => {
  test.if(haveSamples)(
    "imports the sample catalog, rings real transactions and reports the day",
    async () => {
      const data = await mkdtemp(join(tmpdir(), "ringup-demo-test-"));
      try {
        const proc = Bun.spawn(
          ["bun", "src/cli.ts", "demo", "--once", "--port", "0", "--data", data, "--samples", samples],
          { cwd: resolve(import.meta.dir, "../.."), stdout: "pipe", stderr: "pipe" },
        );
        const [out, err, code] = await Promise.all([
          new Response(proc.stdout).text(),
          new Response(proc.stderr).text(),
          proc.exited,
        ]);
        expect(err).not.toContain("ringup:");
        expect(code).toBe(0);
        expect(out).toContain("imported 247 departments");
        expect(out).toMatch(/imported \d+ products: 6638 of products\.csv \(12 bad rows skipped/);
        for (const n of [1, 2, 3]) expect(out).toContain(`Receipt S1-T1-00000${n}`);
        // The demo's till has a shift open, and its sales belong to it.
        expect(out).toContain("opened a shift at till T1 with a float of $150.00");
        expect(out).toMatch(/X report for till T1: 3 sales, expected cash in the drawer \$[\d,]+\.\d\d/);
        expect(out).toContain('"salesCount": 3');
        // nats-server is installed by scripts/setup: head office receives the same day.
        if (Bun.which("nats-server")) {
          const hq = out.slice(out.indexOf("Head office, the same day"));
          expect(hq).toContain('"salesCount": 3');
          expect(hq).toContain('"totalMinor": 3347');
        }
        expect(out).toContain("Cashier PIN:   1234");
      } finally {
        await rm(data, { recursive: true, force: true });
      }
    },
    120_000,
  );

  for (const flags of [[], ["--no-hq"]]) {
    test.if(haveSamples)(
      `--once ${flags.join(" ") || "(with head office)"} exits within a minute and leaves nothing in the temp directory`,
      async () => {
        // A temp directory of its own: the demo's data folder is made in it and must be gone after.
        const tmp = await mkdtemp(join(tmpdir(), "ringup-demo-tmpdir-"));
        try {
          const proc = Bun.spawn(
            ["bun", "src/cli.ts", "demo", "--once", "--port", "0", "--samples", samples, ...flags],
            {
              cwd: resolve(import.meta.dir, "../.."),
              env: { ...process.env, TMPDIR: tmp },
              stdout: "pipe",
              stderr: "pipe",
            },
          );
          const output = Promise.all([new Response(proc.stdout).text(), new Response(proc.stderr).text()]);
          const deadline = new Promise<"timeout">((done) => {
            const timer = setTimeout(() => done("timeout"), 60_000);
            void proc.exited.finally(() => clearTimeout(timer));
          });
          const ended = await Promise.race([proc.exited, deadline]);
          if (ended === "timeout") proc.kill("SIGKILL");
          const [out, err] = await output;
          expect(ended, `the demo did not exit within a minute:\n${out.slice(-500)}\n${err}`).toBe(0);
          expect(out).toContain("Cashier PIN:   1234");
          expect(await readdir(tmp)).toEqual([]);
        } finally {
          await rm(tmp, { recursive: true, force: true });
        }
      },
      120_000,
    );
  }

  test("without the sample data it says where to point it", async () => {
    const proc = Bun.spawn(["bun", "src/cli.ts", "demo", "--once", "--samples", "/nonexistent"], {
      cwd: resolve(import.meta.dir, "../.."),
      stdout: "pipe",
      stderr: "pipe",
    });
    const [err, code] = await Promise.all([new Response(proc.stderr).text(), proc.exited]);
    expect(code).toBe(1);
    expect(err).toContain("the CORE-POS sample data is not at /nonexistent: pass --samples DIR");
  });
});
