import type { ImportJob } from "@app/shared";

/** A job still moving: the UI polls and shows progress for these. */
export const isLive = (job: Pick<ImportJob, "status"> | undefined): boolean =>
  job?.status === "queued" || job?.status === "running";

/** Progress is saved once per page (up to 1,000 records), so a second is fine-grained enough. */
export const POLL_MS = 1000;
