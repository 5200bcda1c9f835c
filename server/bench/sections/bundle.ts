import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { gzipSync } from "node:zlib";

interface ManifestChunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  isDynamicEntry?: boolean;
  imports?: string[];
  css?: string[];
}
type Manifest = Record<string, ManifestChunk>;

export interface BundleResult {
  chunk: string;
  jsGzipKb: number;
  cssGzipKb: number;
  files: string[];
}

const webRoot = resolve(import.meta.dirname, "../../../web");
const dist = join(webRoot, "dist");
const kb = (bytes: number) => Math.round(bytes / 102.4) / 10;
const gz = (file: string) => gzipSync(readFileSync(join(dist, file))).length;

/** A chunk and everything it imports statically: what the browser fetches to run it. */
function closure(manifest: Manifest, key: string, seen = new Set<string>()): Set<string> {
  if (seen.has(key)) return seen;
  seen.add(key);
  for (const dep of manifest[key]?.imports ?? []) closure(manifest, dep, seen);
  return seen;
}

function measure(manifest: Manifest, keys: Iterable<string>, name: string): BundleResult {
  const js: string[] = [];
  const css = new Set<string>();
  for (const key of keys) {
    const c = manifest[key];
    if (!c) continue;
    js.push(c.file);
    for (const f of c.css ?? []) css.add(f);
  }
  const jsBytes = js.reduce((sum, f) => sum + gz(f), 0);
  const cssBytes = [...css].reduce((sum, f) => sum + gz(f), 0);
  return { chunk: name, jsGzipKb: kb(jsBytes), cssGzipKb: kb(cssBytes), files: [...js, ...css] };
}

/**
 * Builds the SPA and sizes what each navigation downloads, gzip at zlib's default level (what
 * a typical server sends): the first page (entry + its static imports + CSS), then each lazy
 * route's own chunks beyond what the first page already loaded.
 */
export function runBundle(): BundleResult[] {
  execFileSync("pnpm", ["--filter", "@app/web", "build"], { stdio: "ignore" });
  const manifest = JSON.parse(readFileSync(join(dist, ".vite/manifest.json"), "utf8")) as Manifest;
  const entry = Object.keys(manifest).find((k) => manifest[k]?.isEntry);
  if (!entry) throw new Error("no entry chunk in the Vite manifest");
  const first = closure(manifest, entry);
  const out = [measure(manifest, first, "first page")];
  for (const [key, chunk] of Object.entries(manifest)) {
    if (!chunk.isDynamicEntry) continue;
    const own = [...closure(manifest, key)].filter((k) => !first.has(k));
    const src = chunk.src ?? key;
    // A library loaded on its own (sonner) is named by its package, not its path in the store.
    const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)\/(?!.*node_modules\/)/.exec(src)?.[1];
    const label = pkg ?? src.replace(/^src\//, "").replace(/\.[jt]sx?$/, "");
    out.push(measure(manifest, own, `lazy: ${label}`));
  }
  return out;
}
