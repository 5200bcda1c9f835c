import type { ExportJob } from "@app/shared";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import i18n from "../../../i18n";
import { fakeServer, json } from "../../../test/fake-server";
import { ExportResult } from "./export-result";

afterEach(() => vi.unstubAllGlobals());

const failed: ExportJob = {
  id: "e1",
  status: "failed",
  total: 2,
  processed: 1,
  created: 0,
  linked: 0,
  skipped: 1,
  error: "Duplicate Name Exists Error",
  errorReason: "export_refused",
  errorParams: { detail: "Duplicate Name Exists Error" },
  requestedBy: "Dana Owner",
  createdAt: "2026-11-28T18:00:00.000Z",
};

describe("the export's result", () => {
  it("says why it stopped and why a part was skipped, in French", async () => {
    await i18n.changeLanguage("fr");
    fakeServer({
      "GET /api/quickbooks/exports/e1/records": () =>
        json({
          items: [
            {
              partId: "p1",
              description: "Oil filter",
              partNumber: "OF-1",
              outcome: "skipped",
              reason: "QuickBooks did not answer for this part",
              reasonCode: "quickbooks_no_answer_for_part",
            },
          ],
        }),
    });
    render(
      <QueryClientProvider client={new QueryClient()}>
        <ExportResult job={failed} />
      </QueryClientProvider>,
    );
    expect(
      screen.getByText(
        "L'exportation s'est arrêtée : QuickBooks a refusé : Duplicate Name Exists Error",
      ),
    ).toBeTruthy();
    expect(await screen.findByText(/QuickBooks n'a pas répondu pour cette pièce\./)).toBeTruthy();
    expect(screen.queryByText(/did not answer/)).toBeNull();
  });
});
