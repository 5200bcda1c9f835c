import { useCallback, useMemo } from "react";
import { useSearchParams } from "react-router";
import type { z } from "zod";

type QuerySchema = z.ZodObject<z.ZodRawShape>;

/**
 * A list's page, search, filters and sort, kept in the URL: a link or a reload shows the same
 * page, and Back undoes a filter. A hand-edited, invalid parameter is dropped (its default
 * applies) instead of breaking the page. Changing anything but the page goes back to page 1.
 * A list paged by cursor (`after`: the last row seen) gets it only with the page it leads to:
 * any other change drops it.
 */
export function useListParams<S extends QuerySchema>(schema: S) {
  const [params, setParams] = useSearchParams();
  const defaults = useMemo(() => stringify(schema.parse({})), [schema]);
  const query = useMemo(() => {
    const valid: Record<string, string> = {};
    for (const [key, value] of params) {
      if ((schema.shape[key] as z.ZodType | undefined)?.safeParse(value).success)
        valid[key] = value;
    }
    return schema.parse(valid);
  }, [params, schema]);
  const update = useCallback(
    (change: Partial<z.infer<S>>) => {
      // Built from the URL as it is when applied, not from this render's `query`: a debounced
      // search firing after a filter click must not put back the filter's old value.
      setParams(
        (prev) => {
          const next: Record<string, string> = Object.fromEntries(prev);
          next.page = "1";
          delete next.after;
          for (const [key, value] of Object.entries(change)) {
            if (value === undefined) delete next[key];
            else next[key] = String(value as string | number | boolean);
          }
          const out = new URLSearchParams();
          for (const [key, value] of Object.entries(next)) {
            // Defaults stay out of the URL, so it reads like what was chosen.
            if (value === "" || defaults[key] === value) continue;
            out.set(key, value);
          }
          return out;
        },
        { preventScrollReset: true },
      );
    },
    [defaults, setParams],
  );
  return [query, update] as const;
}

function stringify(values: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(values).flatMap(([k, v]) =>
      v === undefined ? [] : [[k, String(v as string | number | boolean)]],
    ),
  );
}
