/**
 * The store console's shelf-label page: a template, a label printer (its URI, as for
 * `ringup admin labels print`) and the products — by codes, by department, or those whose price
 * changed since this template's last print — then what was printed or why nothing was. It goes
 * through the same service as `POST /api/v1/labels/print` (one request schema), so the print is
 * in the audit log and the journal under the signed-in user.
 */
import { z } from "zod";
import { labelPrintRequestSchema } from "../../api/store/labels.ts";
import { BUILT_IN_TEMPLATES } from "../../core/labels/index.ts";
import { BUILT_IN_ROLES, rightsOf } from "../../core/permissions.ts";
import { type Flash, pageResponse, type View } from "../../shared/web/console.ts";
import { ConsoleError } from "../../shared/web/errors.ts";
import { parseForm } from "../../shared/web/form.ts";
import { html } from "../../shared/web/html.ts";
import type { MessageKey } from "../../shared/web/i18n/index.ts";
import { type Principal, ROLE_RANK, type Role } from "../auth/tokens.ts";
import { CatalogService } from "../catalog/service.ts";
import type { StoreContext } from "../context.ts";
import { LabelService } from "../labels/service.ts";

const BY = ["codes", "department", "changed"] as const;

const labelsFormSchema = z.object({
  template: z.string().max(40),
  printer: z.string().max(300),
  by: z.enum(BY, { error: "choose codes, a department or changed since the last print" }),
  codes: z.string().max(4_000).optional(),
  department: z.string().max(64).optional(),
});

/** The API's request the form describes, checked by the one request schema (errors name the field). */
function requestOf(form: z.infer<typeof labelsFormSchema>) {
  const codes = (form.codes ?? "").split(/[\s,;]+/).filter((c) => c !== "");
  const parsed = labelPrintRequestSchema.safeParse({
    template: form.template,
    printer: form.printer,
    ...(form.by === "codes" ? { codes } : {}),
    ...(form.by === "department" ? { departmentId: form.department ?? "" } : {}),
    ...(form.by === "changed" ? { changedSince: "last-print" } : {}),
  });
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((i) => `${i.path.join(".") || "form"}: ${i.message}`);
  throw new ConsoleError("INVALID_FORM", problems.join("; "));
}

/** Who prints: the store's admin token or a manager's session (the console lets no one else in). */
function principalOf(view: View): Principal {
  const scope = view.session.user.scopes[0];
  const role: Role = scope !== undefined && Object.hasOwn(ROLE_RANK, scope) ? (scope as Role) : "manager";
  const admin = role === "admin" && view.session.user.name === "admin";
  return {
    kind: admin ? "admin" : "session",
    userId: admin ? null : view.session.user.name,
    role,
    tillId: null,
    rights: rightsOf(BUILT_IN_ROLES[role]),
  };
}

/** "1 label printed", "2 labels printed", in the language's plural form. */
function printedKey(view: View, count: number): MessageKey {
  const form = new Intl.PluralRules(view.locale).select(count);
  return form === "one" || form === "few" || form === "many"
    ? `labels.printed.${form}`
    : "labels.printed.other";
}

interface Printed {
  template: string;
  printer: string | null;
  printed: number;
  codes: string[];
}

export function storeLabelsPage(ctx: StoreContext) {
  const labels = new LabelService(ctx);
  const catalog = new CatalogService(ctx);
  const render = (
    view: View,
    flash: Flash = {},
    status = 200,
    fields: Record<string, string> = {},
    printed: Printed | null = null,
  ): Response => {
    const { t } = view;
    const templates = [...ctx.settings.labelTemplates, ...BUILT_IN_TEMPLATES].map((tpl) => tpl.name);
    const chosen = fields.template ?? templates[0] ?? "";
    const by = BY.find((b) => b === fields.by) ?? "codes";
    const departments = catalog.listDepartments();
    const radio = (value: (typeof BY)[number], key: MessageKey) =>
      html`<label class="choice"><input type="radio" name="by" value="${value}" ${by === value ? html`checked` : ""}> ${t(key)}</label>`;
    const form = html`<form method="post" action="/console/labels" class="stack" id="print-labels"><input type="hidden" name="csrf" value="${view.session.csrf}">
      <label>${t("labels.template")}<select name="template">${templates.map((name) => html`<option value="${name}" ${name === chosen ? html`selected` : ""}>${name}</option>`)}</select></label>
      <label>${t("labels.printer")}<input name="printer" required maxlength="300" placeholder="tcp://10.0.0.7:9100?language=zpl" value="${fields.printer ?? ""}"></label>
      <fieldset><legend>${t("labels.which")}</legend>
      ${radio("codes", "labels.byCodes")}<textarea name="codes" rows="4" maxlength="3500">${fields.codes ?? ""}</textarea>
      ${radio("department", "labels.byDepartment")}<select name="department">${departments.map((d) => html`<option value="${d.id}" ${d.id === fields.department ? html`selected` : ""}>${d.id} ${d.name}</option>`)}</select>
      ${radio("changed", "labels.changed")}</fieldset>
      <button type="submit">${t("labels.print")}</button></form>`;
    const result =
      printed === null
        ? html``
        : html`<table id="printed"><tbody><tr><th>${t("labels.template")}</th><td>${printed.template}</td></tr><tr><th>${t("labels.printer")}</th><td>${printed.printer ?? "—"}</td></tr><tr><th>${t("labels.count")}</th><td class="num">${printed.printed}</td></tr><tr><th>${t("common.code")}</th><td>${printed.codes.join(" ")}</td></tr></tbody></table>`;
    return pageResponse(view, t("labels.title"), html`${result}${form}`, flash, status);
  };
  return {
    page: (view: View) => render(view),
    print: async (view: View, fields: Record<string, string>) => {
      const request = requestOf(parseForm(labelsFormSchema, fields));
      const answer = await labels.print(request, principalOf(view));
      const notice = view.t(printedKey(view, answer.printed), {
        count: answer.printed,
        printer: answer.printer ?? "—",
      });
      return render(view, { notice }, 200, fields, answer);
    },
    failed: (view: View, flash: Flash, status: number, fields: Record<string, string>) =>
      render(view, flash, status, fields),
  };
}
