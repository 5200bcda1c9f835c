import type { SupportRequest } from "@app/shared";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { toast } from "../../../lib/toast";
import { Button } from "../../../components/ui/button";
import { Dialog } from "../../../components/ui/dialog";
import { useErrorMessage } from "../../../lib/use-error-message";
import { useSendSupportRequest } from "../api/send-support-request";
import { useFormats } from "../../../lib/use-formats";

const ChatIcon = () => (
  <svg
    viewBox="0 0 24 24"
    fill="none"
    stroke="currentColor"
    strokeWidth={1.8}
    className="size-5"
    aria-hidden="true"
  >
    <path d="M4 5h16v10H8l-4 4V5Z" strokeLinejoin="round" />
  </svg>
);

/** The support chat entry Shopmonkey offers for these situations: the request is stored. */
export function SupportChat() {
  const { t } = useTranslation("onboarding");
  const { date } = useFormats();
  const errorMessage = useErrorMessage();
  const [open, setOpen] = useState(false);
  const [message, setMessage] = useState("");
  const [sent, setSent] = useState<SupportRequest | undefined>();
  const fieldId = useId();
  const send = useSendSupportRequest();
  const close = () => {
    setOpen(false);
    setSent(undefined);
  };
  return (
    <>
      <Button variant="secondary" onClick={() => setOpen(true)}>
        <ChatIcon />
        {t("support.open")}
      </Button>
      {open ? (
        <Dialog
          title={t("support.title")}
          onClose={close}
          footer={
            <>
              <Button variant="secondary" onClick={close}>
                {t("support.cancel")}
              </Button>
              {sent ? null : (
                <Button
                  disabled={!message.trim() || send.isPending}
                  onClick={() =>
                    send.mutate(message, {
                      onSuccess: (req) => {
                        setSent(req);
                        setMessage("");
                        toast.success(t("support.sent"));
                      },
                      onError: (e) =>
                        toast.error(t("support.failed"), { description: errorMessage(e) }),
                    })
                  }
                >
                  {t("support.send")}
                </Button>
              )}
            </>
          }
        >
          {sent ? (
            <div role="status" className="space-y-3 text-sm">
              <p className="rounded-lg bg-slate-100 p-3 whitespace-pre-line text-slate-900">
                {sent.message}
              </p>
              <p className="text-slate-700">
                {t("support.confirmation", {
                  when: date(sent.createdAt, "minute"),
                })}
              </p>
            </div>
          ) : (
            <div className="space-y-2">
              <p className="text-sm text-slate-600">{t("support.intro")}</p>
              <label htmlFor={fieldId} className="block text-sm font-medium text-slate-800">
                {t("support.message")}
              </label>
              <textarea
                id={fieldId}
                value={message}
                onChange={(e) => setMessage(e.target.value)}
                rows={5}
                maxLength={4000}
                className="w-full rounded-lg border border-slate-300 p-3 text-sm focus:border-navy-700 focus:outline-none focus:ring-2 focus:ring-navy-700"
              />
            </div>
          )}
        </Dialog>
      ) : null}
    </>
  );
}
