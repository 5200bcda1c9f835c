import type { toast as sonnerToast } from "sonner";

type Show = typeof sonnerToast.success;

/** Fetched once: the Toaster (app/providers.tsx) asks for the same chunk as the app starts. */
const sonner = () => import("sonner");

function later(
  kind: "success" | "error" | "info" | "warning",
): (...args: Parameters<Show>) => void {
  return (...args) => {
    // A failed chunk costs this toast, never the page that asked for it.
    sonner().then(
      ({ toast }) => toast[kind](...args),
      () => undefined,
    );
  };
}

/**
 * The app's toasts: sonner's, without sonner (~9 kB gzip) on the first page, which never shows
 * one. A toast asked for before the chunk arrives waits for it, and the Toaster shows the toasts
 * raised before it mounted.
 */
export const toast = {
  success: later("success"),
  error: later("error"),
  info: later("info"),
  warning: later("warning"),
};
