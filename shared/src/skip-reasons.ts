import { z } from "zod/mini";

/**
 * Why an import skipped a record, as a code with its parameters: the server stores these, the
 * web renders them in the reader's language and the CSV in the downloader's (docs/api.md).
 */
export const SkipReasonCodeSchema = z.enum([
  /** The record failed the lenient schema; `field` names its first bad field. */
  "invalid_data",
  /** A QuickBooks project, not a person (docs/product.md). */
  "sub_customer",
  /** `count` QuickBooks items share the Sku `sku`: none is linked (docs/product.md). */
  "sku_shared_in_quickbooks",
  /** `count` unlinked Shopmonkey parts share the part number `sku`. */
  "part_number_shared",
]);
export type SkipReasonCode = z.infer<typeof SkipReasonCodeSchema>;

export const ReasonParamsSchema = z.record(z.string(), z.union([z.string(), z.number()]));
export type ReasonParams = z.infer<typeof ReasonParamsSchema>;

export const READER_LANGUAGES = ["en", "fr"] as const;
export type ReaderLanguage = (typeof READER_LANGUAGES)[number];

/**
 * The words for each code, in i18next's format (`{{param}}`, plural keys `_one`/`_many`/`_other`
 * chosen by Intl.PluralRules for `count`): the web loads them as its `skipReasons` namespace,
 * the server's CSV renders them with `skipReasonText`.
 */
export const SKIP_REASON_TEXTS: Record<ReaderLanguage, Record<string, string>> = {
  en: {
    invalid_data: "invalid data: {{field}}",
    sub_customer: "sub-customer (QuickBooks project)",
    sku_shared_in_quickbooks_one: "conflict: {{count}} QuickBooks item has SKU {{sku}}",
    sku_shared_in_quickbooks_many: "conflict: {{count}} QuickBooks items share SKU {{sku}}",
    sku_shared_in_quickbooks_other: "conflict: {{count}} QuickBooks items share SKU {{sku}}",
    part_number_shared_one: "conflict: {{count}} Shopmonkey part has part number {{sku}}",
    part_number_shared_many: "conflict: {{count}} Shopmonkey parts share part number {{sku}}",
    part_number_shared_other: "conflict: {{count}} Shopmonkey parts share part number {{sku}}",
  },
  fr: {
    invalid_data: "données invalides : {{field}}",
    sub_customer: "sous-client (projet QuickBooks)",
    sku_shared_in_quickbooks_one: "conflit : {{count}} article QuickBooks a le SKU {{sku}}",
    sku_shared_in_quickbooks_many:
      "conflit : {{count}} d'articles QuickBooks partagent le SKU {{sku}}",
    sku_shared_in_quickbooks_other:
      "conflit : {{count}} articles QuickBooks partagent le SKU {{sku}}",
    part_number_shared_one: "conflit : {{count}} pièce Shopmonkey a le numéro de pièce {{sku}}",
    part_number_shared_many:
      "conflit : {{count}} de pièces Shopmonkey partagent le numéro de pièce {{sku}}",
    part_number_shared_other:
      "conflit : {{count}} pièces Shopmonkey partagent le numéro de pièce {{sku}}",
  },
};

/** A skip reason in `lang`, as i18next would say it; a parameter the record lacks reads as empty. */
export function skipReasonText(
  lang: ReaderLanguage,
  code: SkipReasonCode,
  params: ReasonParams = {},
): string {
  const texts = SKIP_REASON_TEXTS[lang];
  const count = params.count;
  const plural =
    typeof count === "number"
      ? texts[`${code}_${new Intl.PluralRules(lang).select(count)}`]
      : undefined;
  const text = plural ?? texts[code] ?? texts[`${code}_other`] ?? code;
  return text.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(params[name] ?? ""));
}

/** "fr", "fr-CA", "fr-CA,fr;q=0.9,en;q=0.8" → "fr"; anything else → "en". */
export function readerLanguage(tag: string | undefined | null): ReaderLanguage {
  const first = (tag ?? "").split(",")[0]?.trim().toLowerCase() ?? "";
  return first === "fr" || first.startsWith("fr-") ? "fr" : "en";
}
