import { RoleSchema } from "@app/shared";
import { useQueryClient } from "@tanstack/react-query";
import { useId, useState, useSyncExternalStore } from "react";
import { useTranslation } from "react-i18next";
import { toast } from "../../lib/toast";
import {
  DEMO_SHOPS,
  DemoIdentitySchema,
  getSession,
  ROLES,
  type DemoIdentity,
} from "../../lib/session";
import { TopBarSelect } from "./select";

/**
 * Demo mode only: pick the shop and role the demo host mints tokens for. Every cached query
 * belonged to the previous identity, so all of them are refetched.
 */
export function DevSwitcher() {
  const { t } = useTranslation(["shell", "common"]);
  const queryClient = useQueryClient();
  const session = getSession();
  const identity = useSyncExternalStore(session.subscribe, session.demoIdentity);
  const [busy, setBusy] = useState(false);
  const shopId = useId();
  const roleId = useId();

  async function switchTo(next: DemoIdentity) {
    setBusy(true);
    try {
      await session.switchDemoIdentity(next);
      await queryClient.invalidateQueries();
      toast.success(
        t("demo.switched", {
          shop: t(`demo.shops.${next.shop}`),
          role: t(`common:roles.${next.role}`),
        }),
      );
    } catch {
      toast.error(t("demo.switchFailed"));
    } finally {
      setBusy(false);
    }
  }

  return (
    <fieldset
      disabled={busy}
      className="hidden items-center gap-2 rounded-lg border border-dashed border-amber-400 bg-amber-50 py-1 pr-1 pl-2 md:flex"
    >
      <legend className="sr-only">{t("demo.label")}</legend>
      <span className="rounded bg-amber-200 px-1.5 py-0.5 text-[11px] font-bold tracking-wide text-amber-900 uppercase">
        {t("demo.badge")}
      </span>
      <label htmlFor={shopId} className="sr-only">
        {t("demo.shop")}
      </label>
      <TopBarSelect
        id={shopId}
        value={identity.shop}
        onChange={(e) => {
          const shop = DemoIdentitySchema.shape.shop.safeParse(e.target.value);
          if (shop.success) void switchTo({ ...identity, shop: shop.data });
        }}
      >
        {DEMO_SHOPS.map((shop) => (
          <option key={shop} value={shop}>
            {t(`demo.shops.${shop}`)}
          </option>
        ))}
        {DEMO_SHOPS.some((shop) => shop === identity.shop) ? null : (
          <option value={identity.shop}>{identity.shop}</option>
        )}
      </TopBarSelect>
      <label htmlFor={roleId} className="sr-only">
        {t("demo.role")}
      </label>
      <TopBarSelect
        id={roleId}
        value={identity.role}
        onChange={(e) => {
          const role = RoleSchema.safeParse(e.target.value);
          if (role.success) void switchTo({ ...identity, role: role.data });
        }}
      >
        {ROLES.map((role) => (
          <option key={role} value={role}>
            {t(`common:roles.${role}`)}
          </option>
        ))}
      </TopBarSelect>
    </fieldset>
  );
}
