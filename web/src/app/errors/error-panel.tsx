import type { ReactNode } from "react";
import { AlertIcon } from "../../components/ui/icons";
import { PageHeader } from "../../components/ui/page-header";

/** The body of every error and not-found page: what happened, and what to do next. */
export function ErrorPanel({
  title,
  message,
  action,
  icon = <AlertIcon className="text-amber-600" />,
}: {
  title: string;
  message: string;
  action?: ReactNode;
  icon?: ReactNode;
}) {
  return (
    <div className="mx-auto max-w-xl py-10 text-center">
      <div className="mx-auto mb-4 flex size-14 items-center justify-center rounded-full bg-amber-50 [&>svg]:size-7">
        {icon}
      </div>
      <div className="[&>div]:justify-center">
        <PageHeader title={title} />
      </div>
      <p className="-mt-3 text-sm leading-6 text-slate-600">{message}</p>
      {action ? <div className="mt-6 flex justify-center gap-3">{action}</div> : null}
    </div>
  );
}
