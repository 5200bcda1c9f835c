import { act, fireEvent, render, screen } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { SearchBox } from "./search-box";

// Time is the subject here, so the clock is fake: the test decides exactly how long the user
// pauses, and a busy machine cannot turn one pause into two searches.
beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

function setup(value = "") {
  const onSearch = vi.fn<(value: string) => void>();
  render(<SearchBox label="Search parts" value={value} onSearch={onSearch} />);
  const box = screen.getByRole<HTMLInputElement>("searchbox", { name: "Search parts" });
  // One change event per keystroke, with no time passing between them. (user-event waits on
  // real timers between keys, which a fake clock never fires.)
  const type = (text: string) => {
    for (const ch of text) fireEvent.change(box, { target: { value: box.value + ch } });
  };
  const wait = (ms: number) => act(() => vi.advanceTimersByTime(ms));
  return { onSearch, type, wait };
}

describe("the search box", () => {
  it("searches once, 300 ms after the last keystroke, for the whole word", async () => {
    const { onSearch, type, wait } = setup();
    type("brake");
    await wait(299);
    expect(onSearch).not.toHaveBeenCalled();
    await wait(1);
    expect(onSearch.mock.calls).toEqual([["brake"]]);
  });

  it("starts the wait over on every keystroke, so a short pause is not a search", async () => {
    const { onSearch, type, wait } = setup();
    type("br");
    await wait(250);
    type("ake ");
    await wait(250);
    expect(onSearch).not.toHaveBeenCalled();
    await wait(50);
    expect(onSearch.mock.calls).toEqual([["brake"]]); // trimmed
  });

  it("does not search again for what is already applied", async () => {
    const { onSearch, type, wait } = setup("brake");
    type(" ");
    await wait(1000);
    expect(onSearch).not.toHaveBeenCalled();
  });
});
