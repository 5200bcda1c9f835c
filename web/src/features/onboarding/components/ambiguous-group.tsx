import type { AmbiguousGroup } from "@app/shared";
import { useId } from "react";
import { useTranslation } from "react-i18next";

/** Several candidates share a part number or name: the user matches by hand, or not at all. */
export function AmbiguousGroupRow({
  group,
  matches,
  onMatch,
}: {
  group: AmbiguousGroup;
  matches: Record<string, string>;
  onMatch: (partId: string, itemId: string) => void;
}) {
  const { t } = useTranslation("onboarding");
  const baseId = useId();
  const takenElsewhere = (partId: string) =>
    new Set(Object.entries(matches).flatMap(([p, i]) => (p !== partId && i ? [i] : [])));
  return (
    <li className="py-3 text-sm">
      <p className="font-medium text-slate-900">
        {t(`reconcile.ambiguousBy.${group.by}`, { key: group.key })}
      </p>
      {group.parts.map((p, n) => (
        <div key={p.id} className="mt-2 flex flex-wrap items-center gap-2">
          <label htmlFor={`${baseId}-${n}`} className="text-slate-700">
            {t("reconcile.matchWith", { part: p.description })}
          </label>
          <select
            id={`${baseId}-${n}`}
            value={matches[p.id] ?? ""}
            onChange={(e) => onMatch(p.id, e.target.value)}
            className="rounded-lg border border-slate-300 px-2 py-1"
          >
            <option value="">{t("reconcile.noMatch")}</option>
            {group.items
              .filter((i) => !takenElsewhere(p.id).has(i.id))
              .map((i) => (
                <option key={i.id} value={i.id}>
                  {i.name}
                  {i.sku ? ` (${i.sku})` : ""}
                </option>
              ))}
          </select>
        </div>
      ))}
    </li>
  );
}
