/**
 * Routes each request to its tenant's head office. The tenant comes from the request's token
 * only (`rgh_<tenant>.…`, see ids.ts): a bearer token, the token of a console sign-in form, or
 * the console session that such a sign-in opened. Everything else (no token, a default
 * tenant's token, a tenant that does not exist) goes to the default tenant, which answers 401
 * to a token it does not know, as a single-tenant head office always has. The tenant's own
 * database must know the token: naming a tenant in a token grants nothing.
 *
 * A tenant's parts (database, services, ingest) are opened on its first request and kept; all
 * active tenants are opened at start, and the registry is checked again every few seconds, so
 * that a tenant created while head office runs starts ingesting and a suspended one stops.
 */
import { errorBody, statusOfKind } from "../../shared/http-errors.ts";
import { cookieOf, SESSION_COOKIE } from "../../shared/web/session.ts";
import type { HqParts } from "../parts.ts";
import { TenantError } from "./errors.ts";
import { tenantOfToken } from "./ids.ts";
import { RegistryView } from "./registry.ts";

const SIGN_IN_PATH = "/console/sign-in";
/** The largest sign-in form read to find its token (a real one is a few hundred bytes). */
const SIGN_IN_MAX_BYTES = 4_096;
/** The most console sessions remembered (the oldest are forgotten first). */
const MAX_SESSIONS = 10_000;
const SYNC_MS = 3_000;

export type OpenTenant = (tenant: string) => Promise<HqParts>;
type Handle = (request: Request) => Response | Promise<Response>;

function suspendedAnswer(tenant: string): Response {
  const error = new TenantError(
    "TENANT_SUSPENDED",
    `tenant "${tenant}" is suspended: its data is kept, nothing is served; the operator resumes it with 'ringup hq tenant resume ${tenant}'`,
  );
  return new Response(JSON.stringify(errorBody(error.code, error.message)), {
    status: statusOfKind[error.kind],
    headers: { "content-type": "application/json" },
  });
}

async function signInToken(request: Request): Promise<string | null> {
  const length = Number(request.headers.get("content-length") ?? "NaN");
  if (!(length > 0 && length <= SIGN_IN_MAX_BYTES)) return null;
  try {
    const token = (await request.clone().formData()).get("token");
    return typeof token === "string" ? token : null;
  } catch {
    return null;
  }
}

function bearerOf(request: Request): string | null {
  const header = request.headers.get("authorization");
  const match = header === null ? null : /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match?.[1] ?? null;
}

function sessionSet(response: Response): string | null {
  for (const cookie of response.headers.getSetCookie()) {
    const prefix = `${SESSION_COOKIE}=`;
    if (!cookie.startsWith(prefix)) continue;
    const value = cookie.slice(prefix.length).split(";")[0] ?? "";
    return value === "" ? null : value;
  }
  return null;
}

export class TenantRouter {
  readonly #registry: RegistryView;
  readonly #open = new Map<string, Promise<HqParts>>();
  readonly #sessions = new Map<string, string>();
  #timer: ReturnType<typeof setInterval> | undefined;
  #stopped = false;

  constructor(
    baseDir: string,
    private readonly openTenant: OpenTenant,
    private readonly log: (line: string) => void,
  ) {
    this.#registry = new RegistryView(baseDir);
  }

  /** Opens every active tenant and starts watching the registry. */
  async start(): Promise<this> {
    await this.sync();
    this.#timer = setInterval(() => {
      this.sync().catch((err: unknown) => this.log(`hq: tenants: ${String(err)}`));
    }, SYNC_MS);
    this.#timer.unref?.();
    return this;
  }

  /** Opens active tenants not yet open; closes suspended ones. */
  async sync(): Promise<void> {
    const tenants = this.#registry.current();
    for (const t of tenants) {
      if (t.status === "active" && !this.#open.has(t.id)) await this.#parts(t.id).catch(() => null);
      if (t.status === "suspended" && this.#open.has(t.id)) await this.#close(t.id);
    }
  }

  /** The tenants open now. */
  get openTenants(): string[] {
    return [...this.#open.keys()];
  }

  async handle(request: Request, fallback: Handle): Promise<Response> {
    const tenant = await this.#tenantOf(request);
    if (tenant === null) return fallback(request);
    const entry = this.#registry.get(tenant);
    if (entry === undefined) return fallback(request);
    if (entry.status === "suspended") {
      if (this.#open.has(tenant)) await this.#close(tenant);
      return suspendedAnswer(tenant);
    }
    const parts = await this.#parts(tenant);
    const response = await parts.app.handle(request);
    const session = sessionSet(response);
    if (session !== null) this.#remember(session, tenant);
    return response;
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    if (this.#timer !== undefined) clearInterval(this.#timer);
    await Promise.allSettled([...this.#open.keys()].map((t) => this.#close(t)));
  }

  async #tenantOf(request: Request): Promise<string | null> {
    const bearer = bearerOf(request);
    if (bearer !== null) return tenantOfToken(bearer);
    // A sign-in goes by the token typed in, whatever session the browser still holds.
    if (request.method === "POST" && new URL(request.url).pathname === SIGN_IN_PATH) {
      const token = await signInToken(request);
      return token === null ? null : tenantOfToken(token);
    }
    const session = cookieOf(request, SESSION_COOKIE);
    return session === undefined ? null : (this.#sessions.get(session) ?? null);
  }

  #parts(tenant: string): Promise<HqParts> {
    let opening = this.#open.get(tenant);
    if (opening === undefined) {
      if (this.#stopped) return Promise.reject(new Error("head office is stopping"));
      opening = this.openTenant(tenant);
      this.#open.set(tenant, opening);
      opening.then(
        () => this.log(`hq: tenant ${tenant} open`),
        (err: unknown) => {
          this.#open.delete(tenant);
          this.log(`hq: tenant ${tenant} could not be opened: ${String(err)}`);
        },
      );
    }
    return opening;
  }

  async #close(tenant: string): Promise<void> {
    const opening = this.#open.get(tenant);
    this.#open.delete(tenant);
    for (const [id, t] of this.#sessions) if (t === tenant) this.#sessions.delete(id);
    if (opening === undefined) return;
    const parts = await opening.catch(() => null);
    await parts?.stop();
    this.log(`hq: tenant ${tenant} closed`);
  }

  #remember(session: string, tenant: string): void {
    if (this.#sessions.size >= MAX_SESSIONS) {
      const oldest = this.#sessions.keys().next().value;
      if (oldest !== undefined) this.#sessions.delete(oldest);
    }
    this.#sessions.set(session, tenant);
  }
}
