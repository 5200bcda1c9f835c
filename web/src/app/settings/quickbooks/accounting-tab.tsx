import { canConfigureAccounting } from "@app/shared";
import { AccountingSettingsForm } from "../../../features/accounting/components/accounting-settings";
import { useMe } from "../../../lib/auth/me";

/** Configure accounting tab: the accounting feature's form, editable by owners and admins. */
export function AccountingTab() {
  const me = useMe();
  return (
    <AccountingSettingsForm canEdit={me.data ? canConfigureAccounting(me.data.role) : false} />
  );
}
