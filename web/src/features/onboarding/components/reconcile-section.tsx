import { type ReactNode, useId } from "react";
import { useTranslation } from "react-i18next";

/** One heading-and-list block of the assistant. */
export function ReconcileSection({
  title,
  count,
  children,
}: {
  title: string;
  count: number;
  children: ReactNode;
}) {
  const { t } = useTranslation("onboarding");
  const id = useId();
  return (
    <section
      aria-labelledby={id}
      className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm"
    >
      <h2 id={id} className="text-base font-semibold text-slate-900">
        {title}
      </h2>
      {count === 0 ? (
        <p className="mt-2 text-sm text-slate-600">{t("reconcile.none")}</p>
      ) : (
        <ul className="mt-1 divide-y divide-slate-100">{children}</ul>
      )}
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
