import type { ReconciliationRun } from "@app/shared";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import i18n from "../../../i18n";
import { ReconcileResult } from "./reconcile-result";

const run = (over: Partial<ReconciliationRun>): ReconciliationRun => ({
  id: "r1",
  linked: 1,
  alreadyLinked: 0,
  skipped: [],
  quantityNotes: [],
  importsQueued: false,
  createdBy: "Dana Owner",
  createdAt: "2026-11-28T18:00:00.000Z",
  ...over,
});

const show = (r: ReconciliationRun) =>
  render(
    <QueryClientProvider client={new QueryClient()}>
      <ReconcileResult run={r} />
    </QueryClientProvider>,
  );

describe("the reconciliation's result", () => {
  it("says why a pair was skipped and why a value was not settled, in French", async () => {
    await i18n.changeLanguage("fr");
    show(
      run({
        skipped: [
          {
            partId: "p1",
            reason: "The item is linked to another part",
            code: "item_linked_to_other_part",
          },
          // A run applied before reasons had codes keeps its stored words.
          { partId: "p2", reason: "stored before codes" },
        ],
        quantityNotes: [
          {
            partId: "p3",
            message: "QuickBooks did not answer yet…",
            reason: "quickbooks_unanswered",
            importFollows: true,
          },
        ],
      }),
    );
    expect(screen.getByText("L'article est lié à une autre pièce.")).toBeTruthy();
    expect(screen.getByText("stored before codes")).toBeTruthy();
    expect(
      screen.getByText(
        "QuickBooks n'a pas encore répondu ; l'ajustement est enregistré et sera renvoyé sous peu. D'ici là, l'importation qui suit reprend la quantité de QuickBooks.",
      ),
    ).toBeTruthy();
    expect(screen.queryByText(/linked to another part|did not answer/)).toBeNull();
  });
});
