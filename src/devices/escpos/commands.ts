/** ESC/POS byte sequences the drivers send themselves (the rest comes from node-thermal-printer). */

export const ESC = 0x1b;
export const GS = 0x1d;
export const DLE = 0x10;
export const EOT = 0x04;
export const DC4 = 0x14;
export const LF = 0x0a;

/** ESC @: initialise the printer (clears the buffer and resets modes). */
export const INIT = Uint8Array.of(ESC, 0x40);

export type DrawerPin = 2 | 5;

/**
 * ESC p m t1 t2: pulse the drawer kick-out connector (m 0 = pin 2, 1 = pin 5), on for t1×2 ms
 * and off for t2×2 ms. 50 ms on, 500 ms off opens common drawers.
 */
export function drawerKick(pin: DrawerPin = 2, onMs = 50, offMs = 500): Uint8Array {
  const t1 = Math.min(255, Math.max(1, Math.round(onMs / 2)));
  const t2 = Math.min(255, Math.max(t1, Math.round(offMs / 2)));
  return Uint8Array.of(ESC, 0x70, pin === 2 ? 0 : 1, t1, t2);
}

/** DLE EOT n: real-time status of printer (1), offline cause (2) and paper roll sensor (4). */
export function statusRequest(n: 1 | 2 | 3 | 4): Uint8Array {
  return Uint8Array.of(DLE, EOT, n);
}
