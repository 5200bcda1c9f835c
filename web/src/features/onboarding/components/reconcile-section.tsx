import { type ReactNode, useId } from "react";
import { useTranslation } from "react-i18next";
import { Pager } from "../../../components/ui/pager";

export interface SectionPager {
  page: number;
  pageSize: number;
  total: number;
  onPage: (page: number) => void;
}

/** One heading-and-list block of the assistant, paged when it holds more than a page. */
export function ReconcileSection({
  title,
  count,
  pager,
  children,
}: {
  title: string;
  count: number;
  pager?: SectionPager;
  children: ReactNode;
}) {
  const { t } = useTranslation("onboarding");
  const id = useId();
  return (
    <section aria-labelledby={id} className="card p-5">
      <h2 id={id} className="text-base font-semibold text-slate-900">
        {title}
      </h2>
      {count === 0 ? (
        <p className="mt-2 text-sm text-slate-600">{t("reconcile.none")}</p>
      ) : (
        <ul className="mt-1 divide-y divide-slate-100">{children}</ul>
      )}
      {pager && pager.total > pager.pageSize ? (
        <Pager
          page={pager.page}
          pageSize={pager.pageSize}
          total={pager.total}
          onPage={pager.onPage}
          of={title}
          empty={t("reconcile.none")}
        />
      ) : null}
    </section>
  );
}

export function SideRow({ title, detail }: { title: string; detail?: string }) {
  return (
    <li className="py-2 text-sm">
      <span className="font-medium text-slate-900">{title}</span>
      {detail ? <span className="ml-2 text-slate-600">{detail}</span> : null}
    </li>
  );
}
