/**
 * Console sessions: signing in with an API token opens one, kept in memory (a restart signs
 * everyone out) and named by a random cookie (`HttpOnly`, `SameSite=Strict`, `Secure` over
 * HTTPS). Each request authenticates the session's token again, so a revoked token ends its
 * sessions at once. Each session has a CSRF token every form carries.
 */
import { timingSafeEqual } from "node:crypto";
import { ConsoleError } from "./errors.ts";

export const SESSION_COOKIE = "ringup_console";
export const LANG_COOKIE = "ringup_lang";
/** How long a session lives after its last use. */
export const IDLE_MS = 8 * 3_600_000;
/** The most sessions kept at once (the oldest are dropped first). */
const MAX_SESSIONS = 10_000;

/** Who a session acts for, as the server's own token check answers it. */
export interface ConsoleUser {
  name: string;
  scopes: readonly string[];
}

export interface ConsoleSession {
  id: string;
  csrf: string;
  user: ConsoleUser;
}

interface Kept {
  token: string;
  csrf: string;
  lastUsedMs: number;
}

function randomId(): string {
  const bytes = new Uint8Array(32);
  crypto.getRandomValues(bytes);
  return Buffer.from(bytes).toString("base64url");
}

/** The value of cookie `name` in a request, or undefined. */
export function cookieOf(request: Request, name: string): string | undefined {
  const header = request.headers.get("cookie");
  if (header === null) return undefined;
  for (const part of header.split(";")) {
    const at = part.indexOf("=");
    if (at > 0 && part.slice(0, at).trim() === name) return part.slice(at + 1).trim();
  }
  return undefined;
}

/** A Set-Cookie value for the session (empty value and Max-Age=0 clears it). */
export function sessionCookie(request: Request, value: string): string {
  const secure = request.url.startsWith("https:") ? "; Secure" : "";
  const age = value === "" ? "; Max-Age=0" : "";
  return `${SESSION_COOKIE}=${value}; Path=/; HttpOnly; SameSite=Strict${secure}${age}`;
}

export class ConsoleSessions {
  readonly #kept = new Map<string, Kept>();

  constructor(
    /** The server's own token check: who the token is, or a domain error (UNAUTHORIZED). */
    private readonly authenticate: (token: string) => ConsoleUser,
    private readonly nowMs: () => number = Date.now,
  ) {}

  /** Signs in: checks the token (throws as the server's check does) and opens a session. */
  open(token: string, allowed: (user: ConsoleUser) => void): ConsoleSession {
    const user = this.authenticate(token);
    allowed(user);
    if (this.#kept.size >= MAX_SESSIONS) {
      const oldest = this.#kept.keys().next().value;
      if (oldest !== undefined) this.#kept.delete(oldest);
    }
    const id = randomId();
    const csrf = randomId();
    this.#kept.set(id, { token, csrf, lastUsedMs: this.nowMs() });
    return { id, csrf, user };
  }

  /** The request's session, or null (no cookie, expired, or its token revoked). */
  of(request: Request): ConsoleSession | null {
    const id = cookieOf(request, SESSION_COOKIE);
    if (id === undefined) return null;
    const kept = this.#kept.get(id);
    if (kept === undefined) return null;
    const now = this.nowMs();
    if (now - kept.lastUsedMs > IDLE_MS) {
      this.#kept.delete(id);
      return null;
    }
    let user: ConsoleUser;
    try {
      user = this.authenticate(kept.token);
    } catch {
      this.#kept.delete(id);
      return null;
    }
    kept.lastUsedMs = now;
    return { id, csrf: kept.csrf, user };
  }

  close(id: string): void {
    this.#kept.delete(id);
  }
}

/** Throws CSRF unless `given` is the session's token. */
export function checkCsrf(session: ConsoleSession, given: unknown): void {
  const a = Buffer.from(session.csrf);
  const b = Buffer.from(typeof given === "string" ? given : "");
  if (a.length !== b.length || !timingSafeEqual(a, b)) {
    throw new ConsoleError("CSRF", "the form did not carry this session's CSRF token");
  }
}

/** Throws CSRF when a browser says the form comes from another site. */
export function checkOrigin(request: Request): void {
  const origin = request.headers.get("origin");
  if (origin === null || origin === "null") return;
  const host = request.headers.get("host");
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    originHost = "";
  }
  if (host === null || originHost !== host) {
    throw new ConsoleError("CSRF", "the form was sent from another site");
  }
}
