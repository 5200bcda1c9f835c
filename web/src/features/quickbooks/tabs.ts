/** The tabs of Settings → QuickBooks, in display order; the URL segment is the id. */
export const QUICKBOOKS_TABS = ["connection", "accounting", "import", "health"] as const;
export type QuickBooksTab = (typeof QUICKBOOKS_TABS)[number];

export const isQuickBooksTab = (value: string | undefined): value is QuickBooksTab =>
  QUICKBOOKS_TABS.some((tab) => tab === value);

export const quickbooksTabPath = (tab: QuickBooksTab): string => `/settings/quickbooks/${tab}`;
