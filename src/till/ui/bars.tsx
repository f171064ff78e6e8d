/** The bars around every screen: status at the top; input, message and keys at the bottom. */
import { Box, Text } from "ink";
import { dobOrderOf, dobPattern } from "../../core/age-check.ts";
import { inTraining } from "../../core/training.ts";
import type { MessageKey } from "../i18n/index.ts";
import type { KeyCommand } from "../keys/keymap.ts";
import { denominationsFor } from "../state/basket.ts";
import { customTenderChoices } from "../state/custom-tender.ts";
import { departmentChoices } from "../state/department-ring.ts";
import { lackedPermission } from "../state/role-gate.ts";
import type { TillState } from "../state/types.ts";
import { cells, spread, wrap } from "./text.ts";
import type { View } from "./view.ts";

export function StatusBar({ view, clock }: { view: View; clock: string }) {
  const { t, link, identity, state, settings, columns } = view;
  const who = state.cashier?.name ?? t.t("status.locked");
  const training = inTraining(settings, identity.tillId, state.cashier?.id)
    ? ` │ ${t.t("status.training")}`
    : "";
  const left = `${settings.storeName} │ ${t.t("status.till", { tillId: identity.tillId })} │ ${who}${training}`;
  const linkPart = link.storeFull
    ? `○ ${t.t("status.storeFull")}`
    : link.online
      ? `● ${t.t("status.online")}`
      : `○ ${t.t("status.offline")}`;
  const parts = [clock, linkPart];
  if (link.pending > 0) parts.push(t.t("status.pending", { count: link.pending }));
  if (link.rejected > 0) parts.push(t.t("status.rejected", { count: link.rejected }));
  return (
    <Text inverse bold wrap="truncate" {...(link.online && !link.storeFull ? {} : { color: "red" })}>
      {spread(` ${left}`, `${parts.filter((part) => part !== "").join(" │ ")} `, columns)}
    </Text>
  );
}

/** The amount's question of cash in, cash out and an expense. */
const CASH_PROMPTS: Readonly<Record<"in" | "out" | "expense", MessageKey>> = {
  in: "prompt.cashIn",
  out: "prompt.cashOut",
  expense: "prompt.expense",
};

