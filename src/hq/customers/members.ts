/**
 * Co-op members and their equity at head office. A customer becomes a member (owner) with a
 * number, a date and the equity they owe (what a change leaves out is kept); equity payments are recorded against them, once per id
 * (a store's is `<saleId>:equity`, so a sale sent again records nothing more), never beyond what
 * is due. A merged customer's membership and payments count for the one they were merged into.
 */
import { asc, eq, sum } from "drizzle-orm";
import { customers, equityPayments, members } from "../../../schema/hq.ts";
import type {
  EquityPaymentInput,
  EquityReportAnswer,
  MemberAnswer,
  MemberInput,
} from "../../api/hq/members.ts";
import type { HqContext, HqTx } from "../context.ts";
import { MemberError } from "./errors.ts";
import { accountHolder } from "./house-accounts.ts";

function paidOf(tx: HqTx, customerId: string): number {
  const row = tx
    .select({ total: sum(equityPayments.amountMinor) })
    .from(equityPayments)
    .where(eq(equityPayments.customerId, customerId))
    .get();
  return Number(row?.total ?? 0);
}

function answerOf(tx: HqTx, customerId: string): MemberAnswer {
  const member = tx.select().from(members).where(eq(members.customerId, customerId)).get();
  if (!member)
    throw new MemberError("NOT_A_MEMBER", `customer "${customerId}" is not a member`, { customerId });
  const paid = paidOf(tx, customerId);
  return {
    customerId,
    number: member.number,
    since: member.since,
    equityDueMinor: member.equityDueMinor,
    paidMinor: paid,
    outstandingMinor: member.equityDueMinor - paid,
  };
}

/** The customer given, or the one they were merged into; unknown → CUSTOMER_NOT_FOUND. */
function holder(tx: HqTx, customerId: string): string {
  try {
    return accountHolder(tx, customerId);
  } catch {
    throw new MemberError("CUSTOMER_NOT_FOUND", `no customer "${customerId}"`, { id: customerId });
  }
}

export class MembersService {
  constructor(private readonly ctx: HqContext) {}

  get(customerId: string): MemberAnswer {
    return this.ctx.db.transaction((tx) => answerOf(tx, holder(tx, customerId)));
  }

  /** Makes the customer a member, or changes their number, date or equity due. */
  set(customerId: string, input: MemberInput): MemberAnswer {
    const at = this.ctx.now().toISOString();
    return this.ctx.db.transaction((tx) => {
      const id = holder(tx, customerId);
      const taken = tx.select().from(members).where(eq(members.number, input.number)).get();
      if (taken && taken.customerId !== id) {
        throw new MemberError("MEMBER_NUMBER_TAKEN", `member number ${input.number} is another customer's`, {
          number: input.number,
          customerId: taken.customerId,
        });
      }
      const before = tx.select().from(members).where(eq(members.customerId, id)).get();
      const due = input.equityDueMinor ?? before?.equityDueMinor ?? 0;
      const paid = paidOf(tx, id);
      if (due < paid) {
        throw new MemberError("EQUITY_BELOW_PAID", "the equity due cannot be less than what is paid", {
          equityDueMinor: due,
          paidMinor: paid,
        });
      }
      const since = input.since === undefined ? (before?.since ?? null) : input.since;
      const row = { number: input.number, since, equityDueMinor: due, updatedAt: at };
      tx.insert(members)
        .values({ customerId: id, ...row })
        .onConflictDoUpdate({ target: members.customerId, set: row })
        .run();
      return answerOf(tx, id);
    });
  }

  /** Records an equity payment once per id; never more than is outstanding. */
  pay(customerId: string, input: EquityPaymentInput): MemberAnswer {
    const at = this.ctx.now().toISOString();
    return this.ctx.db.transaction((tx) => {
      const id = holder(tx, customerId);
      const before = tx.select().from(equityPayments).where(eq(equityPayments.id, input.id)).get();
      if (before) {
        if (before.customerId !== id || before.amountMinor !== input.amountMinor) {
          throw new MemberError(
            "EQUITY_PAYMENT_ID_REUSED",
            `payment ${input.id} was recorded with other values`,
            {
              id: input.id,
            },
          );
        }
        return answerOf(tx, id);
      }
      const member = answerOf(tx, id);
      if (input.amountMinor > member.outstandingMinor) {
        throw new MemberError("EQUITY_OVERPAID", "the payment is more than the equity outstanding", {
          amountMinor: input.amountMinor,
          outstandingMinor: member.outstandingMinor,
        });
      }
      tx.insert(equityPayments)
        .values({
          id: input.id,
          customerId: id,
          amountMinor: input.amountMinor,
          storeId: input.storeId ?? null,
          saleId: input.saleId ?? null,
          note: input.note ?? null,
          at,
        })
        .run();
      return answerOf(tx, id);
    });
  }

  /** Per member (by number): the equity due, paid and outstanding, with the totals. */
  report(): EquityReportAnswer {
    return this.ctx.db.transaction((tx) => {
      const rows = tx
        .select({
          customerId: members.customerId,
          name: customers.name,
          number: members.number,
          since: members.since,
          dueMinor: members.equityDueMinor,
        })
        .from(members)
        .innerJoin(customers, eq(customers.id, members.customerId))
        .orderBy(asc(members.number))
        .all();
      const list = rows.map((r) => {
        const paid = paidOf(tx, r.customerId);
        return { ...r, paidMinor: paid, outstandingMinor: r.dueMinor - paid };
      });
      const total = (pick: (m: (typeof list)[number]) => number) => list.reduce((s, m) => s + pick(m), 0);
      return {
        members: list,
        dueMinor: total((m) => m.dueMinor),
        paidMinor: total((m) => m.paidMinor),
        outstandingMinor: total((m) => m.outstandingMinor),
      };
    });
  }
}
