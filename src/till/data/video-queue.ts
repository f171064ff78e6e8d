/**
 * The video feed's durable, bounded queue at the till, in the till's own database (tables
 * `video_queue`, `video_dropped`, `video_seq`; WAL with synchronous=FULL like the sales):
 * events kept per sink in the order they happened until the sink took them. Beyond a sink's
 * bound the oldest are dropped and counted; the sink is told how many before the next event.
 */
import type { Database } from "bun:sqlite";
import { existsSync, rmSync } from "node:fs";
import { join } from "node:path";
import type { VideoEvent } from "../../core/video-feed.ts";

/** Where earlier versions kept the queue, a file of its own beside the till's database. */
export const LEGACY_VIDEO_QUEUE_FILE = "video-feed.sqlite";

export interface QueuedEvent {
  id: number;
  event: VideoEvent;
}

export class VideoQueue {
  constructor(private readonly db: Database) {}

  /** The next event number at this till (kept across restarts). */
  nextSeq(): number {
    const row = this.db
      .query<{ seq: number }, []>(
        "INSERT INTO video_seq (id, seq) VALUES (1, 1) ON CONFLICT (id) DO UPDATE SET seq = seq + 1 RETURNING seq",
      )
      .get();
    return row?.seq ?? 1;
  }

  /** Keeps the event for each sink, dropping the oldest beyond each sink's bound. */
  add(event: VideoEvent, sinks: readonly { key: string; max: number }[]): void {
    const body = JSON.stringify(event);
    this.db.transaction(() => {
      for (const sink of sinks) {
        this.db.query("INSERT INTO video_queue (sink, body) VALUES (?, ?)").run(sink.key, body);
        const over = this.count(sink.key) - sink.max;
        if (over <= 0) continue;
        this.db
          .query(
            "DELETE FROM video_queue WHERE id IN (SELECT id FROM video_queue WHERE sink = ? ORDER BY id LIMIT ?)",
          )
          .run(sink.key, over);
        this.db
          .query(
            "INSERT INTO video_dropped (sink, count) VALUES (?, ?) ON CONFLICT (sink) DO UPDATE SET count = count + excluded.count",
          )
          .run(sink.key, over);
      }
    })();
  }

  count(sink: string): number {
    return (
      this.db.query<{ n: number }, [string]>("SELECT count(*) AS n FROM video_queue WHERE sink = ?").get(sink)
        ?.n ?? 0
    );
  }

  /** The oldest events waiting for a sink. */
  peek(sink: string, limit: number): QueuedEvent[] {
    return this.db
      .query<{ id: number; body: string }, [string, number]>(
        "SELECT id, body FROM video_queue WHERE sink = ? ORDER BY id LIMIT ?",
      )
      .all(sink, limit)
      .map((row) => ({ id: row.id, event: JSON.parse(row.body) as VideoEvent }));
  }

  /** Events dropped for a sink since it was last told. */
  dropped(sink: string): number {
    return (
      this.db.query<{ count: number }, [string]>("SELECT count FROM video_dropped WHERE sink = ?").get(sink)
        ?.count ?? 0
    );
  }

  /** The sink took the events up to `lastId` (and was told of `dropped` dropped ones). */
  delivered(sink: string, lastId: number, dropped: number): void {
    this.db.transaction(() => {
      this.db.query("DELETE FROM video_queue WHERE sink = ? AND id <= ?").run(sink, lastId);
      if (dropped > 0) {
        this.db.query("UPDATE video_dropped SET count = count - ? WHERE sink = ?").run(dropped, sink);
      }
    })();
  }
}

/**
 * Moves events a till of an earlier version left in its own queue file into the till's
 * database, then removes the file: nothing a sink was still owed is lost by the upgrade.
 */
export function adoptLegacyVideoQueue(db: Database, dataDir: string): void {
  const path = join(dataDir, LEGACY_VIDEO_QUEUE_FILE);
  if (!existsSync(path)) return;
  db.run("ATTACH DATABASE ? AS legacy", [path]);
  try {
    const has = (table: string) =>
      db
        .query<{ n: number }, [string]>("SELECT count(*) AS n FROM legacy.sqlite_master WHERE name = ?")
        .get(table)?.n === 1;
    db.transaction(() => {
      if (has("video_queue"))
        db.run("INSERT INTO video_queue (sink, body) SELECT sink, body FROM legacy.video_queue ORDER BY id");
      if (has("video_dropped")) {
        db.run(
          "INSERT INTO video_dropped (sink, count) SELECT sink, count FROM legacy.video_dropped WHERE true ON CONFLICT (sink) DO UPDATE SET count = count + excluded.count",
        );
      }
      if (has("video_seq")) {
        db.run(
          "INSERT INTO video_seq (id, seq) SELECT 1, seq FROM legacy.video_seq WHERE id = 1 ON CONFLICT (id) DO UPDATE SET seq = max(seq, excluded.seq)",
        );
      }
    })();
  } finally {
    db.run("DETACH DATABASE legacy");
  }
  for (const suffix of ["", "-wal", "-shm"]) rmSync(`${path}${suffix}`, { force: true });
}
