import type {
  StartingSituationInput,
  StartingSituationState,
  SupportRequest,
  SupportRequestInput,
} from "@app/shared";
import type { Db } from "../../db/client.js";
import type { Session } from "../../http/session.js";
import { setKeepInSync } from "../sync/settings.repository.js";
import { findSituation, saveSituation } from "./situation.repository.js";
import { insertSupportRequest, listSupportRequests } from "./support.repository.js";

export interface OnboardingDeps {
  db: Db;
}

export const getSituation = (deps: OnboardingDeps, shopId: string) =>
  findSituation(deps.db, shopId);

export async function putSituation(
  deps: OnboardingDeps,
  s: Session,
  input: StartingSituationInput,
): Promise<StartingSituationState> {
  await saveSituation(deps.db, s.shopId, input.situation, { name: s.name, userId: s.userId });
  return findSituation(deps.db, s.shopId);
}

/** Stored with the shop's situation at the time, so support sees the context without asking. */
export async function openSupportRequest(
  deps: OnboardingDeps,
  s: Session,
  input: SupportRequestInput,
): Promise<SupportRequest> {
  const { situation } = await findSituation(deps.db, s.shopId);
  return insertSupportRequest(deps.db, {
    shopId: s.shopId,
    situation,
    message: input.message,
    createdBy: s.name,
    createdById: s.userId,
  });
}

export const supportRequests = async (deps: OnboardingDeps, shopId: string) => ({
  items: await listSupportRequests(deps.db, shopId),
});

/** "Brand new": stock follows invoices both ways for every part linked from now on. */
export async function turnOnInventorySync(deps: OnboardingDeps, shopId: string): Promise<void> {
  await setKeepInSync(deps.db, shopId, "inventory", true);
  await setKeepInSync(deps.db, shopId, "non_inventory", true);
}
