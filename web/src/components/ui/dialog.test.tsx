import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useState } from "react";
import { describe, expect, it } from "vitest";
import { Dialog } from "./dialog";

/** A page with a control that opens the dialog, and (optionally) goes away while it is open. */
function Page({ removeOpener = false }: { removeOpener?: boolean }) {
  const [open, setOpen] = useState(false);
  const [ran, setRan] = useState(false);
  return (
    <main tabIndex={-1}>
      <button type="button">Before</button>
      {ran && removeOpener ? <p>Done</p> : <button onClick={() => setOpen(true)}>Preview</button>}
      <button type="button">After</button>
      {open ? (
        <Dialog
          title="Preview"
          onClose={() => setOpen(false)}
          footer={
            <>
              <button
                onClick={() => {
                  setRan(true);
                  setOpen(false);
                }}
              >
                Run
              </button>
              <button onClick={() => setOpen(false)}>Close</button>
            </>
          }
        >
          <a href="#row">First row</a>
        </Dialog>
      ) : null}
    </main>
  );
}

describe("the dialog", () => {
  it("keeps Tab and Shift+Tab inside, closes on Escape from anywhere in it, and gives focus back", async () => {
    const user = userEvent.setup();
    render(<Page />);
    const opener = screen.getByRole("button", { name: "Preview" });
    await user.click(opener);
    const dialog = screen.getByRole("dialog", { name: "Preview" });
    expect(document.activeElement).toBe(dialog);

    const seen: string[] = [];
    for (let i = 0; i < 5; i++) {
      await user.tab();
      seen.push(document.activeElement?.textContent ?? "");
    }
    expect(seen).toEqual(["First row", "Run", "Close", "First row", "Run"]);
    await user.tab({ shift: true });
    await user.tab({ shift: true });
    expect(document.activeElement?.textContent).toBe("Close");

    await user.keyboard("{Escape}");
    expect(screen.queryByRole("dialog")).toBeNull();
    expect(document.activeElement).toBe(opener);
  });

  it("when what opened it is gone after a run, focus lands on the page's main region, not the body", async () => {
    const user = userEvent.setup();
    render(<Page removeOpener />);
    await user.click(screen.getByRole("button", { name: "Preview" }));
    await user.click(screen.getByRole("button", { name: "Run" }));
    expect(screen.getByText("Done")).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByRole("main"));
  });
});
