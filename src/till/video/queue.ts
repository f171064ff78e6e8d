/**
 * The video feed's durable, bounded queue at the till: one SQLite file in the till's data dir
 * (`video-feed.sqlite`, synchronous=FULL), events kept per sink in the order they happened until
 * the sink took them. Beyond a sink's bound the oldest are dropped and counted; the sink is told
 * how many before the next event it gets.
 */
import { Database } from "bun:sqlite";
import type { VideoEvent } from "../../core/video-feed.ts";

export interface QueuedEvent {
  id: number;
  event: VideoEvent;
}

export class VideoQueue {
  private readonly db: Database;

  constructor(path: string) {
    this.db = new Database(path, { create: true, strict: true });
    this.db.run("PRAGMA journal_mode = WAL");
    this.db.run("PRAGMA synchronous = FULL");
    this.db.run(
      "CREATE TABLE IF NOT EXISTS video_queue (id INTEGER PRIMARY KEY AUTOINCREMENT, sink TEXT NOT NULL, body TEXT NOT NULL)",
    );
    this.db.run("CREATE INDEX IF NOT EXISTS video_queue_sink ON video_queue (sink, id)");
    this.db.run("CREATE TABLE IF NOT EXISTS video_dropped (sink TEXT PRIMARY KEY, count INTEGER NOT NULL)");
    this.db.run(
      "CREATE TABLE IF NOT EXISTS video_seq (id INTEGER PRIMARY KEY CHECK (id = 1), seq INTEGER NOT NULL)",
    );
  }

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

  close(): void {
    this.db.close();
  }
}
