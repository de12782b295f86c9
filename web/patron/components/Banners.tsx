import { useApp } from '../context';
import type { Flash } from '../context';
import type { Route } from '../router';
import { Notice } from './Notice';

/**
 * What the patron should know on arrival: a one-off flash (logged in / out, session
 * expired), on every page while mail to their address bounces (SPEC 10.4) the request to
 * fix it, and the nudge to set the contact details. (The initial password has its own
 * page, which the signed-in pages send the patron to until it is changed: SPEC 12.)
 */
export const Banners = ({ flash, route }: { readonly flash: Flash | null; readonly route: Route }) => {
  const { t, session } = useApp();
  const nudges = [];
  if (session && route.name === 'status') {
    if (!session.contactConfigured) nudges.push({ key: 'session.contactMissing' as const, testId: 'nudge-contact' });
  }
  return (
    <div class="banners" aria-live="polite">
      {flash ? (
        <Notice kind={flash.kind} testId="flash">
          {t(flash.key)}
        </Notice>
      ) : null}
      {session?.emailBouncing ? (
        <Notice kind="warn" testId="email-bouncing">
          <p>{t('session.emailBouncing')}</p>
          <p>
            <a href="#/contact" data-testid="email-bouncing-link">
              {t('session.fixEmail')}
            </a>
          </p>
        </Notice>
      ) : null}
      {nudges.length > 0 ? (
        <Notice kind="warn" testId="nudges">
          <ul class="nudges">
            {nudges.map((nudge) => (
              <li key={nudge.key} data-testid={nudge.testId}>
                {t(nudge.key)}
              </li>
            ))}
          </ul>
          <p>
            <a href="#/contact" data-testid="nudge-link">
              {t('session.goContact')}
            </a>
          </p>
        </Notice>
      ) : null}
    </div>
  );
};
