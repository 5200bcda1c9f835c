import { cleanup } from "@testing-library/react";
import { afterEach, beforeEach } from "vitest";
import i18n from "../i18n";
import { resetSessionForTests } from "../lib/session";

beforeEach(async () => {
  localStorage.clear();
  resetSessionForTests();
  await i18n.changeLanguage("en");
});

afterEach(() => {
  cleanup();
});
