import { type QuickBooksItemList, QuickBooksItemListSchema } from "@app/shared";
import { queryOptions, useQuery } from "@tanstack/react-query";
import { apiFetch } from "../../../lib/api-client";
import { accountingKeys } from "./keys";

const TYPES = ["Service", "NonInventory"] as const;

/** The company's live services and non-inventory items (what a category may post to). */
export function getQuickBooksItems(signal?: AbortSignal): Promise<QuickBooksItemList> {
  return apiFetch(`/api/quickbooks/items?types=${TYPES.join(",")}`, {
    schema: QuickBooksItemListSchema,
    signal,
  });
}

export const quickBooksItemsQueryOptions = () =>
  queryOptions({
    queryKey: accountingKeys.items(TYPES),
    queryFn: ({ signal }) => getQuickBooksItems(signal),
    staleTime: 60_000,
    retry: false,
  });

export function useQuickBooksItems(enabled: boolean) {
  return useQuery({ ...quickBooksItemsQueryOptions(), enabled });
}
