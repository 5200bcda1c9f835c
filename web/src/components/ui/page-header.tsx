import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";

interface PageHeaderProps {
  title: string;
  description?: ReactNode;
  icon?: ReactNode;
}

/** The page's one h1; also sets the document title (React 19 hoists <title> into <head>). */
export function PageHeader({ title, description, icon }: PageHeaderProps) {
  const { t } = useTranslation("common");
  return (
    <div className="mb-6 flex items-start gap-4">
      <title>{`${title} · ${t("appName")}`}</title>
      {icon ? <div className="mt-0.5 shrink-0 [&>svg]:size-10">{icon}</div> : null}
      <div>
        <h1 className="text-2xl font-semibold tracking-tight text-slate-900">{title}</h1>
        {description ? <p className="mt-1 text-sm text-slate-600">{description}</p> : null}
      </div>
    </div>
  );
}
