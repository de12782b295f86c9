import { render } from 'preact';
import { App } from './app';

render(<App />, document.getElementById('app') as HTMLElement);

// User Timing mark for the load-time bench (bench/web-load.ts): the first frame with the app in it.
requestAnimationFrame(() => performance.mark('first-render'));
