import { type StartingSituation, StartingSituationSchema } from "@app/shared";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { toast } from "../../../lib/toast";
import { Button } from "../../../components/ui/button";
import { useSaveStartingSituation } from "../api/save-starting-situation";
import { useErrorMessage } from "../../../lib/use-error-message";

const SITUATIONS = StartingSituationSchema.options;

/**
 * Four large radio cards. Native radios inside labels: arrow keys move between them, Space
 * selects, and screen readers announce a radio group with its legend, with no ARIA to maintain.
 */
export function SituationPicker({
  current,
  canChoose,
  onDone,
}: {
  current: StartingSituation | null;
  canChoose: boolean;
  onDone: () => void;
}) {
  const { t } = useTranslation("onboarding");
  const errorMessage = useErrorMessage();
  const name = useId();
  const hintId = useId();
  const [choice, setChoice] = useState<StartingSituation | null>(current);
  const save = useSaveStartingSituation();
  const submit = () => {
    if (!choice) return;
    save.mutate(choice, {
      onSuccess: () => {
        toast.success(t("whereToStart.saved", { situation: t(`situations.${choice}.label`) }));
        onDone();
      },
      onError: (e) => toast.error(t("whereToStart.saveFailed"), { description: errorMessage(e) }),
    });
  };
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <fieldset disabled={!canChoose || save.isPending} aria-describedby={hintId}>
        <legend className="text-lg font-semibold text-slate-900">{t("whereToStart.title")}</legend>
        <p id={hintId} className="mt-1 text-sm text-slate-600">
          {canChoose ? t("whereToStart.intro") : t("whereToStart.readOnly")}
        </p>
        <div className="mt-4 grid gap-3 sm:grid-cols-2">
          {SITUATIONS.map((s) => (
            <label
              key={s}
              className="card flex cursor-pointer gap-3 p-4 transition-colors hover:border-navy-700 has-[:checked]:border-navy-800 has-[:checked]:bg-slate-50 has-[:checked]:ring-2 has-[:checked]:ring-navy-800 has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-navy-700"
            >
              <input
                type="radio"
                name={name}
                value={s}
                checked={choice === s}
                onChange={() => setChoice(s)}
                className="mt-1 size-4 accent-navy-800"
              />
              <span>
                <span className="block text-base font-semibold text-slate-900">
                  {t(`situations.${s}.label`)}
                </span>
                <span className="mt-1 block text-sm text-slate-600">
                  {t(`situations.${s}.hint`)}
                </span>
              </span>
            </label>
          ))}
        </div>
      </fieldset>
      {canChoose ? (
        <div className="mt-4 flex gap-3">
          <Button type="submit" disabled={!choice || save.isPending}>
            {t("whereToStart.continue")}
          </Button>
          {current ? (
            <Button variant="secondary" onClick={onDone}>
              {t("whereToStart.cancel")}
            </Button>
          ) : null}
        </div>
      ) : null}
    </form>
  );
}
