import type { Request } from "express";
import type { z } from "zod";
import { validationFailed, zodIssues } from "./errors.js";

/** Parse one part of a request with zod; failures become 400 validation_failed with field paths. */
function parse<S extends z.ZodType>(schema: S, value: unknown, where: string): z.infer<S> {
  const result = schema.safeParse(value);
  if (!result.success) throw validationFailed(zodIssues(result.error, where));
  return result.data;
}

export const parseBody = <S extends z.ZodType>(schema: S, req: Request): z.infer<S> =>
  parse(schema, req.body ?? {}, "body");
export const parseQuery = <S extends z.ZodType>(schema: S, req: Request): z.infer<S> =>
  parse(schema, req.query, "query");
export const parseParams = <S extends z.ZodType>(schema: S, req: Request): z.infer<S> =>
  parse(schema, req.params, "params");
