export type { ShiftReport, ShiftView } from "../../api/store/shifts.ts";
export { type DrawerOpening, openDrawer } from "./drawer.ts";
export { shiftsRoutes } from "./routes.ts";
export { type CashMovement, ShiftsService, Z_COUNTER } from "./service.ts";
export { shiftReport } from "./totals.ts";
