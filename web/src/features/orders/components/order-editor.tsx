import { type FieldIssue, type OrderLineKind, OrderLineKindSchema } from "@app/shared";
import { type FormEvent, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { toast } from "../../../lib/toast";
import { Button } from "../../../components/ui/button";
import { ApiError } from "../../../lib/api-client";
import { useFormats } from "../../../lib/use-formats";
import { useCustomerChoices, usePartChoices } from "../api/get-choices";
import { useCreateOrder, useUpdateOrder } from "../api/save-order";
import { type Draft, emptyLine, previewTotal, toInput } from "../hooks/order-draft";
import { DraftLineRow } from "./draft-line-row";
import { useErrorMessage } from "../../../lib/use-error-message";

/** A 400's field issues by path, each in the reader's words. */
function fieldErrors(err: unknown, say: (issue: unknown) => string): Record<string, string> {
  if (!(err instanceof ApiError) || !Array.isArray(err.details)) return {};
  return Object.fromEntries((err.details as FieldIssue[]).map((i) => [i.path, say(i)]));
}

/** The simple work-order editor: a customer, part lines from inventory, other lines. */
export function OrderEditor({ initial, orderId }: { initial: Draft; orderId?: string }) {
  const { t } = useTranslation("orders");
  const { money } = useFormats();
  const errorMessage = useErrorMessage();
  const navigate = useNavigate();
  const [draft, setDraft] = useState<Draft>(initial);
  const [customerSearch, setCustomerSearch] = useState("");
  const [partSearch, setPartSearch] = useState("");
  const customers = useCustomerChoices(customerSearch);
  const parts = usePartChoices(partSearch);
  const create = useCreateOrder();
  const update = useUpdateOrder();
  const save = orderId ? update : create;
  const errors = fieldErrors(save.error, errorMessage);
  const total = previewTotal(draft.lines);
  const ids = { customer: useId(), customerSearch: useId(), partSearch: useId(), add: useId() };

  function submit(e: FormEvent) {
    e.preventDefault();
    const input = toInput(draft);
    const done = {
      onSuccess: (o: { id: string; number: number }) => {
        toast.success(t("editor.saved", { number: o.number }));
        void navigate(`/orders/${o.id}`);
      },
    };
    if (orderId) update.mutate({ id: orderId, patch: input }, done);
    else create.mutate(input, done);
  }
  const setLine = (i: number, line: Draft["lines"][number]) =>
    setDraft({ ...draft, lines: draft.lines.map((l, j) => (j === i ? line : l)) });
  const addLine = (kind: OrderLineKind) =>
    setDraft({ ...draft, lines: [...draft.lines, emptyLine(kind)] });
  const th = "px-2 py-2 text-left text-xs font-semibold text-slate-600";

  return (
    <form onSubmit={submit} className="space-y-6" noValidate>
      <div className="card grid gap-4 p-5 sm:grid-cols-2">
        <div>
          <label htmlFor={ids.customerSearch} className="block text-sm font-medium text-slate-800">
            {t("editor.findCustomer")}
          </label>
          <input
            id={ids.customerSearch}
            type="search"
            value={customerSearch}
            onChange={(e) => setCustomerSearch(e.target.value)}
            className="mt-1 w-full rounded-lg border border-slate-300 px-3 py-2 text-sm shadow-sm"
          />
        </div>
        <div>
          <label htmlFor={ids.customer} className="block text-sm font-medium text-slate-800">
            {t("fields.customer")}
          </label>
          <select
            id={ids.customer}
            value={draft.customerId}
            aria-invalid={errors["body.customerId"] ? true : undefined}
            onChange={(e) => setDraft({ ...draft, customerId: e.target.value })}
            className="mt-1 w-full rounded-lg border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm"
          >
            <option value="">{t("editor.chooseCustomer")}</option>
            {(customers.data?.items ?? []).map((c) => (
              <option key={c.id} value={c.id}>
                {[c.firstName, c.lastName].filter(Boolean).join(" ") || c.companyName}
              </option>
            ))}
          </select>
          {errors["body.customerId"] ? (
            <p className="mt-1 text-xs font-medium text-red-700">{errors["body.customerId"]}</p>
          ) : null}
        </div>
      </div>
      <div className="card p-5">
        <div className="mb-3 flex flex-wrap items-end gap-3">
          <div>
            <label htmlFor={ids.partSearch} className="block text-sm font-medium text-slate-800">
              {t("editor.findPart")}
            </label>
            <input
              id={ids.partSearch}
              type="search"
              value={partSearch}
              onChange={(e) => setPartSearch(e.target.value)}
              className="mt-1 rounded-lg border border-slate-300 px-3 py-2 text-sm shadow-sm"
            />
          </div>
          <div role="group" aria-labelledby={ids.add} className="flex flex-wrap items-center gap-2">
            <span id={ids.add} className="text-sm font-medium text-slate-800">
              {t("editor.addLine")}
            </span>
            {OrderLineKindSchema.options.map((kind) => (
              <Button
                key={kind}
                variant="secondary"
                className="!px-3 !py-1.5"
                onClick={() => addLine(kind)}
              >
                {t(`kinds.${kind}`)}
              </Button>
            ))}
          </div>
        </div>
        <div className="overflow-x-auto">
          <table className="w-full">
            <caption className="sr-only">{t("editor.linesCaption")}</caption>
            <thead>
              <tr>
                <th scope="col" className={th}>
                  {t("fields.kind")}
                </th>
                <th scope="col" className={th}>
                  {t("fields.description")}
                </th>
                <th scope="col" className={`${th} w-28 text-right`}>
                  {t("fields.quantity")}
                </th>
                <th scope="col" className={`${th} w-32 text-right`}>
                  {t("fields.unitPrice")}
                </th>
                <th scope="col" className={`${th} w-28 text-right`}>
                  {t("fields.amount")}
                </th>
                <th scope="col" className={th}>
                  <span className="sr-only">{t("editor.actions")}</span>
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {draft.lines.map((line, i) => (
                <DraftLineRow
                  key={line.key}
                  index={i}
                  line={line}
                  parts={parts.data?.items ?? []}
                  errors={errors}
                  onChange={(l) => setLine(i, l)}
                  onRemove={() =>
                    setDraft({ ...draft, lines: draft.lines.filter((_, j) => j !== i) })
                  }
                />
              ))}
            </tbody>
          </table>
        </div>
        {draft.lines.length === 0 ? (
          <p className="py-4 text-sm text-slate-600">{t("editor.noLines")}</p>
        ) : null}
        <p className="mt-3 text-right text-sm font-semibold" aria-live="polite">
          {t("fields.total")}: {total === null ? "—" : money(total)}
        </p>
      </div>
      {save.isError && Object.keys(errors).length === 0 ? (
        <p role="alert" className="text-sm font-medium text-red-700">
          {errorMessage(save.error)}
        </p>
      ) : null}
      {Object.keys(errors).length > 0 ? (
        <p role="alert" className="text-sm font-medium text-red-700">
          {t("editor.fixErrors")}
        </p>
      ) : null}
      <div className="flex gap-3">
        <Button type="submit" disabled={save.isPending}>
          {save.isPending ? t("editor.saving") : t("editor.save")}
        </Button>
        <Button
          variant="secondary"
          onClick={() => void navigate(orderId ? `/orders/${orderId}` : "/orders")}
        >
          {t("cancel")}
        </Button>
      </div>
    </form>
  );
}
