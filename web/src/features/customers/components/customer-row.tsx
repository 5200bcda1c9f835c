import type { Customer } from "@app/shared";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { QuickBooksLinkIcon } from "../../../components/ui/quickbooks-link-icon";
import { customerName } from "../hooks/customer-name";

export function CustomerRow({ customer: c }: { customer: Customer }) {
  const { t } = useTranslation("customers");
  const name = customerName(c);
  const muted = <span className="text-slate-500">—</span>;
  return (
    <tr className="hover:bg-slate-50">
      <td className="group px-3 py-2.5">
        <div className="flex items-center gap-2">
          <Link to={`/customers/${c.id}`} className="font-medium text-navy-800 hover:underline">
            {name || t("list.unnamed")}
          </Link>
          {c.quickBooksCustomerRef !== null ? (
            <QuickBooksLinkIcon label={t("synced", { ref: c.quickBooksCustomerRef })} />
          ) : null}
        </div>
        {c.companyName && c.companyName !== name ? (
          <p className="text-xs text-slate-600">{c.companyName}</p>
        ) : null}
      </td>
      <td className="px-3 py-2.5 text-slate-700">{c.email || muted}</td>
      <td className="px-3 py-2.5 whitespace-nowrap text-slate-700">{c.phone || muted}</td>
      <td className="px-3 py-2.5 text-slate-700">{c.city || muted}</td>
    </tr>
  );
}
