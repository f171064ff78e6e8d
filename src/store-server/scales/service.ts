/**
 * Label scales at the store: the weighed goods of each scale's departments sent as PLUs over
 * the scale's protocol (drivers in src/devices/label-scale, handed in by the CLI), and each
 * scale's health. A sync remembers which PLUs each scale acknowledged (and what they said), so
 * a link lost halfway leaves the scale "partly programmed" and the next sync sends only what is
 * missing or changed. Every PLU is checked against the scale's field widths before the first
 * one is sent. Each sync is in the audit log and the journal.
 */
import { and, asc, eq, inArray } from "drizzle-orm";
import { products, scaleProductDetails } from "../../../schema/store.ts";
import type {
  ScaleConfig,
  ScaleHealth,
  ScaleSyncAnswer,
  ScaleSyncRequest,
  ScaleTotalsAnswer,
} from "../../api/store/scales.ts";
import { DomainError } from "../../core/errors.ts";
import { type LabelScale, pluFingerprint, pluMisfit, type ScalePlu } from "../../core/scales/scale-port.ts";
import { recordAudit } from "../audit/service.ts";
import type { Principal } from "../auth/tokens.ts";
import type { StoreContext } from "../context.ts";
import { ScalesError } from "./errors.ts";
import { ScaleHealthReporter } from "./health-report.ts";

/** A PLU with the product it comes from. */
type StorePlu = ScalePlu & { readonly code: string };

interface SyncMemory {
  /** PLU number → fingerprint of what the scale acknowledged. */
  readonly acked: Map<number, string>;
  lastSyncAt: string | null;
  lastError: { code: string; message: string } | null;
  total: number;
}

/** The PLUs the scale still needs: those it has not acknowledged as they are now. */
export function pendingPlus<P extends ScalePlu>(plus: readonly P[], acked: ReadonlyMap<number, string>): P[] {
  return plus.filter((plu) => acked.get(plu.pluNo) !== pluFingerprint(plu));
}

function scaleFailure(error: unknown): ScalesError {
  if (error instanceof DomainError && error.code === "DEVICE_PROTOCOL_ERROR") {
    return new ScalesError("SCALE_GARBAGE", error.message);
  }
  return new ScalesError("SCALE_UNREACHABLE", error instanceof Error ? error.message : String(error));
}

export class ScaleService {
  private readonly memory = new Map<string, SyncMemory>();
  private readonly reporter: ScaleHealthReporter;

  constructor(private readonly ctx: StoreContext) {
    this.reporter = new ScaleHealthReporter(ctx);
  }

  private config(id: string): ScaleConfig {
    const scale = this.ctx.settings.scales.find((s) => s.id === id);
    if (scale === undefined) {
      const ids = this.ctx.settings.scales.map((s) => s.id);
      throw new ScalesError(
        "SCALE_NOT_FOUND",
        `scale: no scale "${id}"; there are ${ids.join(", ") || "none"}`,
        {
          scale: id,
          scales: ids,
        },
      );
    }
    return scale;
  }

  private open(scale: ScaleConfig): LabelScale {
    if (this.ctx.labelScales === undefined) {
      throw new ScalesError(
        "SCALES_UNAVAILABLE",
        "this store server was started without label scale drivers; start it with `ringup store`",
      );
    }
    return this.ctx.labelScales(scale.uri, scale.protocol);
  }

  private memoryOf(id: string): SyncMemory {
    let memory = this.memory.get(id);
    if (memory === undefined) {
      memory = { acked: new Map(), lastSyncAt: null, lastError: null, total: 0 };
      this.memory.set(id, memory);
    }
    return memory;
  }

  /** The scale's PLUs: the active weighed products of its departments (all when it names none). */
  plusOf(scale: ScaleConfig): StorePlu[] {
    const weighed = and(eq(products.soldByWeight, true), eq(products.active, true));
    const rows = this.ctx.db
      .select({
        code: products.code,
        name: products.name,
        priceMinor: products.priceMinor,
        department: products.department,
        tareGrams: scaleProductDetails.tareGrams,
        shelfLifeDays: scaleProductDetails.shelfLifeDays,
      })
      .from(products)
      .leftJoin(scaleProductDetails, eq(scaleProductDetails.productCode, products.code))
      .where(
        scale.departments === undefined
          ? weighed
          : and(weighed, inArray(products.department, scale.departments)),
      )
      .orderBy(asc(products.code))
      .all();
    return rows.map((p) => ({
      pluNo: /^\d+$/.test(p.code) ? Number(p.code) : Number.NaN,
      name: p.name,
      unitPriceMinor: p.priceMinor,
      tareGrams: p.tareGrams ?? 0,
      shelfLifeDays: p.shelfLifeDays ?? 0,
      departmentId: p.department ?? "",
      code: p.code,
    }));
  }

  /** Syncs the scale named, or every scale in turn (the first failure stops and says which). */
  async syncAll(request: ScaleSyncRequest, principal: Principal): Promise<ScaleSyncAnswer[]> {
    const ids = request.scale === undefined ? this.ctx.settings.scales.map((s) => s.id) : [request.scale];
    if (request.scale !== undefined) this.config(request.scale);
    const answers: ScaleSyncAnswer[] = [];
    for (const id of ids) answers.push(await this.sync(id, principal));
    return answers;
  }

