/**
 * Cashier log-in and supervisor approvals, with the store when it answers and against PINs
 * this till has seen succeed when it does not.
 *
 * - Online, `POST /sessions` checks the PIN (the store counts wrong PINs and locks PIN entry);
 *   the session token it answers is kept in `meta` for every later call, and a Bun.password
 *   hash of the PIN is kept with the cashier (id, name, role) for offline log-ins.
 * - Offline (network down, timeout, 5xx), the PIN is checked against those hashes, most recent
 *   cashier first, with the store's own lock-out rule (`pinMaxAttempts`, `pinLockoutSeconds`)
 *   applied locally. The PIN is then kept in memory only, to open a store session as soon as
 *   the store answers again, so the outbox and the catalog sync carry on.
 * - Locking the till (`logout`) forgets the cashier but keeps the store session for the
 *   background work (catalog sync, outbox) until the next log-in replaces it: the store ends a
 *   till's earlier session at every log-in.
 * - A paired till (`ringup till --pair CODE`) does its background work with its own device
 *   token instead (`withBackground`), before anyone logs in and whatever the sessions do; the
 *   sales still carry the cashier's log-in proof. When the store refuses the device token (the
 *   till was revoked), the till says so and a manager must pair it again.
 */
import { desc, eq } from "drizzle-orm";
import { z } from "zod";
import { tillCashiers } from "../../../schema/till.ts";
import type { StaffDiscountAnswer } from "../../api/store/answers.ts";
import { tillStoreRoutes } from "../../api/store/till-routes.ts";
import { permissionSchema } from "../../core/permissions.ts";
import type { StoreSettings } from "../../core/settings.ts";
import { cashierMay } from "../rights.ts";
import type { ApprovalAction, Approver, Cashier, TillTrace } from "../services.ts";
import type { MetaStore, TillDb } from "./db.ts";
import { isSessionRefusal, StoreRefusedError, StoreUnreachableError, TillAuthError } from "./errors.ts";
import type { TillKeys } from "./keys.ts";
import type { LinkState } from "./link.ts";
import type { StoreClient } from "./store-client.ts";

/** Same profile as the store's PIN hashes (argon2id: costly on purpose, like each guess against them). */
const HASH_OPTIONS = { algorithm: "argon2id", memoryCost: 19_456, timeCost: 2 } as const;
const PIN_PATTERN = /^\d{4,8}$/;

export interface AuthDeps {
  db: TillDb;
  meta: MetaStore;
  client: StoreClient;
  link: LinkState;
  tillId: string;
  now: () => Date;
  settings: () => StoreSettings;
  keys: TillKeys;
  /**
   * Keeps a trace for the store's audit log of what happened while it could not see it (an
   * offline log-in, a PIN refused offline), under the given log-in proof (null: nobody's).
   */
  trace: (entry: TillTrace, madeIn: string | null) => void;
  /** Called after a store session opens (sync and drain can go ahead). */
  onSession: () => void;
}

export class TillAuth {
  private current: Cashier | null = null;
  /** Proof of the current cashier's log-in: the store's (online) or signed by this till (offline). */
  private currentProof: string | null = null;
  /** PIN of a cashier who logged in offline: memory only, to open a session when the store is back. */
  private offlinePin: string | null = null;
  private failures = 0;
  private lockedUntilMs = 0;
  private reopening: Promise<boolean> | null = null;
  /** The store ended the kept session (401): say "log in again" until a new one opens. */
  private sessionEnded = false;

  constructor(private readonly deps: AuthDeps) {}

  cashier(): Cashier | null {
    return this.current;
  }

  token(): string | null {
    return this.deps.meta.get("sessionToken");
  }

  /** The token of the background work: the till's device token when paired, else the session's. */
  backgroundToken(): string | null {
    return this.deps.meta.get("deviceToken") ?? this.token();
  }

  /** Runs background work (sync, outbox) with the device token when paired, else as `withSession`. */
  async withBackground<T>(run: (token: string) => Promise<T>): Promise<T> {
    const device = this.deps.meta.get("deviceToken");
    if (device === null) return this.withSession(run);
    try {
      const result = await run(device);
      this.deps.link.sessionTrouble(null);
      return result;
    } catch (err) {
      if (!isSessionRefusal(err)) throw err;
      const revoked = new TillAuthError(
        "TILL_REVOKED",
        "the store no longer accepts this till's token (it was revoked): a manager must pair it again with 'ringup admin till pair'",
      );
      this.deps.link.sessionTrouble(revoked.message);
      throw revoked;
    }
  }

