import { type AdjustmentAccountList, AdjustmentAccountListSchema } from "@app/shared";
import { queryOptions, useQuery } from "@tanstack/react-query";
import { apiFetch } from "../../../lib/api-client";
import { accountingKeys } from "./keys";

/** The company's live Expense and Cost of Goods Sold accounts, and the default among them. */
export function getAdjustmentAccounts(signal?: AbortSignal): Promise<AdjustmentAccountList> {
  return apiFetch("/api/quickbooks/adjustment-accounts", {
    schema: AdjustmentAccountListSchema,
    signal,
  });
}

export function useAdjustmentAccounts() {
  return useQuery(
    queryOptions({
      queryKey: accountingKeys.adjustmentAccounts(),
      queryFn: ({ signal }) => getAdjustmentAccounts(signal),
      staleTime: 60_000,
      retry: false,
    }),
  );
}
