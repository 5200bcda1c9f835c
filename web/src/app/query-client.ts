import { learnFromApiError } from "../features/quickbooks/api/connection-errors";
import { createQueryClient } from "../lib/query-client";

/** The app's one query client: errors that concern every page are learnt from here. */
export const createAppQueryClient = () => createQueryClient(learnFromApiError);
