import {
  type AccountingSettings,
  type AccountingSettingsInput,
  AccountingSettingsSchema,
} from "@app/shared";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "../../../lib/api-client";
import { accountingKeys } from "./keys";

export function saveAccounting(body: AccountingSettingsInput): Promise<AccountingSettings> {
  return apiFetch("/api/quickbooks/accounting", {
    method: "PUT",
    body,
    schema: AccountingSettingsSchema,
  });
}

export function useSaveAccounting() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: saveAccounting,
    onSuccess: (saved) => queryClient.setQueryData(accountingKeys.settings(), saved),
  });
}