  /** Syncs one scale; its health afterwards (sent or not) is journaled for head office. */
  async sync(id: string, principal: Principal): Promise<ScaleSyncAnswer> {
    const scale = this.config(id);
    try {
      return await this.syncScale(scale, principal);
    } finally {
      this.reporter.report(await this.healthOf(scale));
    }
  }

  private async syncScale(scale: ScaleConfig, principal: Principal): Promise<ScaleSyncAnswer> {
    const id = scale.id;
    const plus = this.plusOf(scale);
    const device = this.open(scale);
    const memory = this.memoryOf(id);
    try {
      for (const plu of plus) {
        const code = plu.code;
        if (!Number.isInteger(plu.pluNo) || plu.pluNo < 1) {
          throw new ScalesError(
            "SCALE_FIELD_TOO_LONG",
            `product ${code}: a scale's PLU number must be 1–${"9".repeat(device.limits.pluDigits)}; nothing was sent`,
            { code, field: "pluNo" },
          );
        }
        const misfit = pluMisfit(plu, device.limits);
        if (misfit !== null) {
          throw new ScalesError(
            misfit.field === "unitPriceMinor" ? "SCALE_PRICE_TOO_LONG" : "SCALE_FIELD_TOO_LONG",
            `product ${code}: ${misfit.field} ${misfit.field === "name" ? plu.name.length : String(plu[misfit.field]).length} characters long, the scale's field holds ${misfit.limit}; nothing was sent`,
            { code, field: misfit.field, limit: misfit.limit },
          );
        }
      }
      memory.total = plus.length;
      const pending = pendingPlus(plus, memory.acked);
      let sent = 0;
      try {
        for (const plu of pending) {
          await device.writePlu(plu);
          memory.acked.set(plu.pluNo, pluFingerprint(plu));
          sent += 1;
        }
      } catch (error) {
        const failure = scaleFailure(error);
        memory.lastError = { code: failure.code, message: failure.message };
        this.record(principal, scale, { sent, pending: pending.length - sent, error: failure.code });
        throw new ScalesError(
          failure.code,
          `${failure.message}; ${sent} of ${pending.length} PLUs sent, the scale is partly programmed; sync again to send the rest`,
          { sent, remaining: pending.length - sent },
        );
      }
      memory.lastSyncAt = this.ctx.now().toISOString();
      memory.lastError = null;
      this.record(principal, scale, { sent, pending: 0 });
      return { scale: id, sent, total: plus.length };
    } finally {
      await device.close();
    }
  }

  private record(principal: Principal, scale: ScaleConfig, detail: Record<string, unknown>): void {
    this.ctx.db.transaction((tx) =>
      recordAudit(
        this.ctx,
        tx,
        {
          action: "scales.synced",
          at: this.ctx.now(),
          userId: principal.userId,
          tillId: principal.tillId,
          detail: { scale: scale.id, ...detail },
        },
        true,
      ),
    );
  }

  /** The scale's sales totals per PLU, with the product each PLU number stands for. */
  async totals(id: string): Promise<ScaleTotalsAnswer> {
    const scale = this.config(id);
    const device = this.open(scale);
    try {
      const totals = await device.readSalesTotals();
      const codes = new Set(this.plusOf(scale).map((p) => p.code));
      return {
        scale: id,
        totals: totals.map((t) => ({ ...t, code: codes.has(String(t.pluNo)) ? String(t.pluNo) : null })),
      };
    } catch (error) {
      throw error instanceof ScalesError ? error : scaleFailure(error);
    } finally {
      await device.close();
    }
  }

  /** Each scale's health (its status asked now); what changed since last time is journaled. */
  async health(): Promise<ScaleHealth[]> {
    const answers: ScaleHealth[] = [];
    for (const scale of this.ctx.settings.scales) {
      const health = await this.healthOf(scale);
      this.reporter.report(health);
      answers.push(health);
    }
    return answers;
  }

  private async healthOf(scale: ScaleConfig): Promise<ScaleHealth> {
    const memory = this.memoryOf(scale.id);
    const plus = this.plusOf(scale);
    const programmed = plus.length - pendingPlus(plus, memory.acked).length;
    let reachable = false;
    let state: string | null = null;
    let error = memory.lastError;
    try {
      const device = this.open(scale);
      try {
        state = (await device.readStatus()).state;
        reachable = true;
      } finally {
        await device.close();
      }
    } catch (e) {
      const failure = e instanceof ScalesError ? e : scaleFailure(e);
      error = { code: failure.code, message: failure.message };
    }
    return {
      id: scale.id,
      uri: scale.uri,
      protocol: scale.protocol,
      reachable,
      state,
      lastSyncAt: memory.lastSyncAt,
      plusSent: programmed,
      plusTotal: plus.length,
      programming: programmed === plus.length ? "complete" : programmed === 0 ? "none" : "partial",
      error,
    };
  }
}

const services = new WeakMap<StoreContext, ScaleService>();

/** The store's one scale service: its routes and its health watch share what the scales acknowledged. */
export function scaleServiceOf(ctx: StoreContext): ScaleService {
  let service = services.get(ctx);
  if (service === undefined) {
    service = new ScaleService(ctx);
    services.set(ctx, service);
  }
  return service;
}
