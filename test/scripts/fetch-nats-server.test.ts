/**
 * scripts/fetch-nats-server takes the Debian mirror from the machine's own apt sources (here a
 * throwaway apt directory named by RINGUP_APT_ETC), never from a host written in the script.
 */
import { afterEach, describe, expect, test } from "bun:test";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";

const ROOT = resolve(import.meta.dir, "../..");
const SCRIPT = join(ROOT, "scripts/fetch-nats-server");

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function aptEtc(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "ringup-apt-"));
  dirs.push(dir);
  mkdirSync(join(dir, "sources.list.d"));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

function printMirror(etc: string): { code: number; out: string } {
  const env: Record<string, string> = { ...process.env, RINGUP_APT_ETC: etc } as Record<string, string>;
  delete env.RINGUP_DEBIAN_MIRROR;
  const run = Bun.spawnSync(["bash", SCRIPT, "--print-mirror"], { cwd: ROOT, env });
  return { code: run.exitCode, out: `${run.stdout.toString()}${run.stderr.toString()}`.trim() };
}

describe("fetch-nats-server's Debian mirror", () => {
  test("names no mirror host of its own", () => {
    expect(readFileSync(SCRIPT, "utf8")).not.toMatch(/https?:\/\/[a-z0-9.-]+\.(org|net|com)/i);
  });

  test("comes from a deb822 .sources file, skipping other archives, the security archive and disabled entries", () => {
    const etc = aptEtc({
      "sources.list.d/a-tools.sources":
        "Types: deb\nURIs: https://tools.example.invalid/apt\nSuites: nodistro\nComponents: main\n",
      "sources.list.d/debian.sources": [
        "Types: deb\nURIs: http://security.example.invalid/debian-security\nSuites: bookworm-security\nComponents: main\n",
        "Enabled: no\nTypes: deb\nURIs: http://old.example.invalid/debian\nSuites: bookworm\nComponents: main\n",
        "Types: deb deb-src\n# a snapshot would go here\nURIs: http://mirror.example.invalid/debian/\nSuites: bookworm bookworm-updates\nComponents: main\nSigned-By: /usr/share/keyrings/debian-archive-keyring.gpg\n",
      ].join("\n"),
      "sources.list.d/old.sources.disabled":
        "Types: deb\nURIs: http://ignored.example.invalid/debian\nSuites: bookworm\nComponents: main\n",
    });
    expect(printMirror(etc)).toEqual({ code: 0, out: "http://mirror.example.invalid/debian" });
  });

  test("comes first from sources.list in the one-line format, with options and other entries around it", () => {
    const etc = aptEtc({
      "sources.list": [
        "# the machine's archives",
        "deb cdrom:[Debian GNU/Linux 12]/ bookworm main",
        "deb-src http://src.example.invalid/debian bookworm main",
        "deb [arch=amd64 signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] https://list.example.invalid/debian trixie main",
      ].join("\n"),
      "sources.list.d/debian.sources":
        "Types: deb\nURIs: http://mirror.example.invalid/debian\nSuites: bookworm\nComponents: main\n",
    });
    expect(printMirror(etc)).toEqual({ code: 0, out: "https://list.example.invalid/debian" });
  });

  test("a machine without a Debian archive gets a clear error", () => {
    const etc = aptEtc({
      "sources.list.d/tools.list": "deb https://tools.example.invalid/apt nodistro main\n",
    });
    const { code, out } = printMirror(etc);
    expect(code).toBe(1);
    expect(out).toContain("no Debian archive found in the apt sources");
    expect(out).toContain("RINGUP_DEBIAN_MIRROR");
  });
});
