import type { ReactNode, SelectHTMLAttributes } from "react";
import { ChevronDownIcon } from "../../components/ui/icons";

/** A native select (keyboard and screen-reader support for free) styled for the top bar. */
export function TopBarSelect({
  icon,
  className = "",
  ...props
}: SelectHTMLAttributes<HTMLSelectElement> & { icon?: ReactNode }) {
  return (
    <span className="relative inline-flex items-center">
      {icon ? (
        <span className="pointer-events-none absolute left-2.5 text-slate-500 [&>svg]:size-4">
          {icon}
        </span>
      ) : null}
      <select
        className={`h-9 appearance-none rounded-lg border border-slate-300 bg-white pr-8 text-sm font-medium text-slate-800 hover:border-slate-400 ${icon ? "pl-8" : "pl-3"} ${className}`}
        {...props}
      />
      <ChevronDownIcon className="pointer-events-none absolute right-2.5 size-4 text-slate-500" />
    </span>
  );
}
