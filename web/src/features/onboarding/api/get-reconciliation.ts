import {
  type ReconciliationQuery,
  ReconciliationProposalSchema,
  type ReconciliationSection,
} from "@app/shared";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "../../../lib/api-client";
import { onboardingKeys } from "./keys";

/** Rows of each section per page. */
export const RECONCILE_PAGE_SIZE = 50;

export type SectionPages = Record<ReconciliationSection, number>;
export const FIRST_PAGES: SectionPages = {
  linked: 1,
  proposed: 1,
  ambiguous: 1,
  onlyInQuickBooks: 1,
  onlyInShopmonkey: 1,
};

const queryOf = (pages: SectionPages): string => {
  const query: ReconciliationQuery = {
    pageSize: RECONCILE_PAGE_SIZE,
    linkedPage: pages.linked,
    proposedPage: pages.proposed,
    ambiguousPage: pages.ambiguous,
    onlyInQuickBooksPage: pages.onlyInQuickBooks,
    onlyInShopmonkeyPage: pages.onlyInShopmonkey,
  };
  return new URLSearchParams(
    Object.entries(query).map(([k, v]) => [k, String(v)] as [string, string]),
  ).toString();
};

/**
 * One page of each section of the stored proposal (computed on the first visit; the server
 * reads QuickBooks again only on a refresh). The page shown stays while the next one loads.
 */
export const useReconciliation = (pages: SectionPages, enabled = true) =>
  useQuery({
    enabled,
    queryKey: onboardingKeys.reconciliationPages(pages),
    queryFn: ({ signal }) =>
      apiFetch(`/api/quickbooks/reconciliation?${queryOf(pages)}`, {
        schema: ReconciliationProposalSchema,
        signal,
      }),
    placeholderData: keepPreviousData,
    // Pages are cheap reads of the stored result; a later visit asks again (a new one after an
    // apply, which drops it).
    staleTime: 0,
    gcTime: 0,
  });

/** Reads both sides again and replaces the stored proposal. */
export function useRefreshReconciliation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () =>
      apiFetch(`/api/quickbooks/reconciliation/refresh?${queryOf(FIRST_PAGES)}`, {
        method: "POST",
        schema: ReconciliationProposalSchema,
      }),
    onSuccess: (proposal) =>
      queryClient.setQueryData(onboardingKeys.reconciliationPages(FIRST_PAGES), proposal),
  });
}
