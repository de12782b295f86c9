import { render } from 'preact';

const App = () => <main><h1>資料検索・予約</h1></main>;

render(<App />, document.getElementById('app') as HTMLElement);