function promptLabel(view: View): { label: string; masked: boolean } {
  const { state, t } = view;
  const prompt = state.prompt;
  const nameOf = (lineId: number) => state.sale.lines.find((l) => l.id === lineId)?.name ?? "";
  if (prompt !== null) {
    switch (prompt.kind) {
      case "price":
        return { label: t.t("prompt.price", { name: prompt.product.name }), masked: false };
      case "weight":
        return { label: t.t("prompt.weight", { name: prompt.product.name }), masked: false };
      case "serial":
        return { label: t.t("prompt.serial", { name: prompt.product.name }), masked: false };
      case "quantity":
        return { label: t.t("prompt.quantity", { name: nameOf(prompt.lineId) }), masked: false };
      case "override":
        return { label: t.t("prompt.override", { name: nameOf(prompt.lineId) }), masked: false };
      case "lineDiscount":
        return { label: t.t("prompt.lineDiscount", { name: nameOf(prompt.lineId) }), masked: false };
      case "saleDiscount":
        return { label: t.t("prompt.saleDiscount"), masked: false };
      case "customerMessage":
        return { label: t.t("prompt.customerMessage"), masked: false };
      case "priceCheck":
        return { label: t.t("prompt.priceCheck"), masked: false };
      case "receiptEmail":
        return { label: t.t("prompt.receiptEmail", { receiptNo: prompt.receiptNo }), masked: false };
      case "cardWait":
        return { label: t.t("prompt.cardWait", { amountMinor: prompt.amountMinor }), masked: false };
      case "cardConfirm":
        return { label: t.t("prompt.cardConfirm", { amountMinor: prompt.amountMinor }), masked: false };
      case "cashAmount":
        return { label: t.t(CASH_PROMPTS[prompt.direction]), masked: false };
      case "cashReason":
        return {
          label: t.t(prompt.direction === "expense" ? "prompt.expenseCategory" : "prompt.cashReason", {
            amountMinor: prompt.amountMinor,
          }),
          masked: false,
        };
      case "confirm":
        return { label: t.message(prompt.question), masked: false };
      case "notice":
        return { label: t.t("prompt.notice", { text: t.message(prompt.message) }), masked: false };
      case "department":
        return {
          label: t.t("prompt.department", { choices: departmentChoices(prompt.departments) }),
          masked: false,
        };
      case "customTender":
        return {
          label: t.t("prompt.customTender", {
            amountMinor: prompt.amountMinor,
            choices: customTenderChoices(prompt.tenders),
          }),
          masked: false,
        };
      case "cardAccount":
        return {
          label: t.t("prompt.cardAccount", {
            amountMinor: prompt.amountMinor,
            balanceMinor: prompt.balanceMinor,
          }),
          masked: false,
        };
      case "departmentAmount":
        return { label: t.t("prompt.departmentAmount", { name: prompt.department.name }), masked: false };
      case "giftCardSaleNumber":
        return { label: t.t("prompt.giftCardSaleNumber"), masked: false };
      case "giftCardSaleAmount":
        return { label: t.t("prompt.giftCardSaleAmount", { card: prompt.card.slice(-4) }), masked: false };
      case "age":
        return {
          label: t.t("prompt.age", {
            name: prompt.product.name,
            minAge: prompt.minAge,
            pattern: dobPattern(dobOrderOf(view.settings.locale)),
          }),
          masked: false,
        };
      case "depositReturn":
        return { label: t.t("prompt.depositReturn"), masked: false };
      case "staffPin":
        return { label: t.t("prompt.staffPin"), masked: true };
      case "customerCard":
        return { label: t.t("prompt.customerCard"), masked: false };
      case "invoiceBuyer":
        return {
          label: t.t(`prompt.invoice.${prompt.step}`, { receiptNo: prompt.receiptNo }),
          masked: false,
        };
      case "promoCode":
        return { label: t.t("prompt.promoCode"), masked: false };
      case "giftCard":
        return { label: t.t("prompt.giftCard", { amountMinor: prompt.amountMinor }), masked: false };
      case "approval":
        return {
          label: t.t("prompt.approval", { action: t.t(`action.${prompt.action}` as MessageKey) }),
          masked: true,
        };
    }
  }
  const labels: Partial<Record<TillState["screen"]["kind"], MessageKey>> = {
    login: "login.pin",
    sale: "sale.input",
    search: "search.prompt",
    payment: "payment.amount",
    returns: "returns.find",
    shiftClose: "shift.colCount",
    shiftOpen: "shift.colCount",
  };
  const key = labels[state.screen.kind];
  const screen = state.screen;
  if (screen.kind === "shiftClose" && screen.closed !== null) return { label: "", masked: false };
  if (screen.kind === "shiftOpen" || screen.kind === "shiftClose") {
    const selected = screen.kind === "shiftOpen" ? screen.count.selected : screen.selected;
    if (selected >= denominationsFor(view.settings.currency).length)
      return { label: t.t("shift.colAmount"), masked: false };
  }
  if (state.screen.kind === "returns" && state.screen.sale !== null)
    return { label: t.t("sale.colQty"), masked: false };
  return { label: key ? t.t(key) : "", masked: state.screen.kind === "login" };
}

/** Rows a prompt's question or a status message may take; the screen's body gives them up. */
export const MAX_PROMPT_ROWS = 3;
export const MAX_MESSAGE_ROWS = 3;
/** Cells kept for what is typed after a prompt's question on its last row. */
const MIN_INPUT_CELLS = 16;

/** The input's label in rows: a long question wraps, its last row keeps room for the typing. */
function inputRows(view: View): { rows: string[]; masked: boolean } {
  const { label, masked } = promptLabel(view);
  if (label === "") return { rows: [""], masked };
  const prefix = `${label}: `;
  if (cells(prefix) + MIN_INPUT_CELLS <= view.columns) return { rows: [prefix], masked };
  const rows = wrap(`${label}:`, view.columns, MAX_PROMPT_ROWS);
  const last = rows.at(-1) ?? "";
  if (cells(last) + 1 + MIN_INPUT_CELLS <= view.columns) rows[rows.length - 1] = `${last} `;
  else rows.push("");
  return { rows, masked };
}

