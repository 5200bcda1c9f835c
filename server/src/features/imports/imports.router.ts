import {
  ImportIdParamsSchema,
  ImportListQuerySchema,
  ImportRecordsCsvQuerySchema,
  ImportRecordsQuerySchema,
  StartImportRequestSchema,
  UndoImportRequestSchema,
  canManageQuickBooks,
  readerLanguage,
} from "@app/shared";
import { Router } from "express";
import { parseBody, parseParams, parseQuery } from "../../http/validate.js";
import { requireRole, sessionOf } from "../../http/session.js";
import { csvLine } from "./csv.js";
import * as service from "./imports.service.js";
import { CSV_WORDS, reasonIn } from "./record-words.js";

const manage = requireRole(
  canManageQuickBooks,
  "Only owners and admins can run QuickBooks imports",
);

/** /api/quickbooks/imports (behind the session): start, follow, cancel, and browse outcomes. */
export function importsRouter(deps: service.ImportsDeps): Router {
  const router = Router();
  router.post("/quickbooks/imports", manage, async (req, res) => {
    const body = parseBody(StartImportRequestSchema, req);
    res.status(202).json(await service.startImport(deps, sessionOf(req), body));
  });
  router.get("/quickbooks/imports", async (req, res) => {
    res.json(
      await service.listImports(
        deps,
        sessionOf(req).shopId,
        parseQuery(ImportListQuerySchema, req),
      ),
    );
  });
  router.get("/quickbooks/imports/:id", async (req, res) => {
    const { id } = parseParams(ImportIdParamsSchema, req);
    res.json(await service.getImport(deps, sessionOf(req).shopId, id));
  });
  router.post("/quickbooks/imports/:id/cancel", manage, async (req, res) => {
    const { id } = parseParams(ImportIdParamsSchema, req);
    res.json(await service.cancelImport(deps, sessionOf(req).shopId, id));
  });
  router.post("/quickbooks/imports/:id/undo", manage, async (req, res) => {
    const { id } = parseParams(ImportIdParamsSchema, req);
    const body = parseBody(UndoImportRequestSchema, req);
    res.json(await service.undoImport(deps, sessionOf(req), id, body));
  });
  router.get("/quickbooks/imports/:id/records", async (req, res) => {
    const { id } = parseParams(ImportIdParamsSchema, req);
    const q = parseQuery(ImportRecordsQuerySchema, req);
    res.json(await service.importRecordsPage(deps, sessionOf(req).shopId, id, q));
  });
  router.get("/quickbooks/imports/:id/records.csv", async (req, res) => {
    const { id } = parseParams(ImportIdParamsSchema, req);
    // The downloader's language: the SPA sends its own as ?lang=; a plain client, Accept-Language.
    const lang =
      parseQuery(ImportRecordsCsvQuerySchema, req).lang ??
      readerLanguage(req.get("accept-language"));
    const words = CSV_WORDS[lang];
    const batches = service.importRecordRows(deps, sessionOf(req).shopId, id);
    const first = await batches.next(); // a 404 must be answered before the CSV headers go out
    res
      .status(200)
      .type("text/csv; charset=utf-8")
      .set("content-disposition", `attachment; filename="quickbooks-import-${id}.csv"`)
      .set("cache-control", "no-store")
      .set("content-language", lang)
      .vary("accept-language");
    // The BOM lets spreadsheet apps read accents and emoji as UTF-8.
    res.write(`\uFEFF${csvLine(words.header)}`);
    for (let batch = first; !batch.done; batch = await batches.next()) {
      res.write(
        batch.value
          .map((r) =>
            csvLine([
              r.quickBooksId,
              r.name,
              words.outcomes[r.outcome],
              reasonIn(lang, r),
              r.recordId,
            ]),
          )
          .join(""),
      );
    }
    res.end();
  });
  return router;
}
