import { render } from 'preact';
import { App } from './app';

const container = document.getElementById('app') as HTMLElement;
// index.html paints a working search form before this script arrives; a search sent from it
// arrives as /?q=…, which the app's hash routes take over.
if (location.search) history.replaceState(null, '', `/#/${location.search}`);
container.textContent = '';
render(<App />, container);

// User Timing mark for the load-time bench (bench/web-load.ts): the first frame with the app in it.
requestAnimationFrame(() => performance.mark('first-render'));
