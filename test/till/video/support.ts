/** A fresh till data directory per test with the video queue in its database, closed after. */
import { afterEach, beforeEach } from "bun:test";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openTillDatabase } from "../../../src/till/data/db.ts";
import { VideoQueue } from "../../../src/till/data/video-queue.ts";

export interface VideoTestDir {
  /** This test's till data directory. */
  readonly dir: string;
  /** The video queue in the till database under `at` (this test's directory by default). */
  queue(at?: string): VideoQueue;
  /** Closes the databases opened so far (a till stopping), for a restart within a test. */
  closeOpened(): void;
}

export function videoTestDir(prefix: string): VideoTestDir {
  let dir = "";
  const opened: { close(): void }[] = [];
  const closeOpened = () => {
    for (const db of opened.splice(0)) db.close();
  };
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), prefix));
  });
  afterEach(() => {
    closeOpened();
    rmSync(dir, { recursive: true, force: true });
  });
  return {
    get dir() {
      return dir;
    },
    queue(at = dir) {
      const { sqlite } = openTillDatabase(at);
      opened.push(sqlite);
      return new VideoQueue(sqlite);
    },
    closeOpened,
  };
}
