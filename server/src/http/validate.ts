import type { Request } from "express";
import { z } from "zod";
import { fieldIssue, validationFailed, zodIssues } from "./errors.js";

/**
 * Where a NUL byte hides in a request value (PostgreSQL text can't hold one), if anywhere.
 * Iterative: a body may legally be JSON nested 100,000 deep, which would overflow recursion.
 */
function nulPath(value: unknown, where: string): string | undefined {
  const stack: [unknown, string][] = [[value, where]];
  for (let next = stack.pop(); next; next = stack.pop()) {
    const [v, path] = next;
    if (typeof v === "string") {
      if (v.includes("\u0000")) return path;
    } else if (typeof v === "object" && v !== null) {
      for (const [k, child] of Object.entries(v)) stack.push([child, `${path}.${k}`]);
    }
  }
  return undefined;
}

/**
 * Parse one part of a request with zod; failures become 400 validation_failed with field paths.
 * Any zod schema, zod/mini's too (the schemas the web's first page reads: docs/performance.md).
 */
function parse<S extends z.core.$ZodType>(schema: S, value: unknown, where: string): z.infer<S> {
  const nul = nulPath(value, where);
  if (nul)
    throw validationFailed([fieldIssue(nul, "NUL bytes are not allowed", { reason: "nul_bytes" })]);
  const result = z.safeParse(schema, value);
  if (!result.success) throw validationFailed(zodIssues(result.error, where));
  return result.data;
}

export const parseBody = <S extends z.core.$ZodType>(schema: S, req: Request): z.infer<S> =>
  parse(schema, req.body ?? {}, "body");
export const parseQuery = <S extends z.core.$ZodType>(schema: S, req: Request): z.infer<S> =>
  parse(schema, req.query, "query");
export const parseParams = <S extends z.core.$ZodType>(schema: S, req: Request): z.infer<S> =>
  parse(schema, req.params, "params");
