import { render } from 'preact';
import { ConfigContext, loadConfig } from '../shared/config';
import { App } from './app';

const container = document.getElementById('app') as HTMLElement;

loadConfig().then(
  (config) => {
    document.title = `${config.libraryName} 職員画面`;
    render(
      <ConfigContext.Provider value={config}>
        <App />
      </ConfigContext.Provider>,
      container,
    );
    // User Timing mark for the load-time bench (bench/web-load.ts): the first frame with the app in it.
    requestAnimationFrame(() => performance.mark('first-render'));
  },
  () => {
    container.textContent = 'サーバーに接続できません。しばらくしてからページを読み込み直してください。';
  },
);
