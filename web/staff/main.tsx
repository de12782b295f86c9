import { render } from 'preact';

const App = () => <main><h1>職員画面</h1></main>;

render(<App />, document.getElementById('app') as HTMLElement);