  async login(pin: string): Promise<Cashier> {
    requirePinShape(pin);
    try {
      const answer = await this.deps.client.request(tillStoreRoutes["POST /api/v1/sessions"], {
        body: { tillId: this.deps.tillId, pin },
        // The till's device token (paired) or its last session shows the store it is this till:
        // a stranger's wrong PINs without one cannot lock it out.
        token: this.backgroundToken(),
      });
      this.deps.link.reachable();
      await this.sessionOpened(answer.token, answer.user, pin, answer.proof ?? null);
      this.current = answer.user;
      this.currentProof = answer.proof ?? null;
      this.offlinePin = null;
      this.failures = 0;
      return answer.user;
    } catch (err) {
      if (err instanceof StoreUnreachableError) {
        this.deps.link.unreachable(err);
        const cashier = await this.offlineCheck(pin, err);
        this.current = cashier;
        this.currentProof = this.deps.keys.sign({
          k: "offline",
          till: this.deps.tillId,
          user: cashier.id,
          at: this.deps.now().toISOString(),
        });
        this.offlinePin = pin;
        this.deps.trace({ action: "user.login_offline", detail: { role: cashier.role } }, this.currentProof);
        return cashier;
      }
      if (err instanceof StoreRefusedError) {
        this.deps.link.reachable();
        if (err.code === "WRONG_PIN") await this.forgetPin(pin);
      }
      throw err;
    }
  }

  async logout(): Promise<void> {
    this.current = null;
    this.currentProof = null;
    this.offlinePin = null;
  }

  /** The proof that the current cashier logged in at this till, carried by their sales. */
  madeIn(): string | null {
    return this.currentProof;
  }

  async approve(pin: string, action: ApprovalAction): Promise<Approver> {
    requirePinShape(pin);
    try {
      const answer = await this.withSession((token) =>
        this.deps.client.request(tillStoreRoutes["POST /api/v1/approvals"], {
          body: { action, pin, tillId: this.deps.tillId },
          token,
        }),
      );
      this.deps.link.reachable();
      const { id, name } = answer.approvedBy;
      const known = this.deps.db.select().from(tillCashiers).where(eq(tillCashiers.id, id)).get();
      // The store names the approver (and, from newer stores, their role and its rights).
      const { role, permissions, maxDiscountPercent } = answer.approvedBy;
      const approver: Cashier =
        role !== undefined
          ? { id, name, role, permissions, maxDiscountPercent }
          : known
            ? cashierOf(known)
            : { id, name, role: "supervisor" };
      await this.remember(approver, pin);
      return { ...approver, proof: { grantId: answer.approvalId } };
    } catch (err) {
      if (err instanceof StoreUnreachableError) {
        this.deps.link.unreachable(err);
        return this.signedApproval(await this.offlineCheck(pin, err, action), action);
      }
      if (err instanceof TillAuthError && (err.code === "NO_SESSION" || err.code === "SESSION_ENDED")) {
        // The store cannot check it without a session: the PINs this till knows can.
        return this.signedApproval(await this.offlineCheck(pin, err, action), action);
      }
      if (err instanceof StoreRefusedError && err.code === "WRONG_PIN") await this.forgetPin(pin);
      throw err;
    }
  }

  /** A staff member's discount, by their PIN: the store checks it (there is no offline check). */
  async staffDiscount(pin: string): Promise<StaffDiscountAnswer> {
    requirePinShape(pin);
    try {
      const answer = await this.withSession((token) =>
        this.deps.client.request(tillStoreRoutes["POST /api/v1/staff-discounts"], {
          body: { pin, tillId: this.deps.tillId },
          token,
        }),
      );
      this.deps.link.reachable();
      return answer;
    } catch (err) {
      if (err instanceof StoreUnreachableError) this.deps.link.unreachable(err);
      throw err;
    }
  }

