import type { ReaderLanguage } from "@app/shared";

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

type Key = "ok" | "confirm" | Extract<CallbackOutcome, { ok: false }>["reason"];

/** The page's words in each language the app speaks (the popup has no app to translate them). */
const WORDS: Record<ReaderLanguage, { back: string; messages: Record<Key, string> }> = {
  en: {
    back: "Back to QuickBooks settings",
    messages: {
      ok: "QuickBooks is connected. You can close this window.",
      confirm:
        "This is a different QuickBooks company from the one your records are linked to. Confirm the change in the app; nothing has changed yet.",
      other_browser:
        "This connection was started in another browser. Start again from Settings → QuickBooks in your own browser. Nothing changed.",
      company_unreadable:
        "QuickBooks did not let us read this company. Nothing changed; please try again.",
      access_denied: "Connecting was cancelled at QuickBooks. Nothing changed.",
      state_invalid:
        "This connection link has expired or was already used. Start again from Settings.",
      exchange_failed: "QuickBooks did not accept this connection. Please try again.",
      bad_request: "QuickBooks sent an incomplete answer. Please try again.",
    },
  },
  fr: {
    back: "Retour aux paramètres QuickBooks",
    messages: {
      ok: "QuickBooks est connecté. Vous pouvez fermer cette fenêtre.",
      confirm:
        "Cette entreprise QuickBooks n'est pas celle à laquelle vos fiches sont liées. Confirmez le changement dans l'application ; rien n'a encore changé.",
      other_browser:
        "Cette connexion a été lancée dans un autre navigateur. Recommencez depuis Paramètres → QuickBooks dans votre propre navigateur. Rien n'a changé.",
      company_unreadable:
        "QuickBooks ne nous a pas laissés lire cette entreprise. Rien n'a changé ; veuillez réessayer.",
      access_denied: "La connexion a été annulée dans QuickBooks. Rien n'a changé.",
      state_invalid:
        "Ce lien de connexion a expiré ou a déjà servi. Recommencez depuis les Paramètres.",
      exchange_failed: "QuickBooks n'a pas accepté cette connexion. Veuillez réessayer.",
      bad_request: "QuickBooks a envoyé une réponse incomplète. Veuillez réessayer.",
    },
  },
};

export function callbackPage(
  outcome: CallbackOutcome,
  settingsPath: string,
  lang: ReaderLanguage = "en",
): string {
  const key: Key = outcome.ok ? (outcome.confirm ? "confirm" : "ok") : outcome.reason;
  const words = WORDS[lang];
  const message = {
    type: "quickbooks:oauth",
    ok: outcome.ok,
    confirm: outcome.ok && outcome.confirm ? true : undefined,
    reason: outcome.ok ? undefined : outcome.reason,
  };
  // JSON inside <script>: escape "<" so no value can close the tag.
  const payload = JSON.stringify(message).replace(/</g, "\\u003c");
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>QuickBooks</title></head>
<body style="font-family:system-ui;padding:2rem"><p role="status">${words.messages[key]}</p>
<p><a href="${settingsPath}">${words.back}</a></p>
<script>(function(){var m=${payload};if(window.opener){window.opener.postMessage(m,window.location.origin);window.close();}})();</script>
</body></html>`;
}
