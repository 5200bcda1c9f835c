import { SupportRequestSchema } from "@app/shared";
import { useMutation } from "@tanstack/react-query";
import { apiFetch } from "../../../lib/api-client";

export const sendSupportRequest = (message: string) =>
  apiFetch("/api/quickbooks/support-requests", {
    method: "POST",
    body: { message },
    schema: SupportRequestSchema,
  });

export const useSendSupportRequest = () => useMutation({ mutationFn: sendSupportRequest });
