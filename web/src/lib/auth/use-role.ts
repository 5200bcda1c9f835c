import type { Role } from "@app/shared";
import { useMe } from "./me";

/** Who is signed in decides which actions show (the server enforces them anyway). */
export function useRole(): Role | undefined {
  return useMe().data?.role;
}
