import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Lang } from '../shared/api';
import { ConfigContext, type LibraryConfig } from '../shared/config';
import { Banners } from './components/Banners';
import { Header } from './components/Header';
import { Nav } from './components/Nav';
import { AppContext, type AppContextValue, type Flash } from './context';
import { initialLang, loadLang, ruleValues, saveLang, translator } from './i18n';
import { myTitles, type MyTitle } from './mine';
import { createPatronApi } from './patron-api';
import { lazyPage, wantHeading } from './lazy-page';
import { NotFoundPage } from './pages/NotFoundPage';
import { SearchPage } from './pages/SearchPage';
import { currentLocation, href, matchRoute, navigate, useLocation, type Route } from './router';
import { useSession } from './session';
import type { BasketEntry, Branch, PatronStatus } from './types';

// The search page (the first page) is in the first chunk; the other pages are one chunk fetched later.
const otherPages = () => import('./pages/other-pages');
const TitlePage = lazyPage(() => otherPages().then((m) => m.TitlePage));
const LoginPage = lazyPage(() => otherPages().then((m) => m.LoginPage));
const BasketPage = lazyPage(() => otherPages().then((m) => m.BasketPage));
const StatusPage = lazyPage(() => otherPages().then((m) => m.StatusPage));
const ContactPage = lazyPage(() => otherPages().then((m) => m.ContactPage));
const PasswordPage = lazyPage(() => otherPages().then((m) => m.PasswordPage));

const PROTECTED: ReadonlySet<Route['name']> = new Set(['basket', 'status', 'contact', 'password']);

const loginHrefFor = (full: string) => href('/login', { next: full.startsWith('/login') ? undefined : full });
const passwordHrefFor = (full: string) => href('/password', { next: full.startsWith('/password') ? undefined : full });

