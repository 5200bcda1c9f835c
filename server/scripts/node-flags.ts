/**
 * How Node runs the processes of `pnpm start` (and the BFF in `pnpm bench`, which measures it), measured
 * in docs/performance.md ("Memory"). Together they took a 50,000-item import on the embedded
 * database from 460 to 387 MB at its peak, boot included, at the same speed.
 * - `--max-semi-space-size=4`: V8's young generation per thread (the request thread, the
 *   database's, the watchdog's) is 16 MB by default; 4 MB costs more frequent, shorter
 *   scavenges and saved ~35 MB.
 * - `--no-liftoff`: PGlite's 9 MB of WASM is compiled once, by the optimizing compiler, instead
 *   of twice (a quick baseline copy first, optimized hot functions later): ~40 MB less, no
 *   slower once started, about 1.5 s longer to start.
 */
export const NODE_FLAGS = ["--max-semi-space-size=4", "--no-liftoff"];
