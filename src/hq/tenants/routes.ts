/**
 * The operator's tenants routes, served by the default tenant only (a tenant's own head office
 * has none of them: 404): list, create (answering the new tenant's admin token once), suspend
 * and resume, for an admin token of the default tenant. The running head office picks the
 * changes up as it does those of `ringup hq tenant …`.
 */
import { Elysia } from "elysia";
import { tenantInputSchema, tenantParamsSchema } from "../../api/hq/tenants.ts";
import { authorize } from "../auth/plugin.ts";
import type { HqContext } from "../context.ts";
import type { TenantStatus } from "./registry.ts";
import { createTenant, listTenants, setTenantStatus, type TenantView } from "./service.ts";

function viewOf(baseDir: string, database: string | undefined, id: string): TenantView {
  const found = listTenants(baseDir, database).find((t) => t.id === id);
  if (!found) throw new Error(`tenant ${id} is not in the registry`);
  return found;
}

export function tenantsRoutes(ctx: HqContext) {
  const routes = new Elysia({ name: "ringup.hq.tenants" });
  if (ctx.tenant !== undefined) return routes;
  const base = ctx.dataDir;
  const database = ctx.database;
  const change = (id: string, status: TenantStatus, who: string): TenantView => {
    setTenantStatus(base, id, status, ctx.now());
    ctx.log(`hq: tenant ${id} is ${status} (by ${who})`);
    return viewOf(base, database, id);
  };
  return routes
    .use(authorize(ctx, ["admin"], "managing tenants"))
    .get("/tenants", () => ({ tenants: listTenants(base, database) }), {
      detail: { summary: "Every tenant: id, status, created, database size (the operator only)" },
    })
    .post(
      "/tenants",
      ({ body, set, principal }) => {
        const made = createTenant(base, body.id, ctx.now(), database);
        ctx.log(`hq: tenant ${body.id} created by ${principal.name}; reload nats-server to let it in`);
        set.status = 201;
        return { tenant: viewOf(base, database, body.id), token: made.token };
      },
      {
        body: tenantInputSchema,
        detail: {
          summary:
            "Create a tenant with its own database and NATS account; answers its admin token once (400 TENANT_ID_INVALID, 409 TENANT_EXISTS)",
        },
      },
    )
    .post("/tenants/:id/suspend", ({ params, principal }) => change(params.id, "suspended", principal.name), {
      params: tenantParamsSchema,
      detail: { summary: "Suspend a tenant: its tokens get 403 TENANT_SUSPENDED, its data is kept" },
    })
    .post("/tenants/:id/resume", ({ params, principal }) => change(params.id, "active", principal.name), {
      params: tenantParamsSchema,
      detail: { summary: "Serve a suspended tenant again" },
    });
}
