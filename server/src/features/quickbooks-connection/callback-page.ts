/**
 * The page Intuit's redirect lands on, inside the consent popup. It tells the opener what
 * happened and closes; without an opener it links back to the settings page.
 */
export type CallbackOutcome =
  | { ok: true; confirm?: boolean }
  | {
      ok: false;
      reason:
        | "access_denied"
        | "state_invalid"
        | "exchange_failed"
        | "bad_request"
        | "other_browser"
        | "company_unreadable";
    };

const MESSAGES: Record<string, string> = {
  ok: "QuickBooks is connected. You can close this window.",
  confirm:
    "This is a different QuickBooks company from the one your records are linked to. Confirm the change in the app; nothing has changed yet.",
  other_browser:
    "This connection was started in another browser. Start again from Settings → QuickBooks in your own browser. Nothing changed.",
  company_unreadable:
    "QuickBooks did not let us read this company. Nothing changed; please try again.",
  access_denied: "Connecting was cancelled at QuickBooks. Nothing changed.",
  state_invalid: "This connection link has expired or was already used. Start again from Settings.",
  exchange_failed: "QuickBooks did not accept this connection. Please try again.",
  bad_request: "QuickBooks sent an incomplete answer. Please try again.",
};

export function callbackPage(outcome: CallbackOutcome, settingsPath: string): string {
  const key = outcome.ok ? (outcome.confirm ? "confirm" : "ok") : outcome.reason;
  const message = {
    type: "quickbooks:oauth",
    ok: outcome.ok,
    confirm: outcome.ok && outcome.confirm ? true : undefined,
    reason: outcome.ok ? undefined : outcome.reason,
  };
  // JSON inside <script>: escape "<" so no value can close the tag.
  const payload = JSON.stringify(message).replace(/</g, "\\u003c");
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>QuickBooks</title></head>
<body style="font-family:system-ui;padding:2rem"><p role="status">${MESSAGES[key]}</p>
<p><a href="${settingsPath}">Back to QuickBooks settings</a></p>
<script>(function(){var m=${payload};if(window.opener){window.opener.postMessage(m,window.location.origin);window.close();}})();</script>
</body></html>`;
}
