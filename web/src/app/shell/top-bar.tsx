import { useTranslation } from "react-i18next";
import { useMe } from "../../lib/auth/me";
import { DEMO_SHOPS, getSession } from "../../lib/session";
import { DevSwitcher } from "./dev-switcher";
import { LanguageSwitcher } from "./language-switcher";
import { UserBadge } from "./user-badge";

/** Shop name on the left; demo identity, language and the signed-in user on the right. */
export function TopBar() {
  const { t } = useTranslation("shell");
  const { data: me } = useMe();
  // A token handed in by Shopmonkey cannot be swapped; only the demo host offers the switcher.
  const showDevSwitcher = me?.demoMode === true && getSession().mode === "demo";
  // The demo shops are named as the switcher names them (in the reader's language).
  const demoShop = DEMO_SHOPS.find((s) => me?.demoMode === true && s === me.shopId);
  const shopName = demoShop ? t(`demo.shops.${demoShop}`) : me?.shopName;
  return (
    <header className="sticky top-0 z-10 flex h-16 items-center gap-4 border-b border-slate-200 bg-white/95 px-4 backdrop-blur sm:px-8">
      <div className="min-w-0 flex-1">
        <p className="text-[11px] font-semibold tracking-wider text-slate-500 uppercase">
          {t("topBar.shop")}
        </p>
        <p className="truncate text-sm font-semibold text-slate-900">{shopName ?? "…"}</p>
      </div>
      {showDevSwitcher ? <DevSwitcher /> : null}
      <LanguageSwitcher />
      {me ? <UserBadge name={me.name} role={me.role} /> : null}
    </header>
  );
}
