import type { Order } from "@app/shared";
import { useTranslation } from "react-i18next";
import { Cell, DataTable } from "../../../components/ui/data-table";
import { formatQuantity } from "../../../lib/format-decimal";
import { useFormats } from "../../../lib/use-formats";

/** The order's lines, read-only, with exact amounts as stored (round2 of qty × price). */
export function OrderLinesTable({ order }: { order: Order }) {
  const { t } = useTranslation("orders");
  const { locale, money } = useFormats();
  return (
    <DataTable
      caption={t("detail.linesCaption")}
      captionHidden
      columns={[
        { key: "kind", label: t("fields.kind") },
        { key: "description", label: t("fields.description") },
        { key: "quantity", label: t("fields.quantity"), align: "end" },
        { key: "unitPrice", label: t("fields.unitPrice"), align: "end" },
        { key: "amount", label: t("fields.amount"), align: "end" },
      ]}
      footer={
        <tr>
          <Cell rowHeader align="end" colSpan={4}>
            {t("fields.total")}
          </Cell>
          <Cell align="end">{money(order.total)}</Cell>
        </tr>
      }
    >
      {order.lines.map((l) => (
        <tr key={l.id}>
          <Cell>{t(`kinds.${l.kind}`)}</Cell>
          <Cell>
            {l.description}
            {l.quickBooksItemRef ? (
              <span className="ml-2 text-xs text-slate-600">
                {t("detail.linkedItem", { ref: l.quickBooksItemRef })}
              </span>
            ) : null}
          </Cell>
          <Cell align="end">{formatQuantity(l.quantity, locale)}</Cell>
          <Cell align="end">{money(l.unitPrice)}</Cell>
          <Cell align="end">{money(l.amount)}</Cell>
        </tr>
      ))}
    </DataTable>
  );
}
