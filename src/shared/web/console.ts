/**
 * The web console's frame, shared by head office and the store: its style sheet, signing in
 * and out, the language switch, the page shell, and the guard every page goes through (no
 * session: to the sign-in page; a domain error: the page again with the error, nothing changed).
 * Each server adds its own pages (src/hq/console, src/store-server/console).
 */
import { Elysia } from "elysia";
import { z } from "zod";
import { DomainError } from "../../core/errors.ts";
import { statusOfKind } from "../http-errors.ts";
import { ConsoleError } from "./errors.ts";
import { formFields, parseForm } from "./form.ts";
import { type Html, html } from "./html.ts";
import {
  isLang,
  isMessageKey,
  LANGS,
  type Lang,
  LOCALES,
  type MessageKey,
  type T,
  translator,
} from "./i18n/index.ts";
import {
  type ConsoleSession,
  type ConsoleSessions,
  type ConsoleUser,
  checkCsrf,
  checkOrigin,
  cookieOf,
  LANG_COOKIE,
  sessionCookie,
} from "./session.ts";
import { CONSOLE_CSS } from "./style.ts";

export const CONSOLE_PREFIX = "/console";
const SIGN_IN = `${CONSOLE_PREFIX}/sign-in`;

const CSP =
  "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

export interface NavItem {
  path: string;
  key: MessageKey;
}

export interface ConsoleSite {
  /** The name in the header (head office, or the store's id). */
  brand: (t: T) => string;
  nav: readonly NavItem[];
  sessions: ConsoleSessions;
  /** Throws (SCOPE) unless the user may use this console at all. */
  allowed: (user: ConsoleUser) => void;
  log: (line: string) => void;
}

/** What a page renders with: the user's words, locale, session and the request. */
export interface View {
  t: T;
  lang: Lang;
  locale: string;
  session: ConsoleSession;
  request: Request;
  url: URL;
  site: ConsoleSite;
}

export interface Flash {
  notice?: string;
  error?: { code: string; message: string };
}

function langOf(request: Request): Lang {
  const chosen = cookieOf(request, LANG_COOKIE);
  if (isLang(chosen)) return chosen;
  const accepted = request.headers.get("accept-language") ?? "";
  for (const part of accepted.split(",")) {
    const tag = part.split(";", 1)[0]?.trim().slice(0, 2).toLowerCase();
    if (isLang(tag)) return tag;
  }
  return "en";
}

function headers(extra: Record<string, string> = {}): Record<string, string> {
  return {
    "content-type": "text/html; charset=utf-8",
    "content-security-policy": CSP,
    "x-content-type-options": "nosniff",
    "referrer-policy": "same-origin",
    "cache-control": "no-store",
    ...extra,
  };
}

function redirect(location: string, extra: Record<string, string> = {}): Response {
  return new Response(null, { status: 303, headers: { location, "cache-control": "no-store", ...extra } });
}

function shell(
  site: ConsoleSite,
  t: T,
  lang: Lang,
  url: URL,
  title: string,
  body: Html,
  session: ConsoleSession | null,
  flash: Flash,
): string {
  const back = encodeURIComponent(url.pathname + url.search);
  const nav = session
    ? html`<nav>${site.nav.map((n) => html`<a href="${n.path}" class="${url.pathname === n.path ? "current" : ""}">${t(n.key)}</a>`)}</nav>`
    : "";
  const signOut = session
    ? html`<form method="post" action="${CONSOLE_PREFIX}/sign-out" id="sign-out"><input type="hidden" name="csrf" value="${session.csrf}"><button type="submit">${t("signout.submit")}</button></form>`
    : "";
  const langs = LANGS.map(
    (l) =>
      html`<a href="${CONSOLE_PREFIX}/lang/${l}?back=${back}" hreflang="${l}" lang="${l}">${l.toUpperCase()}</a>`,
  );
  const said = flash.error ? `error.${flash.error.code}` : "";
  const error = flash.error
    ? html`<div class="error" role="alert"><strong>${t("error.title")}</strong> (${flash.error.code}): ${isMessageKey(said) ? `${t(said)} ` : ""}${flash.error.message}</div>`
    : "";
  const notice = flash.notice ? html`<div class="notice" role="status">${flash.notice}</div>` : "";
  return html`<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title} · ${t("app.title")}</title><link rel="stylesheet" href="${CONSOLE_PREFIX}/console.css"></head><body><header><span class="brand">${site.brand(t)}</span>${nav}<span class="langs">${langs}</span>${signOut}</header><main>${error}${notice}<h1>${title}</h1>${body}</main></body></html>`
    .text;
}

/** A whole page as an answer. */
export function pageResponse(
  view: View,
  title: string,
  body: Html,
  flash: Flash = {},
  status = 200,
): Response {
  const text = shell(view.site, view.t, view.lang, view.url, title, body, view.session, flash);
  return new Response(text, { status, headers: headers() });
}

/** What a domain error is on a page: its code, its message, and the status it answers. */
export function flashOf(error: unknown): { flash: Flash; status: number } {
  if (error instanceof DomainError) {
    return {
      flash: { error: { code: error.code, message: error.message } },
      status: statusOfKind[error.kind],
    };
  }
  throw error;
}

