import { ReconciliationProposalSchema } from "@app/shared";
import { useQuery } from "@tanstack/react-query";
import { apiFetch } from "../../../lib/api-client";
import { onboardingKeys } from "./keys";

/** Reads both sides live; never cached across visits, the user acts on what is true now. */
export const useReconciliation = () =>
  useQuery({
    queryKey: onboardingKeys.reconciliation(),
    queryFn: ({ signal }) =>
      apiFetch("/api/quickbooks/reconciliation", { schema: ReconciliationProposalSchema, signal }),
    staleTime: 0,
    gcTime: 0,
  });
