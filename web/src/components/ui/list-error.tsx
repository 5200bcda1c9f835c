import { Button } from "./button";

/** A list that failed to load: what happened, and a way to try again. */
export function ListError(props: {
  title: string;
  message: string;
  retry: string;
  onRetry: () => void;
}) {
  return (
    <div
      role="alert"
      className="rounded-xl border border-red-200 bg-red-50 p-6 text-sm text-red-900"
    >
      <p className="font-semibold">{props.title}</p>
      <p className="mt-1">{props.message}</p>
      <Button variant="secondary" className="mt-4" onClick={props.onRetry}>
        {props.retry}
      </Button>
    </div>
  );
}
