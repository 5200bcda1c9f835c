// `node pglite-initdb.js <dir>`: creates an embedded database (initdb)
// in a process of its own, which then exits. PGlite's first start runs initdb in a second WASM
// instance beside the first and peaks at ~830 MB; the server only ever opens an existing
// directory (~250 MB), so its own memory never carries that peak
// (docs/decisions/0012-pglite-off-the-request-thread.md). PostgreSQL splits it the same way.
import { PGlite } from "@electric-sql/pglite";

const db = new PGlite(process.argv[2]);
await db.waitReady;
await db.close();
