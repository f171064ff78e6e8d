/**
 * The notification webhook for tests: an HTTP server on 127.0.0.1 that answers 200 and keeps
 * every post (its body, signature and event headers), in order.
 */
export interface PostedNotification {
  body: string;
  signature: string | null;
  event: string | null;
}

export class WebhookSink implements AsyncDisposable {
  readonly posted: PostedNotification[] = [];
  private readonly server: ReturnType<typeof Bun.serve>;

  constructor() {
    this.server = Bun.serve({
      port: 0,
      hostname: "127.0.0.1",
      fetch: async (request) => {
        this.posted.push({
          body: await request.text(),
          signature: request.headers.get("ringup-signature"),
          event: request.headers.get("ringup-event"),
        });
        return new Response("ok");
      },
    });
  }

  get url(): string {
    return `http://127.0.0.1:${this.server.port}/hooks`;
  }

  /** The bodies posted so far, parsed. */
  bodies<T = Record<string, unknown>>(): T[] {
    return this.posted.map((p) => JSON.parse(p.body) as T);
  }

  async [Symbol.asyncDispose](): Promise<void> {
    await this.server.stop(true);
  }
}
