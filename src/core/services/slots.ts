/** Bookings on a staff member's calendar: overlaps and the free slots of a day. Pure. */

export interface Span {
  /** ms since the epoch, end exclusive */
  start: number;
  end: number;
}

/** Two half-open spans overlap when each starts before the other ends. */
export function overlaps(a: Span, b: Span): boolean {
  return a.start < b.end && b.start < a.end;
}

/** Whether a span lies within opening hours (both ends included). */
export function within(span: Span, open: Span): boolean {
  return span.start >= open.start && span.end <= open.end;
}

/**
 * The starts of every free slot of `durationMs` within `open`, a slot every `stepMs` from the
 * opening, that overlaps none of `busy` and starts no earlier than `notBefore`.
 */
export function freeStarts(
  open: Span,
  durationMs: number,
  stepMs: number,
  busy: readonly Span[],
  notBefore = Number.NEGATIVE_INFINITY,
): number[] {
  const starts: number[] = [];
  for (let start = open.start; start + durationMs <= open.end; start += stepMs) {
    if (start < notBefore) continue;
    const slot = { start, end: start + durationMs };
    if (!busy.some((b) => overlaps(slot, b))) starts.push(start);
  }
  return starts;
}
