import { canConfigureAccounting } from "@app/shared";
import { AccountingSettingsForm } from "../../accounting/components/accounting-settings";
import { useMe } from "../../session/api/get-me";

/** Configure accounting tab: the accounting feature's form, editable by owners and admins. */
export function AccountingTab() {
  const me = useMe();
  return (
    <AccountingSettingsForm canEdit={me.data ? canConfigureAccounting(me.data.role) : false} />
  );
}
