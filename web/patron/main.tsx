import { render } from 'preact';
import { App } from './app';

const start = () => {
  const container = document.getElementById('app') as HTMLElement;
  // index.html paints a working search form before the app runs; a search sent from it
  // arrives as /?q=…, which the app's hash routes take over.
  if (location.search) history.replaceState(null, '', `/#/${location.search}`);
  container.textContent = '';
  render(<App />, container);
  // User Timing mark for the load-time bench (bench/web-load.ts): the app's first frame.
  requestAnimationFrame(() => performance.mark('first-render'));
};

// Let the browser paint the static first frame before the app takes over the main thread.
requestAnimationFrame(() => setTimeout(start, 0));