/** Throws SCOPE unless the user holds one of the scopes (admin holds all). */
export function requireScopeOf(view: View, scopes: readonly string[]): void {
  const held = view.session.user.scopes;
  if (held.includes("admin") || scopes.some((s) => held.includes(s))) return;
  throw new ConsoleError("SCOPE", view.t("error.scope", { scope: scopes.join(" | ") }));
}

export type PageHandler = (view: View) => Response | Promise<Response>;
/** A form's handler: its fields (CSRF already checked), answering the page to show. */
export type FormHandler = (view: View, fields: Record<string, string>) => Response | Promise<Response>;

function viewOf(site: ConsoleSite, request: Request): View | null {
  const session = site.sessions.of(request);
  if (session === null) return null;
  const lang = langOf(request);
  return {
    t: translator(lang),
    lang,
    locale: LOCALES[lang],
    session,
    request,
    url: new URL(request.url),
    site,
  };
}

/** A page: signed-in users only. */
export function guardPage(site: ConsoleSite, handler: PageHandler) {
  return async ({ request }: { request: Request }) => {
    const view = viewOf(site, request);
    if (view === null) return redirect(SIGN_IN);
    try {
      return await handler(view);
    } catch (err) {
      const { flash, status } = flashOf(err);
      return pageResponse(view, view.t("error.title"), html``, flash, status);
    }
  };
}

/**
 * A form: signed-in users only, from this site (Origin), with the session's CSRF token;
 * `onError` renders the page again with the error.
 */
export function guardForm(
  site: ConsoleSite,
  handler: FormHandler,
  onError: (view: View, flash: Flash, status: number, fields: Record<string, string>) => Response,
) {
  return async ({ request, body }: { request: Request; body: unknown }) => {
    const view = viewOf(site, request);
    if (view === null) return redirect(SIGN_IN);
    const fields = formFields(body);
    try {
      checkOrigin(request);
      checkCsrf(view.session, fields.csrf);
      return await handler(view, fields);
    } catch (err) {
      const { flash, status } = flashOf(err);
      return onError(view, flash, status, fields);
    }
  };
}

/** Refuses a console form before its body is read when it has no session (sign-in aside). */
export function consoleFormGate(sessions: ConsoleSessions) {
  return (request: Request, pathname: string): void => {
    if (pathname === SIGN_IN) return;
    if (sessions.of(request) === null) {
      throw new ConsoleError("SIGNED_OUT", "sign in again: this session has ended");
    }
  };
}

const signInSchema = z.object({ token: z.string().min(1).max(200) });

function signInPage(site: ConsoleSite, request: Request, flash: Flash, status: number): Response {
  const lang = langOf(request);
  const t = translator(lang);
  const body = html`<form method="post" action="${SIGN_IN}" class="stack"><label>${t("signin.token")}<input type="password" name="token" autocomplete="current-password" required maxlength="200"></label><p class="muted">${t("signin.hint")}</p><button type="submit">${t("signin.submit")}</button></form>`;
  const text = shell(site, t, lang, new URL(request.url), t("signin.title"), body, null, flash);
  return new Response(text, { status, headers: headers() });
}

/** The frame's own routes: style sheet, sign-in and -out, language. */
export function consoleFrame(site: ConsoleSite) {
  return new Elysia({ name: `ringup.console.frame.${site.nav[0]?.path ?? ""}` })
    .get(
      `${CONSOLE_PREFIX}/console.css`,
      () =>
        new Response(CONSOLE_CSS, {
          headers: { "content-type": "text/css; charset=utf-8", "cache-control": "max-age=3600" },
        }),
    )
    .get(SIGN_IN, ({ request }) => signInPage(site, request, {}, 200))
    .post(SIGN_IN, ({ request, body }) => {
      try {
        checkOrigin(request);
        const { token } = parseForm(signInSchema, formFields(body));
        const session = site.sessions.open(token, site.allowed);
        site.log(`console: ${session.user.name} signed in`);
        return redirect("/", { "set-cookie": sessionCookie(request, session.id) });
      } catch (err) {
        const { flash, status } = flashOf(err);
        return signInPage(site, request, flash, status);
      }
    })
    .post(`${CONSOLE_PREFIX}/sign-out`, ({ request, body }) => {
      const session = site.sessions.of(request);
      if (session !== null) {
        checkCsrf(session, formFields(body).csrf);
        site.sessions.close(session.id);
        site.log(`console: ${session.user.name} signed out`);
      }
      return redirect(SIGN_IN, { "set-cookie": sessionCookie(request, "") });
    })
    .get(`${CONSOLE_PREFIX}/lang/:lang`, ({ request, params }) => {
      const lang = isLang(params.lang) ? params.lang : "en";
      const back = new URL(request.url).searchParams.get("back") ?? "/";
      const safe = back.startsWith("/") && !back.startsWith("//") && !back.includes("\\") ? back : "/";
      return redirect(safe, {
        "set-cookie": `${LANG_COOKIE}=${lang}; Path=/; SameSite=Strict; Max-Age=31536000`,
      });
    });
}
