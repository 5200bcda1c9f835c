import type { Calls, DriftCheck, HealthRun } from "@app/shared";
import { useTranslation } from "react-i18next";
import { BarChart } from "../../../components/ui/bar-chart";
import { useNumber, useShortDate, useShortDateTime } from "./use-number";

/** Records imported, updated and skipped per run, oldest on the left. */
export function RunsChart({ runs }: { runs: readonly HealthRun[] }) {
  const { t } = useTranslation("health");
  const num = useNumber();
  const date = useShortDate();
  const sum = (k: "imported" | "updated" | "skipped") => runs.reduce((n, r) => n + r[k], 0);
  return (
    <BarChart
      title={t("charts.runs.title")}
      description={
        runs.length === 0
          ? t("charts.runs.empty")
          : t("charts.runs.description", {
              count: runs.length,
              imported: num(sum("imported")),
              updated: num(sum("updated")),
              skipped: num(sum("skipped")),
            })
      }
      series={[
        {
          key: "imported",
          label: t("charts.runs.imported"),
          fill: "fill-emerald-600",
          swatch: "bg-emerald-600",
        },
        {
          key: "updated",
          label: t("charts.runs.updated"),
          fill: "fill-sky-600",
          swatch: "bg-sky-600",
        },
        {
          key: "skipped",
          label: t("charts.runs.skipped"),
          fill: "fill-amber-500",
          swatch: "bg-amber-500",
        },
      ]}
      points={runs.map((r) => ({
        label: `${date(r.at)} · ${t(`categories.${r.category}`)}${r.undone ? ` (${t("charts.runs.undone")})` : ""}`,
        values: { imported: r.imported, updated: r.updated, skipped: r.skipped },
      }))}
      tableLabel={t("charts.showNumbers")}
      formatNumber={num}
    />
  );
}

const daysIn = (month: string) => {
  const [y, m] = month.split("-").map(Number);
  return new Date(Date.UTC(y ?? 1970, m ?? 1, 0)).getUTCDate();
};

/** Reads and writes per day, against the day's share of the monthly read budget. */
export function CallsChart({ calls }: { calls: Calls }) {
  const { t } = useTranslation("health");
  const num = useNumber();
  const date = useShortDate();
  const perDay = Math.round(calls.readBudget / daysIn(calls.month));
  const busiest = calls.days.reduce<Calls["days"][number] | undefined>(
    (best, d) => (!best || d.reads > best.reads ? d : best),
    undefined,
  );
  return (
    <BarChart
      title={t("charts.calls.title")}
      description={
        busiest
          ? t("charts.calls.description", {
              days: calls.days.length,
              most: num(busiest.reads),
              day: date(busiest.day),
              perDay: num(perDay),
            })
          : t("charts.calls.empty")
      }
      series={[
        {
          key: "reads",
          label: t("charts.calls.reads"),
          fill: "fill-navy-700",
          swatch: "bg-navy-700",
        },
        {
          key: "writes",
          label: t("charts.calls.writes"),
          fill: "fill-slate-400",
          swatch: "bg-slate-400",
        },
      ]}
      points={calls.days.map((d) => ({
        label: date(d.day),
        values: { reads: d.reads, writes: d.writes },
      }))}
      reference={{
        value: perDay,
        label: t("charts.calls.budgetPerDay", { count: perDay, n: num(perDay) }),
        offScaleLabel: t("charts.calls.budgetAbove", { count: perDay, n: num(perDay) }),
      }}
      tableLabel={t("charts.showNumbers")}
      formatNumber={num}
    />
  );
}

/** Linked parts found different from QuickBooks by each drift check, oldest on the left. */
export function DriftChart({ checks }: { checks: readonly DriftCheck[] }) {
  const { t } = useTranslation("health");
  const num = useNumber();
  const date = useShortDate();
  const moment = useShortDateTime();
  const last = checks.at(-1);
  const most = checks.reduce<DriftCheck | undefined>(
    (best, c) => (!best || c.found > best.found ? c : best),
    undefined,
  );
  return (
    <BarChart
      title={t("charts.drift.title")}
      description={
        last && most
          ? t("charts.drift.description", {
              count: checks.length,
              last: num(last.found),
              checked: num(last.checked),
              most: num(most.found),
              day: date(most.at),
            })
          : t("charts.drift.empty")
      }
      series={[
        {
          key: "found",
          label: t("charts.drift.found"),
          fill: "fill-red-600",
          swatch: "bg-red-600",
        },
      ]}
      points={checks.map((c) => ({ label: moment(c.at), values: { found: c.found } }))}
      tableLabel={t("charts.showNumbers")}
      formatNumber={num}
      emptyText={t("charts.drift.empty")}
    />
  );
}
