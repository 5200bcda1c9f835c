import { render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import i18n from "../../../i18n";
import { ExportPreviewTable } from "./export-preview-table";

describe("the export preview", () => {
  it("says why a part is skipped in French, and an older answer's words as they came", async () => {
    await i18n.changeLanguage("fr");
    const row = {
      description: "Oil filter",
      partNumber: "OF-1",
      itemType: "Inventory" as const,
      plan: "skip" as const,
      skuTakenBy: [],
    };
    render(
      <ExportPreviewTable
        rows={[
          {
            ...row,
            partId: "p1",
            reason: "QuickBooks needs a starting quantity of zero or more",
            reasonCode: "negative_starting_quantity",
          },
          { ...row, partId: "p2", reason: "stored before codes" },
        ]}
        linkByName={[]}
        onToggleLink={() => undefined}
      />,
    );
    expect(
      screen.getByText("QuickBooks exige une quantité de départ égale ou supérieure à zéro."),
    ).toBeTruthy();
    expect(screen.getByText("stored before codes")).toBeTruthy();
    expect(screen.queryByText(/starting quantity of zero/)).toBeNull();
  });
});
