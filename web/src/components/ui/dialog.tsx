import { type ReactNode, type RefObject, useEffect, useId, useRef } from "react";

interface DialogProps {
  title: string;
  onClose: () => void;
  children: ReactNode;
  footer?: ReactNode;
  /** "alertdialog" for a question before an action that is hard to undo. */
  role?: "dialog" | "alertdialog";
  /** Where focus starts (default: the dialog itself, so its title is read first). */
  initialFocus?: RefObject<HTMLElement | null>;
  /**
   * Where focus goes back when what had it before is gone or disabled (a button that started
   * a run is disabled while it runs, and the browser drops its focus to the body).
   */
  returnFocus?: RefObject<HTMLElement | null>;
  size?: "md" | "lg";
}

const TABBABLE =
  'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/**
 * The app's one modal dialog. A native `<dialog>` opened with showModal() makes the page behind
 * inert and sits above everything; on top of that, Tab and Shift+Tab cycle inside it (the
 * browser would otherwise step out to its own toolbar), Escape closes it wherever focus is in
 * it, and focus goes back to what opened it: or to the page's main region when that control
 * is gone (a run that re-rendered its card), never to the body.
 */
export function Dialog({
  title,
  onClose,
  children,
  footer,
  role = "dialog",
  initialFocus,
  returnFocus,
  size = "lg",
}: DialogProps) {
  const titleId = useId();
  const bodyId = useId();
  const ref = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const fallback = returnFocus?.current;
    // jsdom has no showModal; the attribute shows it there (the keyboard handling is ours).
    if (typeof dialog.showModal === "function" && !dialog.open) dialog.showModal();
    else dialog.setAttribute("open", "");
    (initialFocus?.current ?? dialog).focus();
    return () => {
      if (typeof dialog.close === "function" && dialog.open) dialog.close();
      const usable = (el: HTMLElement | null | undefined): el is HTMLElement =>
        !!el?.isConnected && el !== document.body && !el.matches(":disabled");
      const back = usable(previous)
        ? previous
        : usable(fallback)
          ? fallback
          : document.querySelector<HTMLElement>("main");
      back?.focus();
    };
    // Opened once per mount: a parent's re-render must not move focus again.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  function onKeyDown(e: React.KeyboardEvent<HTMLDialogElement>) {
    if (e.key === "Escape") {
      e.preventDefault();
      e.stopPropagation();
      onClose();
      return;
    }
    if (e.key !== "Tab" || !ref.current) return;
    const inside = [...ref.current.querySelectorAll<HTMLElement>(TABBABLE)].filter(
      (el) => !el.closest("[inert]") && el.getClientRects().length > 0,
    );
    const all =
      inside.length > 0 ? inside : [...ref.current.querySelectorAll<HTMLElement>(TABBABLE)];
    const first = all[0];
    const last = all[all.length - 1];
    if (!first || !last) {
      e.preventDefault();
      ref.current.focus();
      return;
    }
    const active = document.activeElement;
    if (e.shiftKey && (active === first || active === ref.current)) {
      e.preventDefault();
      last.focus();
    } else if (!e.shiftKey && active === last) {
      e.preventDefault();
      first.focus();
    }
  }

  return (
    <dialog
      ref={ref}
      role={role === "alertdialog" ? "alertdialog" : undefined}
      aria-modal="true"
      aria-labelledby={titleId}
      aria-describedby={role === "alertdialog" ? bodyId : undefined}
      tabIndex={-1}
      onKeyDown={onKeyDown}
      onCancel={(e) => {
        // Another close request (not Escape, which onKeyDown handled): React stays in charge.
        e.preventDefault();
        onClose();
      }}
      className={`fixed inset-0 m-auto max-h-[85vh] w-[calc(100%-2rem)] flex-col rounded-xl open:flex bg-white p-0 text-left shadow-xl backdrop:bg-navy-950/50 focus:outline-none ${
        size === "md" ? "max-w-md" : "max-w-3xl"
      }`}
    >
      <h2
        id={titleId}
        className="border-b border-slate-200 px-6 py-4 text-lg font-semibold text-slate-900"
      >
        {title}
      </h2>
      <div id={bodyId} className="min-h-0 flex-1 overflow-y-auto px-6 py-4">
        {children}
      </div>
      {footer ? (
        <div className="flex justify-end gap-3 border-t border-slate-200 px-6 py-4">{footer}</div>
      ) : null}
    </dialog>
  );
}
