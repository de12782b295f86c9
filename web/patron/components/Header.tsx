import { useApp } from '../context';
import { navigate } from '../router';

/** Library name, the logged-in patron, log out, and the language switch. */
export const Header = () => {
  const { t, lang, setLang, session, endSession, setFlash } = useApp();
  const logout = () => {
    endSession();
    setFlash({ kind: 'info', key: 'session.loggedOut', path: '/' });
    navigate('/');
  };
  return (
    <header class="site-header">
      <div class="header-inner">
        <a class="brand" href="#/" data-testid="brand">
          <span class="brand-library">{t('app.library')}</span>
          <span class="brand-service">{t('app.service')}</span>
        </a>
        <div class="header-tools">
          {session ? (
            <>
              <span class="user-name" data-testid="user-name">
                {t('nav.user', { name: session.name })}
              </span>
              <button type="button" class="button button-small button-quiet" onClick={logout} data-testid="logout">
                {t('nav.logout')}
              </button>
            </>
          ) : null}
          <button
            type="button"
            class="button button-small button-quiet lang-switch"
            onClick={() => setLang(lang === 'ja' ? 'en' : 'ja')}
            lang={lang === 'ja' ? 'en' : 'ja'}
            aria-label={t('app.switchLangLabel')}
            data-testid="lang-switch"
          >
            {t('app.switchLang')}
          </button>
        </div>
      </div>
    </header>
  );
};
