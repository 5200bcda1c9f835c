import { useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { isRouteErrorResponse, useRevalidator, useRouteError } from "react-router";
import { Button } from "../../components/ui/button";
import { ApiError } from "../../lib/api-error";
import { ErrorPanel } from "./error-panel";
import { NotFound } from "./not-found";

type ErrorKind = "notFound" | "session" | "forbidden" | "network" | "generic";

export function errorKind(error: unknown): ErrorKind {
  if (isRouteErrorResponse(error) && error.status === 404) return "notFound";
  if (error instanceof ApiError) {
    if (error.code === "unauthenticated") return "session";
    if (error.code === "forbidden") return "forbidden";
    if (error.code === "not_found") return "notFound";
    if (error.code === "network_error") return "network";
  }
  return "generic";
}

/** errorElement for pages: a friendly message and a retry that reruns loaders and queries. */
export function RouteError() {
  const error = useRouteError();
  const { t } = useTranslation("common");
  const queryClient = useQueryClient();
  const revalidator = useRevalidator();
  const kind = errorKind(error);
  if (kind === "notFound") return <NotFound />;

  const retry = async () => {
    await queryClient.invalidateQueries();
    // Revalidation also resets react-router's render error boundary.
    await revalidator.revalidate();
  };
  return (
    <ErrorPanel
      title={t(kind === "session" ? "errors.sessionTitle" : "errors.title")}
      message={t(`errors.${kind}`)}
      action={
        <Button onClick={() => void retry()} disabled={revalidator.state === "loading"}>
          {t("actions.retry")}
        </Button>
      }
    />
  );
}

/** Root errorElement: the shell itself could not load (e.g. no session), so stand alone. */
export function RootError() {
  return (
    <main className="min-h-screen bg-slate-50 px-4">
      <RouteError />
    </main>
  );
}
