import {
  type ImportOutcome,
  type ImportRecord,
  type ReaderLanguage,
  ReasonParamsSchema,
  SkipReasonCodeSchema,
  skipReasonText,
} from "@app/shared";
import type { ImportRecordRow } from "../../db/schema/index.js";

/**
 * A record's skip reason in `lang`: rendered from its code, or, for a record stored before
 * reason codes existed, the English text it was stored with.
 */
export function reasonIn(lang: ReaderLanguage, row: ImportRecordRow): string | undefined {
  const code = SkipReasonCodeSchema.safeParse(row.reasonCode);
  if (!code.success) return row.reason ?? undefined;
  const params = ReasonParamsSchema.safeParse(row.reasonParams ?? {});
  return skipReasonText(lang, code.data, params.success ? params.data : {});
}

/** A stored record as the API answers it: the code for the reader, the English for the rest. */
export function toImportRecord(row: ImportRecordRow): ImportRecord {
  const code = SkipReasonCodeSchema.safeParse(row.reasonCode);
  const params = ReasonParamsSchema.safeParse(row.reasonParams);
  const reason = reasonIn("en", row);
  return {
    quickBooksId: row.quickBooksId,
    name: row.name,
    outcome: row.outcome,
    ...(reason ? { reason } : {}),
    ...(code.success ? { reasonCode: code.data } : {}),
    ...(code.success && params.success ? { reasonParams: params.data } : {}),
    ...(row.recordId ? { recordId: row.recordId } : {}),
  };
}

/** The records CSV's header and outcome words, in the downloader's language (docs/api.md). */
export const CSV_WORDS: Record<
  ReaderLanguage,
  { header: readonly string[]; outcomes: Record<ImportOutcome, string> }
> = {
  // English keeps the machine-friendly header that scripts already read.
  en: {
    header: ["quickbooks_id", "name", "outcome", "reason", "record_id"],
    outcomes: { imported: "imported", updated: "updated", skipped: "skipped" },
  },
  fr: {
    header: ["id_quickbooks", "nom", "résultat", "raison", "id_fiche"],
    outcomes: { imported: "importé", updated: "mis à jour", skipped: "ignoré" },
  },
};
