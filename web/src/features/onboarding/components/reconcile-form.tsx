import type { QuantityWinner, ReconciliationProposal, ReconciliationRun } from "@app/shared";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "../../../components/ui/button";
import { useErrorMessage } from "../../../lib/use-error-message";
import { useApplyReconciliation } from "../api/apply-reconciliation";
import { AmbiguousGroupRow } from "./ambiguous-group";
import { CHOOSABLE, type PairChoice, PairRow, choose } from "./pair-row";
import { ReconcileSection, SideRow } from "./reconcile-section";

/** Confirm pairs, match ambiguous ones by hand, choose what else happens, preview, apply. */
export function ReconcileForm({
  proposal,
  canApply,
  onApplied,
  onFailed,
}: {
  proposal: ReconciliationProposal;
  canApply: boolean;
  onApplied: (run: ReconciliationRun) => void;
  onFailed: (message: string) => void;
}) {
  const { t } = useTranslation("onboarding");
  const errorMessage = useErrorMessage();
  const apply = useApplyReconciliation();
  const [choices, setChoices] = useState<Record<string, PairChoice>>(() =>
    Object.fromEntries(
      proposal.proposed.map((p) => [
        p.part.id,
        { confirmed: true, quantityFrom: "quickbooks", keepShopmonkey: [] },
      ]),
    ),
  );
  const [manual, setManual] = useState<Record<string, string>>({});
  // Pairs matched by hand keep the side last chosen for all (QuickBooks' until then).
  const [bulkSide, setBulkSide] = useState<QuantityWinner>("quickbooks");
  const quantityPairs = proposal.proposed.filter((p) => p.differences.includes("quantity"));
  const [importRest, setImportRest] = useState(true);
  const [createRest, setCreateRest] = useState(true);

  const confirmed = proposal.proposed.filter((p) => choices[p.part.id]?.confirmed);
  const manualPairs = Object.entries(manual).filter(([, itemId]) => itemId);
  const rejected = proposal.proposed.length - confirmed.length;
  const toCreate = createRest ? proposal.onlyInShopmonkey.length + rejected : 0;
  const toImport = importRest ? proposal.onlyInQuickBooks.length : 0;

  const submit = () =>
    apply.mutate(
      {
        pairs: [
          ...confirmed.map((p) => ({
            partId: p.part.id,
            quickBooksId: p.item.id,
            quantityFrom: choices[p.part.id]?.quantityFrom ?? "quickbooks",
            keepShopmonkey: choices[p.part.id]?.keepShopmonkey ?? [],
          })),
          ...manualPairs.map(([partId, quickBooksId]) => ({
            partId,
            quickBooksId,
            quantityFrom: bulkSide,
            keepShopmonkey: [],
          })),
        ],
        importOnlyInQuickBooks: importRest,
        createOnlyInShopmonkey: createRest,
      },
      { onSuccess: onApplied, onError: (e) => onFailed(errorMessage(e)) },
    );

  /** Bulk: every differing value of every proposed pair (and pairs matched by hand) from one side. */
  const keepAll = (side: QuantityWinner) => {
    setBulkSide(side);
    setChoices((all) => {
      const next = { ...all };
      for (const p of proposal.proposed) {
        const current = next[p.part.id];
        if (!current) continue;
        next[p.part.id] = CHOOSABLE.filter((f) => p.differences.includes(f)).reduce(
          (acc, f) => choose(acc, f, side),
          current,
        );
      }
      return next;
    });
  };
  const anyDiffers = proposal.proposed.some((p) =>
    CHOOSABLE.some((f) => p.differences.includes(f)),
  );

  return (
    <div className="space-y-4">
      {anyDiffers ? (
        <div className="flex flex-wrap gap-2">
          <Button variant="secondary" onClick={() => keepAll("shopmonkey")}>
            {t("reconcile.keepAll.shopmonkey")}
          </Button>
          <Button variant="secondary" onClick={() => keepAll("quickbooks")}>
            {t("reconcile.keepAll.quickbooks")}
          </Button>
        </div>
      ) : null}
      <ReconcileSection
        title={t("reconcile.proposed", { count: proposal.proposed.length })}
        count={proposal.proposed.length}
      >
        {quantityPairs.length > 0 ? (
          <li className="flex flex-wrap items-center gap-2 py-3 text-sm">
            <span className="text-slate-700">
              {t("reconcile.bulkQuantity", { count: quantityPairs.length })}
            </span>
            <Button variant="secondary" onClick={() => keepAll("shopmonkey")}>
              {t("reconcile.keepShopmonkeyCounts")}
            </Button>
            <Button variant="secondary" onClick={() => keepAll("quickbooks")}>
              {t("reconcile.keepQuickBooksCounts")}
            </Button>
          </li>
        ) : null}
        {proposal.proposed.map((p) => (
          <PairRow
            key={p.part.id}
            pair={p}
            choice={
              choices[p.part.id] ?? {
                confirmed: false,
                quantityFrom: "quickbooks",
                keepShopmonkey: [],
              }
            }
            onChange={(c) => setChoices((all) => ({ ...all, [p.part.id]: c }))}
          />
        ))}
      </ReconcileSection>
      <ReconcileSection
        title={t("reconcile.ambiguous", { count: proposal.ambiguous.length })}
        count={proposal.ambiguous.length}
      >
        {proposal.ambiguous.map((g) => (
          <AmbiguousGroupRow
            key={`${g.by}:${g.key}`}
            group={g}
            matches={manual}
            onMatch={(partId, itemId) => setManual((m) => ({ ...m, [partId]: itemId }))}
          />
        ))}
      </ReconcileSection>
      <div className="grid gap-4 lg:grid-cols-2">
        <ReconcileSection
          title={t("reconcile.onlyQuickBooks", { count: proposal.onlyInQuickBooks.length })}
          count={proposal.onlyInQuickBooks.length}
        >
          {proposal.onlyInQuickBooks.map((i) => (
            <SideRow key={i.id} title={i.name} detail={i.sku} />
          ))}
        </ReconcileSection>
        <ReconcileSection
          title={t("reconcile.onlyShopmonkey", { count: proposal.onlyInShopmonkey.length })}
          count={proposal.onlyInShopmonkey.length}
        >
          {proposal.onlyInShopmonkey.map((p) => (
            <SideRow key={p.id} title={p.description} detail={p.partNumber} />
          ))}
        </ReconcileSection>
      </div>
      <ReconcileSection
        title={t("reconcile.linked", { count: proposal.linked.length })}
        count={proposal.linked.length}
      >
        {proposal.linked.map((p) => (
          <SideRow key={p.part.id} title={p.part.description} detail={`↔ ${p.item.name}`} />
        ))}
      </ReconcileSection>

      <section className="space-y-3 rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
        <h2 className="text-base font-semibold text-slate-900">{t("reconcile.previewTitle")}</h2>
        <label className="flex items-center gap-2 text-sm text-slate-800">
          <input
            type="checkbox"
            checked={importRest}
            onChange={(e) => setImportRest(e.target.checked)}
            className="size-4 accent-navy-800"
          />
          {t("reconcile.importOnlyQuickBooks")}
        </label>
        <label className="flex items-center gap-2 text-sm text-slate-800">
          <input
            type="checkbox"
            checked={createRest}
            onChange={(e) => setCreateRest(e.target.checked)}
            className="size-4 accent-navy-800"
          />
          {t("reconcile.createOnlyShopmonkey")}
        </label>
        <p className="text-sm text-slate-700" aria-live="polite">
          {[
            t("reconcile.previewCounts.pairs", { count: confirmed.length + manualPairs.length }),
            t("reconcile.previewCounts.create", { count: toCreate }),
            t("reconcile.previewCounts.import", { count: toImport }),
          ].join(" ")}
        </p>
        <Button disabled={!canApply || apply.isPending} onClick={submit}>
          {apply.isPending ? t("reconcile.applying") : t("reconcile.apply")}
        </Button>
      </section>
    </div>
  );
}
