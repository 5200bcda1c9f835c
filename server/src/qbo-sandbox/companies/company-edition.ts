/**
 * A plan or country change on an existing company (`PATCH /_sandbox/companies/:realmId`), as
 * when a subscriber moves from Plus to Essentials: CompanyInfo and Preferences follow (new
 * SyncToken); items already there stay as they are, but new Inventory items and adjustments
 * follow the new plan's rules.
 */
import type { Company } from "./company.js";
import { companyInfoEntity, preferencesEntity } from "./company-builders.js";
import { bumpedEnvelope } from "../entities/entity-context.js";
import type { Edition } from "./edition.js";

export function changeEdition(company: Company, edition: Edition, nowMs: number): void {
  company.changedEdition = edition;
  const info = companyInfoEntity(company.name, company.createdMs, edition);
  const prefs = preferencesEntity(company.createdMs, edition);
  company.companyInfo = {
    e: { ...info, ...bumpedEnvelope(company.companyInfo.e, nowMs) },
    updatedMs: nowMs,
  };
  company.preferences = {
    e: { ...prefs, ...bumpedEnvelope(company.preferences.e, nowMs) },
    updatedMs: nowMs,
  };
}
