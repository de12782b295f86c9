import { useState } from 'preact/hooks';
import { BranchSelect } from '../components/BranchSelect';
import { useBranches } from '../context';

/** First use on this PC: which branch's counter is this? (remembered in localStorage) */
export const BranchSetupPage = () => {
  const { setCounterBranch, branches } = useBranches();
  const [choice, setChoice] = useState('');
  const submit = (event: Event) => {
    event.preventDefault();
    if (choice) setCounterBranch(choice);
  };
  return (
    <main class="login" id="main">
      <h1 class="login-title">このカウンターの図書館</h1>
      <form class="card form" onSubmit={submit} data-testid="branch-setup-form">
        <p>返却/スキャンや予約資料の一覧は、ここで選ぶ図書館として処理します。この端末に記憶され、画面上部でいつでも変更できます。</p>
        {branches.length === 0 ? <p class="muted">図書館の一覧を読み込んでいます…</p> : null}
        <BranchSelect id="branch-setup" label="図書館" value={choice} onValue={setChoice} testId="branch-setup-select" emptyLabel="選択してください" />
        <button type="submit" disabled={!choice} data-testid="branch-setup-submit">
          この図書館で始める
        </button>
      </form>
    </main>
  );
};
