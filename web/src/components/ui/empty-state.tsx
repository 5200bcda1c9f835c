import type { ReactNode } from "react";

interface EmptyStateProps {
  icon: ReactNode;
  title: string;
  children: ReactNode;
  /** Heading level inside the page outline (pages already own the h1). */
  headingLevel?: 2 | 3;
  action?: ReactNode;
  /** QuickBooks screens tint the icon in Intuit green so the context reads at a glance. */
  tone?: "neutral" | "quickbooks";
}

const tones = {
  neutral: "bg-slate-100 text-slate-600",
  quickbooks: "bg-qb-500/10 text-qb-700",
};

/** Says what will be here (or why nothing is), instead of a blank panel. */
export function EmptyState({
  icon,
  title,
  children,
  headingLevel = 2,
  action,
  tone = "neutral",
}: EmptyStateProps) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <div className="flex flex-col items-center rounded-xl border border-dashed border-slate-300 bg-white px-6 py-14 text-center">
      <div
        className={`mb-4 flex size-14 items-center justify-center rounded-full [&>svg]:size-7 ${tones[tone]}`}
      >
        {icon}
      </div>
      <Heading className="text-lg font-semibold text-slate-900">{title}</Heading>
      <p className="mt-2 max-w-xl text-sm leading-6 text-slate-600">{children}</p>
      {action ? <div className="mt-6">{action}</div> : null}
    </div>
  );
}
