import { type Capabilities, ImportCategorySchema } from "@app/shared";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { ImportCard } from "./import-card";

export interface ImportsPanelProps {
  connection: "connected" | "not_connected" | "needs_reconnect" | "unknown";
  /** Owners and admins (canManageQuickBooks). */
  canRun: boolean;
  /** Where to send the shop to connect QuickBooks. */
  connectionHref: string;
  /** What the connected company can do; unknown until QuickBooks has answered. */
  capabilities?: Capabilities;
}

/** The Import and Sync tab's imports: one card per category (Customers, Inventory, Non-inventory). */
export function ImportsPanel({
  connection,
  canRun,
  connectionHref,
  capabilities,
}: ImportsPanelProps) {
  const { t } = useTranslation("imports");
  // Simple Start and Essentials have no inventory items: the Inventory card says so.
  const noInventory =
    capabilities && !capabilities.inventoryTracking
      ? t("noInventory", { plan: t(`quickbooks:plans.${capabilities.plan}`) })
      : undefined;
  const blockedReason =
    connection === "not_connected"
      ? t("notConnected.title")
      : connection === "needs_reconnect"
        ? t("needsReconnect")
        : !canRun
          ? t("onlyManagers")
          : undefined;
  return (
    <div className="space-y-5">
      <div>
        <h2 className="text-lg font-semibold text-slate-900">{t("title")}</h2>
        <p className="mt-1 max-w-3xl text-sm text-slate-600">{t("intro")}</p>
      </div>
      {connection === "not_connected" || connection === "needs_reconnect" ? (
        <div
          role="status"
          className="rounded-lg border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-950"
        >
          <p className="font-semibold">
            {connection === "not_connected" ? t("notConnected.title") : t("needsReconnect")}
          </p>
          <p className="mt-1">
            {t("notConnected.body")}{" "}
            <Link to={connectionHref} className="font-medium underline underline-offset-2">
              {t("notConnected.link")}
            </Link>
          </p>
        </div>
      ) : null}
      {/* items-start: opening one card's history grows that card only, not its neighbours */}
      <div className="grid items-start gap-4 lg:grid-cols-3">
        {ImportCategorySchema.options.map((category) => (
          <ImportCard
            key={category}
            category={category}
            canRun={canRun}
            blockedReason={blockedReason ?? (category === "inventory" ? noInventory : undefined)}
          />
        ))}
      </div>
    </div>
  );
}
