import { QuickBooksMark } from "./icons";

/**
 * The QuickBooks mark beside a linked record. It is an image with a name ("Synced with
 * QuickBooks (item 123)"), so screen readers say it in the row; sighted users get the same
 * words in a tooltip on hover, or when the row's link next to it has keyboard focus (the cell is
 * the `group`). The icon itself is not a tab stop: fifty of them would bury the table.
 */
export function QuickBooksLinkIcon({ label }: { label: string }) {
  return (
    <span className="relative inline-flex shrink-0 align-middle">
      <span role="img" aria-label={label} className="peer inline-flex">
        <QuickBooksMark className="size-5" />
      </span>
      <span
        aria-hidden="true"
        className="pointer-events-none absolute bottom-full left-1/2 z-20 mb-2 hidden -translate-x-1/2 whitespace-nowrap rounded-md bg-navy-950 px-2 py-1 text-xs font-medium text-white shadow-lg peer-hover:block group-focus-within:block"
      >
        {label}
      </span>
    </span>
  );
}
