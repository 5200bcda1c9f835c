import { useQueryClient } from "@tanstack/react-query";
import { useCallback, useEffect, useRef, useState } from "react";
import { currentLanguage } from "../../../i18n";
import { startConnect } from "../api/start-connect";

/** `confirm`: the consent was for another company than the shop's links; the owner decides. */
export type ConnectResult = { ok: true; confirm?: boolean } | { ok: false; reason: string };

interface OAuthMessage {
  type: "quickbooks:oauth";
  ok: boolean;
  confirm?: boolean;
  reason?: string;
}

const isOAuthMessage = (data: unknown): data is OAuthMessage =>
  typeof data === "object" &&
  data !== null &&
  (data as { type?: unknown }).type === "quickbooks:oauth";

/**
 * Intuit's consent page refuses to be framed, so it opens in a popup. The popup is opened
 * synchronously on click (popup blockers allow that), then pointed at the consent URL; the
 * BFF's callback page posts the outcome back to this window and closes itself.
 */
export function useConnectPopup(onResult: (result: ConnectResult) => void) {
  const queryClient = useQueryClient();
  const [pending, setPending] = useState(false);
  const popup = useRef<Window | null>(null);
  const done = useRef(onResult);
  useEffect(() => {
    done.current = onResult;
  }, [onResult]);

  const finish = useCallback(
    (result: ConnectResult | undefined) => {
      setPending(false);
      popup.current = null;
      // A reconnect clears stale "needs reconnecting" states everywhere, not only here.
      void queryClient.invalidateQueries();
      if (result) done.current(result);
    },
    [queryClient],
  );

  useEffect(() => {
    const onMessage = (event: MessageEvent) => {
      if (event.origin !== window.location.origin || !isOAuthMessage(event.data)) return;
      // Several places offer Connect (the tab, the banner): only the one that opened the
      // popup reports its outcome.
      if (!popup.current) return;
      finish(
        event.data.ok
          ? { ok: true, confirm: event.data.confirm === true }
          : { ok: false, reason: event.data.reason ?? "exchange_failed" },
      );
    };
    window.addEventListener("message", onMessage);
    return () => window.removeEventListener("message", onMessage);
  }, [finish]);

  // A popup closed by hand sends no message: stop waiting and re-read the status.
  useEffect(() => {
    if (!pending) return;
    const timer = window.setInterval(() => {
      if (popup.current?.closed) finish(undefined);
    }, 500);
    return () => window.clearInterval(timer);
  }, [pending, finish]);

  const connect = useCallback(async () => {
    const win = window.open("about:blank", "quickbooks-connect", "width=560,height=720");
    popup.current = win;
    setPending(true);
    try {
      // Our own /oauth/start (it binds this browser, then goes on to Intuit).
      const start = new URL(await startConnect(), window.location.origin);
      // The page the popup lands on speaks the app's language (docs/api.md).
      start.searchParams.set("lang", currentLanguage());
      const url = start.toString();
      if (win) win.location.href = url;
      else window.location.href = url; // popups blocked: go there in this tab
    } catch {
      win?.close();
      finish({ ok: false, reason: "start_failed" });
    }
  }, [finish]);

  return { connect, pending };
}