export const App = ({ config }: { config: LibraryConfig }) => {
  const [lang, setLangState] = useState<Lang>(initialLang);
  const langRef = useRef(lang);
  langRef.current = lang;
  const rules = useMemo(() => ruleValues(config), [config]);
  const t = useMemo(() => translator(lang, rules), [lang, rules]);
  const location = useLocation();
  const route = matchRoute(location.path);
  const [flash, setFlash] = useState<Flash | null>(null);
  const [branches, setBranches] = useState<readonly Branch[]>([]);
  const [basket, setBasket] = useState<readonly BasketEntry[]>([]);
  const [mine, setMine] = useState<ReadonlyMap<string, MyTitle>>(new Map());

  // The session ends on a 401 (token expired or revoked) or when its 30 minutes are up.
  const expire = useRef<(toLogin: boolean) => void>(() => undefined);
  const changePassword = useRef<() => void>(() => undefined);
  const api = useMemo(
    () =>
      createPatronApi(
        () => langRef.current,
        () => expire.current(true),
        () => changePassword.current(),
      ),
    [],
  );
  const { session, start, end, update } = useSession(api);

  expire.current = (toLogin: boolean) => {
    end();
    const here = currentLocation();
    if (toLogin || PROTECTED.has(matchRoute(here.path).name)) {
      setFlash({ kind: 'warn', key: 'session.expired', path: '/login' });
      navigate(loginHrefFor(here.full));
    } else {
      setFlash({ kind: 'warn', key: 'session.expired', path: here.path });
    }
  };

  // SPEC 12: a call refused for the initial password sends the patron to change it first.
  changePassword.current = () => {
    const here = currentLocation();
    const name = matchRoute(here.path).name;
    if (name !== 'password' && name !== 'login') navigate(passwordHrefFor(here.full));
  };

  useEffect(() => {
    if (!session) return;
    const timer = window.setTimeout(() => expire.current(false), Math.max(0, Date.parse(session.expiresAt) - Date.now()));
    return () => window.clearTimeout(timer);
  }, [session?.expiresAt]);

  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);

  useEffect(() => {
    api.branches().then(setBranches, () => setBranches([]));
  }, []);

  const refreshBasket = useCallback(async () => setBasket(await api.basket()), [api]);
  // The basket opens once the initial password is changed (SPEC 12).
  const basketOpen = !!session && !session.passwordIsInitial;
  useEffect(() => {
    if (basketOpen) refreshBasket().catch(() => undefined);
    else setBasket([]);
  }, [session?.cardNumber, basketOpen]);

  // What the patron already has (issue 10.4): one GET /api/me/status per page, kept for
  // that page; 利用状況 fetches it itself and shares it (noteStatus).
  const noteStatus = useCallback((status: PatronStatus) => setMine(myTitles(status)), []);
  const refreshMine = useCallback(async () => noteStatus(await api.status()), [api]);
  useEffect(() => {
    if (!basketOpen) setMine(new Map());
    else if (route.name !== 'status') refreshMine().catch(() => undefined);
  }, [session?.cardNumber, basketOpen, location.path]);

  // Protected pages send a logged-out visitor to log in, and back afterwards.
  const needsLogin = PROTECTED.has(route.name) && !session;
  useEffect(() => {
    if (needsLogin) navigate(loginHrefFor(location.full), { replace: true });
  }, [needsLogin, location.full]);

  // With the initial password, the signed-in pages wait until it is changed (SPEC 12).
  const needsNewPassword = !!session?.passwordIsInitial && PROTECTED.has(route.name) && route.name !== 'password';
  useEffect(() => {
    if (needsNewPassword) navigate(passwordHrefFor(location.full), { replace: true });
  }, [needsNewPassword, location.full]);

  // A flash belongs to one page; moving on clears it. Focus goes to the new page's heading.
  const firstPath = useRef(true);
  useEffect(() => {
    setFlash((current) => (current && current.path !== location.path ? null : current));
    if (firstPath.current) {
      firstPath.current = false;
      return;
    }
    window.scrollTo(0, 0);
    const heading = document.querySelector<HTMLElement>('main h1');
    if (heading) heading.focus();
    else wantHeading(); // the page's chunk is still on its way: it focuses its heading when it renders
  }, [location.path]);

  const basketIds = useMemo(() => new Set(basket.map((e) => e.titleId)), [basket]);

  const value: AppContextValue = {
    lang,
    t,
    setLang: (next) => {
      saveLang(next);
      // English words are a chunk of their own, fetched on the first switch to English.
      loadLang(next).then(
        () => setLangState(next),
        () => setFlash({ kind: 'warn', key: 'app.networkError', path: currentLocation().path }),
      );
    },
    api,
    branches,
    branchName: (code) => {
      const branch = branches.find((b) => b.code === code);
      return branch ? (lang === 'en' && branch.nameEn ? branch.nameEn : branch.name) : code;
    },
    session,
    startSession: start,
    endSession: end,
    updateSession: update,
    basketIds,
    basket,
    refreshBasket,
    addToBasket: async (titleId) => {
      await api.addToBasket(titleId);
      await refreshBasket();
    },
    removeFromBasket: async (titleId) => {
      await api.removeFromBasket(titleId);
      await refreshBasket();
    },
    mine,
    refreshMine,
    noteStatus,
    setFlash,
    loginHref: () => loginHrefFor(currentLocation().full),
  };

  const page = (() => {
    if (needsLogin || needsNewPassword) return null;
    switch (route.name) {
      case 'search':
        return <SearchPage location={location} />;
      case 'title':
        return <TitlePage titleId={route.titleId} />;
      case 'login':
        return <LoginPage location={location} />;
      case 'basket':
        return <BasketPage />;
      case 'status':
        return <StatusPage />;
      case 'contact':
        return <ContactPage />;
      case 'password':
        return <PasswordPage location={location} />;
      default:
        return <NotFoundPage />;
    }
  })();

  const skip = (event: Event) => {
    event.preventDefault();
    document.getElementById('main')?.focus();
  };

  return (
    <ConfigContext.Provider value={config}>
    <AppContext.Provider value={value}>
      {/* biome-ignore lint/a11y/useValidAnchor: a skip link is a link (WCAG G1); the hash router owns the URL's #, so the click moves focus itself */}
      <a class="skip-link" href="#/" onClick={skip}>
        {t('app.skip')}
      </a>
      <Header />
      <Nav route={route} />
      <main id="main" tabIndex={-1} class="main">
        <Banners flash={flash && flash.path === location.path ? flash : null} route={route} />
        {page}
      </main>
      <footer class="site-footer">
        <p>{t('app.footer')}</p>
      </footer>
    </AppContext.Provider>
    </ConfigContext.Provider>
  );
};
