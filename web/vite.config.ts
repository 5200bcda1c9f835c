/// <reference types="vitest/config" />
import tailwindcss from "@tailwindcss/vite";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

/**
 * Libraries the first page needs none of (sonner) or only part of (zod: its core and zod/mini,
 * not classic zod): left out of the vendor chunk, the automatic split puts each where it is used.
 */
const notOnFirstPage = /[\\/]node_modules[\\/](zod|sonner)[\\/]/;

export default defineConfig({
  plugins: [react(), tailwindcss()],
  server: {
    // The SPA only ever calls same-origin /api; in dev the BFF runs beside Vite.
    proxy: { "/api": "http://127.0.0.1:3000" },
  },
  build: {
    // react + router + query + i18next land in the vendor chunk.
    chunkSizeWarningLimit: 700,
    // dist/.vite/manifest.json maps each lazy route to its chunks (read by `pnpm bench`).
    manifest: true,
    // The libraries of the first page in one chunk: it compresses better than the many small
    // chunks of the automatic split, and stays cached across our releases.
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            {
              name: "vendor",
              test: (id) => id.includes("node_modules") && !notOnFirstPage.test(id),
            },
          ],
        },
      },
    },
  },
  test: {
    environment: "jsdom",
    setupFiles: ["./src/test/setup.ts"],
    css: false,
    restoreMocks: true,
    // Vitest's default is one fewer than the cores: one file at a time here, ~100 s for the
    // suite. Two files at once take ~65 s, and a test waits for outcomes (asyncUtilTimeout,
    // src/test/setup.ts), not for a delay.
    maxWorkers: 2,
    // A ceiling for a stuck test, not a speed target: under load (`pnpm test:stress`) a test
    // that takes 2 s alone can take 10.
    testTimeout: 60_000,
  },
});
