export { type DrawerOpening, openDrawer } from "./drawer.ts";
export type { ShiftReport, ShiftView } from "./model.ts";
export { shiftsRoutes } from "./routes.ts";
export { type CashMovement, ShiftsService, Z_COUNTER } from "./service.ts";
export { shiftReport } from "./totals.ts";
