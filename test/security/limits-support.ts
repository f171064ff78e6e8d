/**
 * Measures for the request-limit tests: a server process's CPU time and resident memory, read
 * from /proc before and after an attack (a measure, not a wait), and the attacks' bodies.
 */

import { expect } from "bun:test";
import { readFileSync } from "node:fs";

const TICKS_PER_SECOND = 100;

/** User plus system CPU time of a process (all its threads), in milliseconds. */
export function cpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  // Fields after the command name, which is in parentheses and may hold spaces.
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  const utime = Number(fields[11]);
  const stime = Number(fields[12]);
  return ((utime + stime) * 1000) / TICKS_PER_SECOND;
}

/** Resident memory of a process, in MiB. */
export function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? "0");
  return kb / 1024;
}

export interface Measured {
  status: number;
  body: { error?: { code?: string; message?: string; details?: unknown } };
  text: string;
  cpuMs: number;
  rssGrowthMb: number;
  elapsedMs: number;
}

/** Sends one request and measures what it cost the server process. */
export async function measure(pid: number, send: () => Promise<Response>): Promise<Measured> {
  const cpuBefore = cpuMs(pid);
  const rssBefore = rssMb(pid);
  const started = performance.now();
  const res = await send();
  const text = await res.text();
  const elapsedMs = performance.now() - started;
  const measured: Measured = {
    status: res.status,
    body: {},
    text,
    cpuMs: cpuMs(pid) - cpuBefore,
    rssGrowthMb: rssMb(pid) - rssBefore,
    elapsedMs,
  };
  try {
    measured.body = JSON.parse(text) as Measured["body"];
  } catch {
    // Left empty: the checks below report the text.
  }
  return measured;
}

/** The JSON error shape, a small body that does not repeat the input, and a cheap answer. */
export function expectCheapRefusal(m: Measured, status: number, code: string): void {
  expect({ status: m.status, code: m.body.error?.code }).toEqual({ status, code });
  expect(typeof m.body.error?.message).toBe("string");
  expect(m.text.length).toBeLessThan(1000);
  expect(m.cpuMs).toBeLessThan(50);
  expect(m.rssGrowthMb).toBeLessThan(100);
}

/** `{"<key>": <value nested depth arrays deep>}` as text, without building it as objects. */
export function deeplyNested(depth: number, key = "pin", extra = '"tillId":"T1",'): string {
  return `{${extra}"${key}":${"[".repeat(depth)}${"]".repeat(depth)}}`;
}

/** An object of about `bytes` bytes of made-up keys. */
export function manyUnknownKeys(bytes: number): string {
  const parts: string[] = [];
  let size = 2;
  for (let i = 0; size < bytes; i++) {
    const part = `"unknown_field_${i}":${i}`;
    parts.push(part);
    size += part.length + 1;
  }
  return `{${parts.join(",")}}`;
}

/** A body sent without a Content-Length (chunked), so the server has to count as it reads. */
export function chunked(text: string, chunkBytes = 16 * 1024): ReadableStream<Uint8Array> {
  const bytes = new TextEncoder().encode(text);
  let at = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (at >= bytes.length) {
        controller.close();
        return;
      }
      controller.enqueue(bytes.subarray(at, at + chunkBytes));
      at += chunkBytes;
    },
  });
}
