import { type ReactNode, useRef } from "react";
import { Button } from "./button";
import { Dialog } from "./dialog";

interface ConfirmDialogProps {
  open: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  cancelLabel: string;
  busy?: boolean;
  tone?: "danger" | "neutral";
  onConfirm: () => void;
  onCancel: () => void;
}

/**
 * A question before an action that is hard to undo, in the app's one Dialog: focus starts on
 * Cancel (the safe choice), stays inside, Escape cancels, and focus returns where it was.
 */
export function ConfirmDialog(props: ConfirmDialogProps) {
  const { open, title, children, confirmLabel, cancelLabel, busy, tone = "danger" } = props;
  const cancelRef = useRef<HTMLButtonElement>(null);
  if (!open) return null;
  return (
    <Dialog
      role="alertdialog"
      size="md"
      title={title}
      onClose={props.onCancel}
      initialFocus={cancelRef}
      footer={
        <>
          <Button ref={cancelRef} variant="secondary" onClick={props.onCancel} disabled={busy}>
            {cancelLabel}
          </Button>
          <Button
            onClick={props.onConfirm}
            disabled={busy}
            className={tone === "danger" ? "!bg-red-700 hover:!bg-red-800" : ""}
          >
            {confirmLabel}
          </Button>
        </>
      }
    >
      <div className="text-sm leading-6 text-slate-600">{children}</div>
    </Dialog>
  );
}
