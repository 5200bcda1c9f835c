import type { Role } from "@app/shared";
import { useTranslation } from "react-i18next";

function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part[0]?.toUpperCase() ?? "")
    .join("");
}

export function UserBadge({ name, role }: { name: string; role: Role }) {
  const { t } = useTranslation(["shell", "common"]);
  const roleLabel = t(`common:roles.${role}`);
  return (
    <div className="flex items-center gap-3">
      <span
        aria-hidden="true"
        className="flex size-9 items-center justify-center rounded-full bg-navy-800 text-xs font-bold text-white"
      >
        {initials(name)}
      </span>
      {/* One sentence for screen readers, at every width; the visual pair hides on small screens. */}
      <span className="sr-only">{t("topBar.signedInAs", { name, role: roleLabel })}</span>
      <span aria-hidden="true" className="hidden leading-tight lg:block">
        <span className="block text-sm font-semibold text-slate-900">{name}</span>
        <span className="block text-xs text-slate-600">{roleLabel}</span>
      </span>
    </div>
  );
}
