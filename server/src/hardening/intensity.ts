/**
 * `pnpm test` runs the fast version of the hardening suites; `pnpm test:chaos` (CHAOS=1) the
 * long one: more fuzz runs, random kill points, longer storms.
 */
export const CHAOS = process.env.CHAOS === "1";
export const FUZZ_RUNS = CHAOS ? 150 : 6;
