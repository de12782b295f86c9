import { useApp } from '../context';

/** The guide's 「インターネット予約の方法」 in four steps, shown before the first search. */
export const HowTo = () => {
  const { t } = useApp();
  return (
    <section class="card guide" aria-labelledby="guide-heading" data-testid="how-to">
      <h2 id="guide-heading">{t('guide.title')}</h2>
      <ol>
        <li>{t('guide.step1')}</li>
        <li>{t('guide.step2')}</li>
        <li>{t('guide.step3')}</li>
        <li>{t('guide.step4')}</li>
      </ol>
      <p class="small muted">{t('guide.limit')}</p>
      <p class="small muted">{t('guide.provisional')}</p>
    </section>
  );
};