/** Rows the input and message bars take (one each at least). */
export function barRows(view: View): { input: number; message: number } {
  return { input: inputRows(view).rows.length, message: messageRows(view).length };
}

export function InputLine({ view }: { view: View }) {
  const { state, columns } = view;
  const { rows, masked } = inputRows(view);
  const text = masked ? "•".repeat(cells(state.input)) : state.input;
  const above = rows.slice(0, -1);
  const prefix = rows.at(-1) ?? "";
  const room = Math.max(1, columns - cells(prefix) - 1);
  // The end of what is typed stays in view (a long input scrolls left).
  const length = cells(text);
  const visible = length > room - 1 ? [...text].slice(length - room + 1).join("") : text;
  const color = state.prompt ? "yellow" : "cyan";
  return (
    <Box flexDirection="column">
      {above.length > 0 ? (
        <Text bold color={color}>
          {above.join("\n")}
        </Text>
      ) : null}
      <Text wrap="truncate">
        <Text bold color={color}>
          {prefix}
        </Text>
        <Text>{`${visible}▌`}</Text>
      </Text>
    </Box>
  );
}

function messageRows(view: View): string[] {
  const status = view.state.status;
  if (status === null) return view.ambient ? wrap(view.ambient, view.columns, MAX_MESSAGE_ROWS) : [" "];
  return wrap(view.t.message(status.message), view.columns, MAX_MESSAGE_ROWS);
}

export function MessageLine({ view }: { view: View }) {
  const status = view.state.status;
  if (status === null && view.ambient) return <Text color="yellow">{messageRows(view).join("\n")}</Text>;
  if (status === null) return <Text> </Text>;
  const color = status.tone === "error" ? "red" : status.tone === "ok" ? "green" : "yellow";
  return (
    <Text color={color} bold={status.tone === "error"}>
      {messageRows(view).join("\n")}
    </Text>
  );
}

const HINTS: Partial<Record<TillState["screen"]["kind"], KeyCommand[]>> = {
  login: ["help.toggle"],
  sale: [
    "help.toggle",
    "sale.total",
    "product.search",
    "line.void",
    "sale.hold",
    "sale.resume",
    "menu.open",
    "till.lock",
    "line.price",
    "line.discount",
    "receipt.view",
  ],
  payment: ["help.toggle", "payment.card", "line.void", "back", "till.lock"],
  returns: ["help.toggle", "sale.total", "back"],
  shiftClose: ["help.toggle", "sale.total", "back"],
  shiftOpen: ["help.toggle", "sale.total", "back", "till.lock"],
  receipt: ["help.toggle", "receipt.view", "back"],
  prints: ["help.toggle", "back"],
  refused: ["help.toggle", "sale.total", "back"],
  customers: ["help.toggle", "back"],
  orders: ["help.toggle", "sale.total", "payment.card", "line.void", "back"],
  deliveries: ["help.toggle", "line.void", "back"],
};

export function KeyBar({ view }: { view: View }) {
  const { state, t, keymap, columns } = view;
  const commands = state.help
    ? ["help.toggle" as const]
    : (HINTS[state.screen.kind] ?? ["help.toggle", "back"]);
  let text = "";
  for (const command of commands) {
    const keys = keymap.labelFor(command);
    // What the role may not do alone is left out of the bar (the menu marks it).
    if (keys === "" || lackedPermission(state.cashier, command) !== null) continue;
    const item = `${keys.split("/")[0]} ${t.t(`cmd.${command}`)}`;
    const next = text === "" ? item : `${text}  ${item}`;
    if (cells(next) > columns) continue;
    text = next;
  }
  return (
    <Text dimColor wrap="truncate">
      {text}
    </Text>
  );
}
