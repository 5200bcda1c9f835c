import type { ComponentType, SVGProps } from "react";
import { useTranslation } from "react-i18next";
import { NavLink } from "react-router";
import { CustomersIcon, InventoryIcon, OrdersIcon, SettingsIcon } from "../../components/ui/icons";

interface NavItem {
  to: string;
  label: "orders" | "inventory" | "customers" | "settings";
  Icon: ComponentType<SVGProps<SVGSVGElement>>;
}

const items: NavItem[] = [
  { to: "/orders", label: "orders", Icon: OrdersIcon },
  { to: "/inventory", label: "inventory", Icon: InventoryIcon },
  { to: "/customers", label: "customers", Icon: CustomersIcon },
  { to: "/settings", label: "settings", Icon: SettingsIcon },
];

/** Deep-navy primary navigation; icons always carry a visible label. */
export function Sidebar() {
  const { t } = useTranslation(["shell", "common"]);
  return (
    <aside className="sticky top-0 flex h-screen w-20 shrink-0 flex-col bg-navy-900 text-navy-200 md:w-60">
      <div className="flex h-16 items-center gap-3 border-b border-white/10 px-4 md:px-5">
        <span
          aria-hidden="true"
          className="flex size-9 items-center justify-center rounded-lg bg-accent-500 text-lg font-black text-navy-950"
        >
          S
        </span>
        <span className="hidden text-lg font-bold tracking-tight text-white md:inline">
          {t("common:appName")}
        </span>
      </div>
      <nav aria-label={t("nav.label")} className="flex-1 px-2 py-4 md:px-3">
        <ul className="space-y-1">
          {items.map(({ to, label, Icon }) => (
            <li key={to}>
              <NavLink
                to={to}
                className={({ isActive }) =>
                  `group relative flex flex-col items-center gap-1 rounded-lg px-2 py-2.5 text-[11px] font-medium transition-colors focus-visible:outline-white md:flex-row md:gap-3 md:px-3 md:text-sm ${
                    isActive
                      ? "bg-white/10 text-white"
                      : "text-navy-200 hover:bg-white/5 hover:text-white"
                  }`
                }
              >
                {({ isActive }) => (
                  <>
                    {isActive ? (
                      <span
                        aria-hidden="true"
                        className="absolute inset-y-2 left-0 w-1 rounded-r bg-accent-500"
                      />
                    ) : null}
                    <Icon className="size-5 shrink-0" />
                    <span>{t(`nav.${label}`)}</span>
                  </>
                )}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
    </aside>
  );
}
