import { cleanup, configure } from "@testing-library/react";
import { afterEach, beforeEach } from "vitest";
import i18n from "../i18n";
import { resetSessionForTests } from "../lib/session";

// findBy*/waitFor wait for the outcome they assert and return as soon as it is there; this
// ceiling only decides how late a real failure is reported. The 1 s default failed good tests
// on a busy machine (`pnpm test:stress`), so it is generous, and tests never pass their own.
configure({ asyncUtilTimeout: 20_000 });

beforeEach(async () => {
  localStorage.clear();
  resetSessionForTests();
  await i18n.changeLanguage("en");
});

afterEach(() => {
  cleanup();
});
