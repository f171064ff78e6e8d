/**
 * Which permission each store route needs: one table, checked for every request before its
 * body is read (after the token). An admin token may do everything; a session may do what its
 * user's role holds (src/core/permissions.ts); a till's own token what a cashier may.
 *
 * Actions inside a sale or a return (refunds, voids after total, price overrides, discounts,
 * no-sales) are not routes: the role's permission decides whether the cashier does them
 * alone, and an approver's role must hold it (src/api/store/roles.ts, users/approvals.ts).
 */
import { Elysia } from "elysia";
import type { Permission } from "../../core/permissions.ts";
import type { StoreContext } from "../context.ts";
import { authenticateRequest } from "../http/auth-plugin.ts";
import { AuthError } from "./errors.ts";
import type { Principal } from "./tokens.ts";

type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

/**
 * `METHOD /path` (under /api/v1) → permission. `:name` matches one path segment; a trailing
 * `/*` matches the path itself and anything under it.
 */
export const ROUTE_PERMISSIONS: Readonly<Record<`${Method} /${string}`, Permission>> = {
  "POST /sales": "sell",
  "POST /tables": "catalog",
  "POST /table-orders": "sell",
  "POST /table-orders/*": "sell",
  "POST /products": "catalog",
  "POST /products/bulk": "catalog",
  "POST /categories": "catalog",
  "POST /departments": "catalog",
  "POST /departments/bulk": "catalog",
  "POST /promotions": "catalog",
  "POST /labels/print": "catalog",
  "POST /scales/sync": "catalog",
  "GET /scales": "catalog",
  "GET /scales/:id/totals": "catalog",
  "PUT /scales/products/:code": "catalog",
  "POST /barcodes/assign": "catalog",
  "POST /promotions/:id/deactivate": "catalog",
  "POST /messages": "catalog",
  "POST /messages/:id/deactivate": "catalog",
  "GET /users": "users",
  "GET /users/:id": "users",
  "POST /users": "users",
  "PATCH /users/:id": "users",
  "GET /pin-lockouts": "users",
  "POST /pin-lockouts/unlock": "users",
  "GET /reports/daily": "reports",
  "GET /reports/by-hour": "reports",
  "GET /reports/by-department": "reports",
  "GET /reports/by-cashier": "reports",
  "GET /reports/by-tender": "reports",
  "GET /reports/expiry": "reports",
  "GET /reports/valuation": "reports",
  "GET /reports/margin": "reports",
  "GET /reports/loss-prevention": "reports",
  "POST /closures": "reports",
  "GET /closures/*": "reports",
  "GET /archive/*": "reports",
  "POST /stock/adjustments": "stock_documents",
  "POST /stock/limits": "stock_documents",
  "POST /stock/documents/*": "stock_documents",
  "GET /stock/documents/*": "stock_documents",
  "GET /vendors/*": "purchasing",
  "POST /vendors/*": "purchasing",
  "PATCH /vendors/*": "purchasing",
  "GET /purchase-orders/*": "purchasing",
  "POST /purchase-orders/*": "purchasing",
  "GET /purchase-receipts/*": "purchasing",
  "POST /purchase-receipts/*": "purchasing",
  "GET /vendor-credits/*": "purchasing",
  "POST /vendor-credits/*": "purchasing",
  "GET /reports/vendors/*": "purchasing",
  "GET /reports/cheapest-vendor": "purchasing",
  "GET /forecast": "purchasing",
  "GET /replenishment/suggested": "purchasing",
  "GET /reports/stock-optimisation": "purchasing",
  "POST /deliveries": "sell",
  "POST /deliveries/:id/courier": "sell",
  "POST /cash/expenses": "sell",
  "POST /cash/hand-ins": "sell",
  "POST /cash/corrections": "reports",
  "GET /reports/cash-book": "reports",
  "POST /services": "catalog",
  "POST /commission-rules": "catalog",
  "GET /reports/commissions": "reports",
};

const PREFIX = "/api/v1";

interface CompiledRule {
  method: string;
  pattern: RegExp;
  permission: Permission;
  route: string;
}

function compile(route: string, permission: Permission): CompiledRule {
  const [method = "", path = ""] = route.split(" ");
  const under = path.endsWith("/*");
  const body = (under ? path.slice(0, -2) : path)
    .split("/")
    .map((segment) => (segment.startsWith(":") ? "[^/]+" : segment.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")))
    .join("/");
  return { method, pattern: new RegExp(`^${PREFIX}${body}${under ? "(?:/.*)?" : ""}/?$`), permission, route };
}

const RULES: readonly CompiledRule[] = Object.entries(ROUTE_PERMISSIONS).map(([route, permission]) =>
  compile(route, permission),
);

/** The permission a request needs, if any. */
export function permissionFor(method: string, pathname: string): Permission | null {
  for (const rule of RULES) {
    if (rule.method === method && rule.pattern.test(pathname)) return rule.permission;
  }
  return null;
}

/** Throws 403 PERMISSION_DENIED, naming the permission, unless the caller's role holds it. */
export function requirePermission(principal: Principal, permission: Permission, action: string): void {
  if (principal.rights.permissions.has(permission)) return;
  throw new AuthError(
    "PERMISSION_DENIED",
    `${action} needs the ${permission} permission, which the role ${principal.rights.roleId} does not have`,
    { permission, role: principal.rights.roleId },
  );
}

/** Refuses, before the body is read, a request whose route needs a permission the caller lacks. */
export function permissionGuard(ctx: StoreContext) {
  return new Elysia({ name: "ringup.store.permissions" }).onRequest(({ request }) => {
    const { pathname } = new URL(request.url);
    if (!pathname.startsWith(PREFIX)) return;
    const permission = permissionFor(request.method, pathname);
    if (permission === null) return;
    const principal = authenticateRequest(ctx, request);
    requirePermission(principal, permission, `${request.method} ${pathname}`);
  });
}