  /** An approval checked here against a known supervisor's PIN, signed for the store to check later. */
  private signedApproval(approver: Cashier, action: ApprovalAction): Approver {
    const signed = this.deps.keys.sign({
      k: "approval",
      till: this.deps.tillId,
      approver: approver.id,
      action,
      at: this.deps.now().toISOString(),
    });
    return { ...approver, proof: { signed } };
  }

  /**
   * Runs a call that needs the store session. Opens one first from an offline log-in's PIN when
   * there is none; after a 401 (session ended) opens a new one that way and retries once.
   */
  async withSession<T>(run: (token: string) => Promise<T>): Promise<T> {
    let token = this.token();
    if (!token) {
      if (!(await this.reopenSession())) throw this.noSession();
      token = this.token();
      if (!token) throw this.noSession();
    }
    try {
      return await run(token);
    } catch (err) {
      if (!isSessionRefusal(err)) throw err;
      const latest = this.token();
      if (latest && latest !== token) return run(latest);
      this.deps.meta.delete("sessionToken");
      if (await this.reopenSession()) {
        const fresh = this.token();
        if (fresh) return run(fresh);
      }
      this.sessionEnded = true;
      const ended = this.noSession();
      this.deps.link.sessionTrouble(ended.message);
      throw ended;
    }
  }

  private noSession(): TillAuthError {
    return this.sessionEnded
      ? new TillAuthError(
          "SESSION_ENDED",
          "the store ended this till's session: a cashier must log in again while the store is reachable",
        )
      : new TillAuthError(
          "NO_SESSION",
          "this till has no session with the store: a cashier must log in while the store is reachable",
        );
  }

  /** Opens a store session with the PIN of an offline log-in; false when there is none to use. */
  private reopenSession(): Promise<boolean> {
    if (!this.reopening) {
      this.reopening = this.reopen().finally(() => {
        this.reopening = null;
      });
    }
    return this.reopening;
  }

  private async reopen(): Promise<boolean> {
    const pin = this.offlinePin;
    if (pin === null) return false;
    try {
      const answer = await this.deps.client.request(tillStoreRoutes["POST /api/v1/sessions"], {
        body: { tillId: this.deps.tillId, pin },
        // The till's device token (paired) or its last session shows the store it is this till:
        // a stranger's wrong PINs without one cannot lock it out.
        token: this.backgroundToken(),
      });
      this.deps.link.reachable();
      await this.sessionOpened(answer.token, answer.user, pin, answer.proof ?? null);
      this.offlinePin = null;
      return true;
    } catch (err) {
      if (err instanceof StoreRefusedError) {
        // The store no longer takes that PIN: ask for a log-in rather than try again.
        this.offlinePin = null;
        this.deps.link.sessionTrouble(
          `the store refused the offline cashier's PIN (${err.message}): log in again`,
        );
        return false;
      }
      throw err;
    }
  }

  private async sessionOpened(
    token: string,
    user: Cashier,
    pin: string,
    proof: string | null,
  ): Promise<void> {
    this.deps.meta.set("sessionToken", token);
    if (proof !== null) this.deps.meta.set("sessionProof", proof);
    this.sessionEnded = false;
    this.deps.link.sessionTrouble(null);
    await this.remember(user, pin);
    await this.registerKey(token);
    this.deps.onSession();
  }

  /**
   * Registers this till's public key at the store (once), so that what the till signs offline can
   * be checked. A refusal (the store holds another key for this till) is shown to the cashier:
   * a manager must replace the key, or offline log-ins and approvals will not be accepted.
   */
  private async registerKey(token: string): Promise<void> {
    const { keys } = this.deps;
    if (keys.registered()) return;
    try {
      await this.deps.client.request(tillStoreRoutes["PUT /api/v1/tills/:tillId/key"], {
        params: { tillId: this.deps.tillId },
        body: { publicKey: keys.publicKey },
        token,
      });
      keys.markRegistered();
    } catch (err) {
      if (err instanceof StoreRefusedError) {
        this.deps.link.sessionTrouble(`the store did not take this till's key: ${err.message}`);
      }
      // Unreachable: tried again at the next log-in.
    }
  }

