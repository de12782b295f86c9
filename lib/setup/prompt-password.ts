/**
 * Reads a password from the terminal without echoing it (raw mode, one key at a time).
 * Refuses when stdin is not a terminal: scripts set SETUP_ADMIN_PASSWORD instead.
 */
export const promptPassword = (question: string): Promise<string> =>
  new Promise((resolve, reject) => {
    const input = process.stdin;
    if (!input.isTTY) {
      reject(new Error('no terminal to ask for the password on: set SETUP_ADMIN_PASSWORD'));
      return;
    }
    process.stdout.write(question);
    let typed = '';
    const finish = (error?: Error) => {
      input.setRawMode(false);
      input.pause();
      input.off('data', onData);
      process.stdout.write('\n');
      if (error) reject(error);
      else resolve(typed);
    };
    const onData = (chunk: Buffer) => {
      for (const char of chunk.toString('utf8')) {
        if (char === '\r' || char === '\n') return finish();
        if (char === '\u0003' || char === '\u0004') return finish(new Error('cancelled'));
        if (char === '\u007f' || char === '\b') typed = typed.slice(0, -1);
        else if (char >= ' ') typed += char;
      }
    };
    input.setRawMode(true);
    input.resume();
    input.on('data', onData);
  });
