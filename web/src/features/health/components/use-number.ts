import { useFormats } from "../../../lib/use-formats";

/** Numbers in the reader's language ("12 345" in French, "12,345" in English). */
export function useNumber() {
  return useFormats().number;
}

/** A day on a chart's axis ("Nov 28"). */
export function useShortDate() {
  const { date } = useFormats();
  return (iso: string) => date(iso, "chartDay");
}

/** A moment, short, in the reader's language ("Nov 28, 14:05"): several checks share a day. */
export function useShortDateTime() {
  const { date } = useFormats();
  return (iso: string) => date(iso, "chartMinute");
}
