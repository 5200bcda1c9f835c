import { useId } from "react";
import { useTranslation } from "react-i18next";
import { NavLink, Outlet } from "react-router";
import { QuickBooksMark } from "../../components/ui/icons";

/** Settings: a secondary column of sections (QuickBooks for now) beside the chosen section. */
export function SettingsLayout() {
  const { t } = useTranslation("shell");
  const labelId = useId();
  return (
    <div className="flex flex-col gap-6 lg:flex-row lg:gap-8">
      <div className="shrink-0 lg:w-56">
        <p
          id={labelId}
          className="mb-2 px-3 text-xs font-semibold tracking-wider text-slate-500 uppercase"
        >
          {t("settings.title")}
        </p>
        <nav aria-labelledby={labelId}>
          <ul className="flex gap-1 lg:flex-col">
            <li>
              <NavLink
                to="/settings/quickbooks"
                className={({ isActive }) =>
                  `flex items-center gap-2.5 rounded-lg px-3 py-2 text-sm font-medium transition-colors ${
                    isActive
                      ? "bg-white text-slate-900 shadow-sm ring-1 ring-slate-200"
                      : "text-slate-700 hover:bg-white hover:text-slate-900"
                  }`
                }
              >
                <QuickBooksMark className="size-5" />
                {t("settings.quickbooks")}
              </NavLink>
            </li>
          </ul>
        </nav>
      </div>
      <div className="min-w-0 flex-1">
        <Outlet />
      </div>
    </div>
  );
}
