import { renderHook } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import i18n from "../i18n";
import { ApiError } from "./api-error";
import { useErrorMessage } from "./use-error-message";

const say = () => renderHook(() => useErrorMessage()).result.current;

const nameTaken = new ApiError(
  409,
  "conflict",
  'QuickBooks already has an item named "Brake Pads"',
  { code: "6240" },
  { reason: "quickbooks_name_taken", params: { name: "Brake Pads" } },
);

describe("useErrorMessage", () => {
  it("says a server error's reason in French, with its parameters", async () => {
    await i18n.changeLanguage("fr");
    expect(say()(nameTaken)).toBe("QuickBooks a déjà un article nommé « Brake Pads ».");
  });

  it("says the same reason in English from the same code", () => {
    expect(say()(nameTaken)).toBe("QuickBooks already has an item named “Brake Pads”.");
  });

  it("falls back to the code's words in French, never to the server's English", async () => {
    await i18n.changeLanguage("fr");
    const err = new ApiError(404, "not_found", "Part not found");
    expect(say()(err)).toBe("Cet enregistrement n'existe plus.");
    // A reason this web does not know yet (a newer server): still the code's words.
    const newer = new ApiError(409, "conflict", "Something new", undefined, {
      reason: "brand_new",
    });
    expect(say()(newer)).toBe(
      "Impossible pour le moment : l'enregistrement ou la tâche n'est pas dans un état qui le permet.",
    );
  });

  it("reads a failure an answer carries (a job's error, a fix's result)", async () => {
    await i18n.changeLanguage("fr");
    expect(say()({ code: "storage_full", message: "disk full" })).toBe(
      "Le disque du serveur est plein. L'importation est en pause et reprendra d'elle-même dès que de l'espace sera libéré.",
    );
    expect(say()({ reason: "item_gone", message: "The QuickBooks item no longer exists" })).toBe(
      "L'article QuickBooks n'existe plus.",
    );
  });

  it("says a 400's field issue in French, and an issue without a reason by its kind", async () => {
    await i18n.changeLanguage("fr");
    expect(
      say()({
        path: "body.lines.0.quantity",
        message: "Expected more than zero",
        reason: "more_than_zero",
      }),
    ).toBe("Doit être supérieur à zéro.");
    expect(say()({ path: "body.customerId", message: "No such customer in this shop" })).toBe(
      "Cette valeur n'est pas valide.",
    );
    await i18n.changeLanguage("en");
    expect(say()({ path: "body.customerId", message: "No such customer in this shop" })).toBe(
      "No such customer in this shop",
    );
  });
});
