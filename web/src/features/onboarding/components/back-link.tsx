import { Link } from "react-router";

export const IMPORT_TAB_PATH = "/settings/quickbooks/import";

export function BackToImport({ label }: { label: string }) {
  return (
    <Link
      to={IMPORT_TAB_PATH}
      className="mb-4 inline-block text-sm font-medium text-navy-700 hover:underline"
    >
      <span aria-hidden="true">← </span>
      {label}
    </Link>
  );
}
