import { Elysia } from "elysia";
import {
  cashMoveSchema,
  closeShiftSchema,
  drawerOpenSchema,
  listShiftsQuerySchema,
  openShiftSchema,
  shiftParamsSchema,
  tillQuerySchema,
} from "../../api/store/shifts.ts";
import { ROLE_RANK } from "../auth/tokens.ts";
import type { StoreContext } from "../context.ts";
import { requireAuth } from "../http/auth-plugin.ts";
import { requireTillAccess } from "../users/access.ts";
import { openDrawer } from "./drawer.ts";
import { ShiftsService } from "./service.ts";

export function shiftsRoutes(ctx: StoreContext, service = new ShiftsService(ctx)) {
  return new Elysia({ name: "ringup.store.shifts" })
    .use(requireAuth(ctx))
    .post(
      "/shifts",
      ({ body, principal, set }) => {
        requireTillAccess(principal, body.tillId, "opening a shift");
        set.status = 201;
        return service.open(body, principal);
      },
      { body: openShiftSchema, detail: { summary: "Open a shift at a till with a cash float" } },
    )
    .get(
      "/shifts/current",
      ({ query, principal }) => {
        requireTillAccess(principal, query.tillId, "reading the till's shift");
        return service.current(query.tillId);
      },
      { query: tillQuerySchema, detail: { summary: "The open shift of a till" } },
    )
    .get(
      "/shifts",
      ({ query, principal }) => {
        // A till session below manager sees its own till's shifts.
        const own = ROLE_RANK[principal.role] < ROLE_RANK.manager ? principal.tillId : null;
        if (own && query.tillId) requireTillAccess(principal, query.tillId, "listing shifts");
        return { shifts: service.list(own ? { ...query, tillId: own } : query) };
      },
      { query: listShiftsQuerySchema, detail: { summary: "Shifts, newest first" } },
    )
    .get(
      "/shifts/:id",
      ({ params, principal }) => {
        const shift = service.get(params.id);
        requireTillAccess(principal, shift.tillId, "reading a shift");
        return shift;
      },
      { params: shiftParamsSchema },
    )
    .post(
      "/shifts/:id/cash",
      ({ params, body, principal, set }) => {
        requireTillAccess(principal, service.tillOf(params.id), "moving cash");
        set.status = 201;
        return service.moveCash(params.id, body, principal);
      },
      {
        params: shiftParamsSchema,
        body: cashMoveSchema,
        detail: { summary: "Put cash into or take cash out of the drawer, with a reason" },
      },
    )
    .get(
      "/shifts/:id/x-report",
      ({ params, principal }) => {
        requireTillAccess(principal, service.tillOf(params.id), "reading an X report");
        return service.xReport(params.id);
      },
      {
        params: shiftParamsSchema,
        detail: { summary: "X report: the open shift's totals; changes nothing" },
      },
    )
    .post(
      "/shifts/:id/close",
      ({ params, body, principal }) => {
        requireTillAccess(principal, service.tillOf(params.id), "closing a shift");
        return service.close(params.id, body, principal);
      },
      {
        params: shiftParamsSchema,
        body: closeShiftSchema,
        detail: { summary: "Close a shift with the counted cash: issues its numbered Z report" },
      },
    )
    .get(
      "/shifts/:id/z-report",
      ({ params, principal }) => {
        requireTillAccess(principal, service.tillOf(params.id), "reading a Z report");
        return service.zReport(params.id);
      },
      { params: shiftParamsSchema, detail: { summary: "The Z report as issued at close" } },
    )
    .post(
      "/drawer/open",
      ({ body, principal }) => {
        requireTillAccess(principal, body.tillId, "opening the drawer");
        return openDrawer(ctx, body, principal);
      },
      { body: drawerOpenSchema, detail: { summary: "Open the cash drawer (no-sale needs approval)" } },
    );
}
