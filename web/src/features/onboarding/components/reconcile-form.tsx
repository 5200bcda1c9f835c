import {
  type ProposedPair,
  type QuantityWinner,
  type ReconciliationProposal,
  type ReconciliationRun,
  type ReconciliationSection,
  pairChoiceFor,
} from "@app/shared";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "../../../components/ui/button";
import { useApplyReconciliation } from "../api/apply-reconciliation";
import { AmbiguousGroupRow } from "./ambiguous-group";
import { CHOOSABLE, type PairChoice, PairRow, choose } from "./pair-row";
import { ReconcileSection, SideRow } from "./reconcile-section";

/**
 * Confirm pairs, match ambiguous ones by hand, choose what else happens, preview, apply. The
 * proposal comes a page at a time: every proposed pair is confirmed with the values of the
 * side last chosen for all, and only the pairs the owner changed are remembered (across
 * pages) and sent one by one; the server confirms the others from the stored proposal.
 */
export function ReconcileForm({
  proposal,
  onPage,
  canApply,
  onApplied,
  onFailed,
}: {
  proposal: ReconciliationProposal;
  onPage: (section: ReconciliationSection, page: number) => void;
  canApply: boolean;
  onApplied: (run: ReconciliationRun) => void;
  onFailed: (error: Error) => void;
}) {
  const { t } = useTranslation("onboarding");
  const apply = useApplyReconciliation();
  /** Pairs the owner changed, by part. */
  const [changed, setChanged] = useState<
    Record<string, { pair: ProposedPair; choice: PairChoice }>
  >({});
  const [manual, setManual] = useState<Record<string, string>>({});
  // Every pair not changed by hand keeps the side last chosen for all (QuickBooks' until then).
  const [bulkSide, setBulkSide] = useState<QuantityWinner>("quickbooks");
  const [importRest, setImportRest] = useState(true);
  const [createRest, setCreateRest] = useState(true);

  const choiceOf = (pair: ProposedPair): PairChoice =>
    changed[pair.part.id]?.choice ?? {
      confirmed: true,
      ...pairChoiceFor(pair.differences, bulkSide),
    };
  const own = Object.values(changed);
  const rejected = own.filter((c) => !c.choice.confirmed).map((c) => c.pair.part.id);
  const manualPairs = Object.entries(manual).filter(([, itemId]) => itemId);
  const toLink = proposal.proposed.total - rejected.length + manualPairs.length;
  const toCreate = createRest ? proposal.onlyInShopmonkey.total + rejected.length : 0;
  const toImport = importRest ? proposal.onlyInQuickBooks.total : 0;
  const pager = (section: ReconciliationSection) => ({
    page: proposal[section].page,
    pageSize: proposal[section].pageSize,
    total: proposal[section].total,
    onPage: (page: number) => onPage(section, page),
  });

  const submit = () =>
    apply.mutate(
      {
        pairs: [
          ...own
            .filter((c) => c.choice.confirmed)
            .map(({ pair, choice }) => ({
              partId: pair.part.id,
              quickBooksId: pair.item.id,
              quantityFrom: choice.quantityFrom,
              keepShopmonkey: choice.keepShopmonkey,
            })),
          ...manualPairs.map(([partId, quickBooksId]) => ({
            partId,
            quickBooksId,
            quantityFrom: bulkSide,
            keepShopmonkey: [],
          })),
        ],
        proposal: { id: proposal.id, side: bulkSide, rejected },
        importOnlyInQuickBooks: importRest,
        createOnlyInShopmonkey: createRest,
      },
      { onSuccess: onApplied, onError: onFailed },
    );

  /** Bulk: every differing value of every proposed pair (and pairs matched by hand) from one side. */
  const keepAll = (side: QuantityWinner) => {
    setBulkSide(side);
    setChanged((all) =>
      Object.fromEntries(
        Object.entries(all).map(([id, { pair, choice }]) => [
          id,
          {
            pair,
            choice: CHOOSABLE.filter((f) => pair.differences.includes(f)).reduce(
              (acc, f) => choose(acc, f, side),
              choice,
            ),
          },
        ]),
      ),
    );
  };
  const anyDiffers = proposal.differing.any > 0;
  const quantityPairs = proposal.differing.quantity;

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
        title={t("reconcile.proposed", { count: proposal.proposed.total })}
        count={proposal.proposed.total}
        pager={pager("proposed")}
      >
        {quantityPairs > 0 ? (
          <li className="flex flex-wrap items-center gap-2 py-3 text-sm">
            <span className="text-slate-700">
              {t("reconcile.bulkQuantity", { count: quantityPairs })}
            </span>
            <Button variant="secondary" onClick={() => keepAll("shopmonkey")}>
              {t("reconcile.keepShopmonkeyCounts")}
            </Button>
            <Button variant="secondary" onClick={() => keepAll("quickbooks")}>
              {t("reconcile.keepQuickBooksCounts")}
            </Button>
          </li>
        ) : null}
        {proposal.proposed.items.map((p) => (
          <PairRow
            key={p.part.id}
            pair={p}
            choice={choiceOf(p)}
            onChange={(c) => setChanged((all) => ({ ...all, [p.part.id]: { pair: p, choice: c } }))}
          />
        ))}
      </ReconcileSection>
      <ReconcileSection
        title={t("reconcile.ambiguous", { count: proposal.ambiguous.total })}
        count={proposal.ambiguous.total}
        pager={pager("ambiguous")}
      >
        {proposal.ambiguous.items.map((g) => (
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
          title={t("reconcile.onlyQuickBooks", { count: proposal.onlyInQuickBooks.total })}
          count={proposal.onlyInQuickBooks.total}
          pager={pager("onlyInQuickBooks")}
        >
          {proposal.onlyInQuickBooks.items.map((i) => (
            <SideRow key={i.id} title={i.name} detail={i.sku} />
          ))}
        </ReconcileSection>
        <ReconcileSection
          title={t("reconcile.onlyShopmonkey", { count: proposal.onlyInShopmonkey.total })}
          count={proposal.onlyInShopmonkey.total}
          pager={pager("onlyInShopmonkey")}
        >
          {proposal.onlyInShopmonkey.items.map((p) => (
            <SideRow key={p.id} title={p.description} detail={p.partNumber} />
          ))}
        </ReconcileSection>
      </div>
      <ReconcileSection
        title={t("reconcile.linked", { count: proposal.linked.total })}
        count={proposal.linked.total}
        pager={pager("linked")}
      >
        {proposal.linked.items.map((p) => (
          <SideRow key={p.part.id} title={p.part.description} detail={`↔ ${p.item.name}`} />
        ))}
      </ReconcileSection>

      <section className="card space-y-3 p-5">
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
            t("reconcile.previewCounts.pairs", { count: toLink }),
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