  /** Keeps the cashier with a hash of the PIN that just worked at the store. */
  private async remember(cashier: Cashier, pin: string): Promise<void> {
    const pinHash = await Bun.password.hash(pin, HASH_OPTIONS);
    const row = {
      id: cashier.id,
      name: cashier.name,
      role: cashier.role,
      permissions: cashier.permissions === undefined ? null : JSON.stringify(cashier.permissions),
      maxDiscountPercent: cashier.maxDiscountPercent ?? null,
      pinHash,
      lastSeenAt: this.deps.now().toISOString(),
    };
    this.deps.db
      .insert(tillCashiers)
      .values(row)
      .onConflictDoUpdate({ target: tillCashiers.id, set: row })
      .run();
  }

  /** Forgets cached cashiers whose PIN the store just called wrong (changed or withdrawn). */
  private async forgetPin(pin: string): Promise<void> {
    for (const c of this.deps.db.select().from(tillCashiers).all()) {
      if (await Bun.password.verify(pin, c.pinHash)) {
        this.deps.db.delete(tillCashiers).where(eq(tillCashiers.id, c.id)).run();
      }
    }
  }

  /** Checks a PIN against the cashiers this till knows, with a local lock-out. */
  private async offlineCheck(
    pin: string,
    cause: StoreUnreachableError | TillAuthError,
    action?: ApprovalAction,
  ): Promise<Cashier> {
    const nowMs = this.deps.now().getTime();
    const { pinMaxAttempts, pinLockoutSeconds } = this.deps.settings();
    // A PIN typed for an approval is typed in the session of the cashier at the till.
    const refused = (detail: Record<string, string | number | boolean | null>) =>
      this.deps.trace(
        {
          action: "pin.failed_offline",
          detail: { purpose: action ? "approval" : "login", action: action ?? null, ...detail },
        },
        action ? this.currentProof : null,
      );
    if (this.lockedUntilMs > nowMs) {
      const seconds = Math.ceil((this.lockedUntilMs - nowMs) / 1000);
      refused({ locked: true, secondsLeft: seconds });
      throw new TillAuthError(
        "PIN_LOCKED",
        `PIN entry on this till is locked after ${pinMaxAttempts} wrong PINs; try again in ${seconds} seconds`,
        { secondsLeft: seconds },
      );
    }
    const cached = this.deps.db.select().from(tillCashiers).orderBy(desc(tillCashiers.lastSeenAt)).all();
    for (const c of cached) {
      if (!(await Bun.password.verify(pin, c.pinHash))) continue;
      this.failures = 0;
      const cashier = cashierOf(c);
      if (action !== undefined && !cashierMay(cashier, action)) {
        throw new TillAuthError(
          "NOT_AN_APPROVER",
          `this PIN belongs to a ${c.role}; ${action} needs the PIN of someone whose role may approve it`,
        );
      }
      return cashier;
    }
    this.failures += 1;
    const left = Math.max(0, pinMaxAttempts - this.failures);
    if (left === 0) {
      this.lockedUntilMs = nowMs + pinLockoutSeconds * 1000;
      this.failures = 0;
    }
    refused({ attemptsLeft: left, locked: left === 0 });
    const why =
      cause instanceof StoreUnreachableError ? `the store is unreachable (${cause.reason})` : cause.message;
    const what = action ? "approve" : "log in";
    throw new TillAuthError(
      "PIN_UNKNOWN_OFFLINE",
      `${why}, and this PIN has not been used to ${what} at this till while the store was reachable` +
        (left === 0
          ? `; PIN entry is now locked for ${pinLockoutSeconds} seconds`
          : `; ${left} attempt${left === 1 ? "" : "s"} left`),
      { attemptsLeft: left },
    );
  }
}

/** A cashier this till keeps, with the rights the store last gave their role. */
function cashierOf(row: typeof tillCashiers.$inferSelect): Cashier {
  const parsed =
    row.permissions === null ? null : z.array(permissionSchema).safeParse(JSON.parse(row.permissions));
  return {
    id: row.id,
    name: row.name,
    role: row.role,
    ...(parsed?.success ? { permissions: parsed.data, maxDiscountPercent: row.maxDiscountPercent ?? 0 } : {}),
  };
}

function requirePinShape(pin: string): void {
  if (!PIN_PATTERN.test(pin)) throw new TillAuthError("INVALID_PIN", "a PIN is 4 to 8 digits");
}
