import { useRef, type KeyboardEvent } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import {
  QUICKBOOKS_TABS,
  quickbooksTabPath,
  type QuickBooksTab,
} from "../../../features/quickbooks/tabs";

export const TAB_PANEL_ID = "quickbooks-tabpanel";
export const tabId = (tab: QuickBooksTab) => `quickbooks-tab-${tab}`;

/**
 * Tabs that are real links (deep-linkable, open in a new tab) with the ARIA tabs pattern on
 * top: one tab stop, arrow keys / Home / End move between tabs and follow the link.
 */
export function QuickBooksTabs({ selected }: { selected: QuickBooksTab }) {
  const { t } = useTranslation("quickbooks");
  const navigate = useNavigate();
  const refs = useRef(new Map<QuickBooksTab, HTMLAnchorElement>());

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const index = QUICKBOOKS_TABS.indexOf(selected);
    const last = QUICKBOOKS_TABS.length - 1;
    const target = {
      ArrowRight: index === last ? 0 : index + 1,
      ArrowLeft: index === 0 ? last : index - 1,
      Home: 0,
      End: last,
    }[event.key];
    const next = target === undefined ? undefined : QUICKBOOKS_TABS[target];
    if (!next) return;
    event.preventDefault();
    void navigate(quickbooksTabPath(next));
    refs.current.get(next)?.focus();
  }

  return (
    <div
      role="tablist"
      aria-label={t("tabsLabel")}
      onKeyDown={onKeyDown}
      className="flex gap-1 overflow-x-auto border-b border-slate-200"
    >
      {QUICKBOOKS_TABS.map((tab) => {
        const isSelected = tab === selected;
        return (
          <Link
            key={tab}
            ref={(el) => {
              if (el) refs.current.set(tab, el);
              else refs.current.delete(tab);
            }}
            to={quickbooksTabPath(tab)}
            role="tab"
            id={tabId(tab)}
            aria-selected={isSelected}
            aria-controls={isSelected ? TAB_PANEL_ID : undefined}
            tabIndex={isSelected ? 0 : -1}
            className={`-mb-px whitespace-nowrap rounded-t-md border-b-2 px-4 py-3 text-sm font-semibold transition-colors ${
              isSelected
                ? "border-qb-500 text-qb-700"
                : "border-transparent text-slate-600 hover:border-slate-300 hover:text-slate-900"
            }`}
          >
            {t(`tabs.${tab}`)}
          </Link>
        );
      })}
    </div>
  );
}
