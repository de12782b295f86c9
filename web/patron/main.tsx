import { render } from 'preact';
import { loadConfig, type LibraryConfig } from '../shared/config';
import { App } from './app';
import { initialLang, loadLang, translator } from './i18n';
import { prefetchPages } from './lazy-page';

// Asked at once, while the static first frame paints; the app renders when it has the rules
// (index.html preloads GET /api/config, so this fetch takes the answer already on its way).
const config = loadConfig();
const words = loadLang(initialLang());

const unavailable = (container: HTMLElement) => {
  const main = container.querySelector('main') ?? container;
  const message = document.createElement('p');
  message.className = 'noscript';
  message.setAttribute('role', 'alert');
  message.textContent = translator(initialLang())('app.unavailable');
  main.prepend(message);
};

const start = async () => {
  const container = document.getElementById('app') as HTMLElement;
  let rules: LibraryConfig;
  try {
    [rules] = await Promise.all([config, words]);
  } catch {
    unavailable(container);
    return;
  }
  // index.html paints a working search form before the app runs; a search sent from it
  // arrives as /?q=…, which the app's hash routes take over.
  if (location.search) history.replaceState(null, '', `/#/${location.search}`);
  container.textContent = '';
  render(<App config={rules} />, container);
  // User Timing mark for the load-time bench (bench/web-load.ts): the app's first frame.
  requestAnimationFrame(() => {
    performance.mark('first-render');
    // The other pages' chunks, while the patron reads the first one.
    setTimeout(prefetchPages, 0);
  });
};

// Let the browser paint the static first frame before the app takes over the main thread.
requestAnimationFrame(() => setTimeout(() => void start(), 0));
