import { type AccountingSettings, AccountingSettingsSchema } from "@app/shared";
import { queryOptions, useQuery } from "@tanstack/react-query";
import { apiFetch } from "../../../lib/api-client";
import { accountingKeys } from "./keys";

export function getAccounting(signal?: AbortSignal): Promise<AccountingSettings> {
  return apiFetch("/api/quickbooks/accounting", { schema: AccountingSettingsSchema, signal });
}

export const accountingQueryOptions = () =>
  queryOptions({
    queryKey: accountingKeys.settings(),
    queryFn: ({ signal }) => getAccounting(signal),
  });

export function useAccounting() {
  return useQuery(accountingQueryOptions());
}
