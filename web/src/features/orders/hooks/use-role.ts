import type { Role } from "@app/shared";
import { useMe } from "../../session/api/get-me";

/** Who is signed in decides which order actions show (the server enforces them anyway). */
export function useRole(): Role | undefined {
  return useMe().data?.role;
}
