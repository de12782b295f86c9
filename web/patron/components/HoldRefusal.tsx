import { useApp } from '../context';
import { labelFor } from '../i18n';

/** 「予約できません」 with the reason, shown before anyone tries (search `holdable=false`). */
export const HoldRefusal = ({ reason }: { readonly reason: string | null }) => {
  const { t } = useApp();
  const why = reason ? (labelFor(t, 'hold.reason.', reason) ?? reason) : undefined;
  return (
    <p class="refusal" data-testid="not-holdable" data-reason={reason ?? undefined}>
      <strong>{t('hold.notHoldable')}</strong>
      {why ? (
        <span>
          {t('common.sep')}
          {why}
        </span>
      ) : null}
    </p>
  );
};
