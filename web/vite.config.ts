/// <reference types="vitest/config" />
import tailwindcss from "@tailwindcss/vite";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

export default defineConfig({
  plugins: [react(), tailwindcss()],
  server: {
    // The SPA only ever calls same-origin /api; in dev the BFF runs beside Vite.
    proxy: { "/api": "http://127.0.0.1:3000" },
  },
  build: {
    // react + router + query + i18next + zod (shared schemas) land in the vendor chunk.
    chunkSizeWarningLimit: 700,
    // dist/.vite/manifest.json maps each lazy route to its chunks (read by `pnpm bench`).
    manifest: true,
    // Every library in one chunk (the first page needs nearly all of them): it compresses better
    // than the many small chunks of the automatic split, and stays cached across our releases.
    rolldownOptions: {
      output: { codeSplitting: { groups: [{ name: "vendor", test: /node_modules/ }] } },
    },
  },
  test: {
    environment: "jsdom",
    setupFiles: ["./src/test/setup.ts"],
    css: false,
    restoreMocks: true,
    // A ceiling for a stuck test, not a speed target: under load (`pnpm test:stress`) a test
    // that takes 2 s alone can take 10.
    testTimeout: 60_000,
  },
});
