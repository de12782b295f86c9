import { useApp } from '../context';
import type { Route } from '../router';

interface NavItem {
  readonly href: string;
  readonly label: string;
  readonly count?: number;
  readonly active: boolean;
  readonly testId: string;
}

/** The blue menu. 連絡先変更 appears once logged in, as the guide describes. */
export const Nav = ({ route }: { readonly route: Route }) => {
  const { t, session, basketIds, loginHref } = useApp();
  const items: NavItem[] = [
    { href: '#/', label: t('nav.search'), active: route.name === 'search' || route.name === 'title', testId: 'nav-search' },
    {
      href: '#/basket',
      label: t('nav.basket'),
      count: session && basketIds.size > 0 ? basketIds.size : undefined,
      active: route.name === 'basket',
      testId: 'nav-basket',
    },
    { href: '#/status', label: t('nav.status'), active: route.name === 'status', testId: 'nav-status' },
  ];
  if (session) items.push({ href: '#/contact', label: t('nav.contact'), active: route.name === 'contact', testId: 'nav-contact' });
  else items.push({ href: route.name === 'login' ? '#/login' : loginHref(), label: t('nav.login'), active: route.name === 'login', testId: 'nav-login' });
  return (
    <nav class="site-nav" aria-label={t('nav.label')}>
      <ul>
        {items.map((item) => (
          <li key={item.testId}>
            <a href={item.href} aria-current={item.active ? 'page' : undefined} data-testid={item.testId} class={item.count ? 'has-count' : undefined}>
              {item.label}
              {item.count ? (
                <span class="nav-count" data-testid="nav-basket-count">
                  <span aria-hidden="true">{item.count}</span>
                  <span class="visually-hidden">{t('nav.basketCount', { n: item.count })}</span>
                </span>
              ) : null}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
};
