import type { Company, EntityName } from "../company/company.js";

export type { EntityName };
/** The slice of Company the field helpers need. */
export type WriteCtxCompany = Pick<Company, "get">;
