import { canManageQuickBooks } from "@app/shared";
import { HealthPanel } from "../../../features/health/components/health-panel";
import { useMe } from "../../../lib/auth/me";

/** Health tab: every sync problem, the QuickBooks call budget, the imports in pictures. */
export function HealthTab() {
  const me = useMe().data;
  return <HealthPanel canAct={me ? canManageQuickBooks(me.role) : false} />;
}
