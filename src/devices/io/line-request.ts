/**
 * One request line and one answer line over a new TCP connection, within a deadline: how the
 * signature device and the fiscal printer are spoken to. Fails with why (`timeout`, `offline`:
 * no connection, `garbage`: closed without an answer or an over-long one).
 */
import { createConnection } from "node:net";

export class LineRequestError extends Error {
  constructor(
    readonly reason: "timeout" | "offline" | "garbage",
    message: string,
  ) {
    super(message);
  }
}

export function requestLine(options: {
  host: string;
  port: number;
  timeoutMs: number;
  line: string;
  /** Who answers, for the messages ("the signature device"). */
  device: string;
  maxAnswer?: number;
}): Promise<string> {
  const { host, port, timeoutMs, device } = options;
  return new Promise<string>((resolve, reject) => {
    let buffered = "";
    let done = false;
    const socket = createConnection({ host, port });
    const finish = (answer: string | LineRequestError) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      socket.destroy();
      if (answer instanceof LineRequestError) reject(answer);
      else resolve(answer);
    };
    const timer = setTimeout(
      () => finish(new LineRequestError("timeout", `no answer from ${device} within ${timeoutMs} ms`)),
      timeoutMs,
    );
    socket.setEncoding("utf8");
    socket.on("connect", () => socket.write(`${options.line}\n`));
    socket.on("data", (chunk: string) => {
      buffered += chunk;
      const end = buffered.indexOf("\n");
      if (end >= 0) finish(buffered.slice(0, end).replace(/\r$/, ""));
      else if (buffered.length > (options.maxAnswer ?? 2048)) {
        finish(new LineRequestError("garbage", `${device} sent an over-long answer`));
      }
    });
    socket.on("error", (err) =>
      finish(
        new LineRequestError("offline", `${device} at ${host}:${port} is not reachable (${err.message})`),
      ),
    );
    socket.on("close", () =>
      finish(new LineRequestError("garbage", `${device} closed the connection without an answer`)),
    );
  });
}

/** A TCP URI's host, port and `timeoutMs` (min–max), or why it is not one. */
export function parseLineUri(
  uri: string,
  bounds: { min: number; max: number; defaultMs: number },
): { host: string; port: number; timeoutMs: number } | string {
  let url: URL;
  try {
    url = new URL(uri);
  } catch {
    return "it is not a URI";
  }
  if (url.protocol !== "tcp:") return "the scheme must be tcp";
  const port = Number(url.port);
  if (url.port === "" || !Number.isInteger(port) || port < 1) return "it needs a port";
  let timeoutMs = bounds.defaultMs;
  for (const [key, value] of url.searchParams) {
    if (key !== "timeoutMs") return `unknown parameter ${key}`;
    timeoutMs = Number(value);
    if (!Number.isInteger(timeoutMs) || timeoutMs < bounds.min || timeoutMs > bounds.max) {
      return `timeoutMs must be ${bounds.min} to ${bounds.max}`;
    }
  }
  return { host: url.hostname, port, timeoutMs };
}
