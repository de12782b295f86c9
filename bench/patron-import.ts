/**
 * Migration throughput: a generated file of 100,000 patrons (CSV, every tenth with internet
 * service, one line in a thousand bad) streamed through the patron import into DynamoDB
 * Local, with the import's own progress lines on stderr. Prints patrons imported per second.
 * Also runs alone: `npx tsx bench/patron-import.ts [COUNT]`.
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { once } from 'node:events';
import { pathToFileURL } from 'node:url';
import { patronImporter } from '../functions/use-cases/import-patrons.js';
import { runImport } from '../lib/import/run-import.js';
import { round, startBenchEnvironment, type BenchEnvironment } from './support.js';

const PATRONS = 100_000;

const patronLine = (i: number): string => {
  if (i % 1000 === 999) return `${String(30_000_000 + i).slice(1)},桁の足りない番号,1980-01-01,,,NONE,false`;
  const birthDate = `19${String(40 + (i % 60)).padStart(2, '0')}-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`;
  const email = i % 3 === 0 ? `patron${i}@example.jp` : '';
  const method = email ? 'EMAIL' : 'PHONE';
  return `${30_000_000 + i},利用者 ${i},${birthDate},029-000-${String(i % 10_000).padStart(4, '0')},${email},${method},${i % 10 === 0}`;
};

/** Written line by line too: the generator holds no more of the file than the import does. */
const writePatronFile = async (file: string, count: number) => {
  const out = createWriteStream(file);
  out.write('cardNumber,name,birthDate,phone,email,contactMethod,internetService\n');
  for (let i = 0; i < count; i += 1) {
    if (!out.write(`${patronLine(i)}\n`)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
};

export const benchPatronImport = async (env: BenchEnvironment, count = PATRONS) => {
  const dir = await mkdtemp(path.join(tmpdir(), 'patron-import-'));
  try {
    const file = path.join(dir, 'patrons.csv');
    await writePatronFile(file, count);
    env.counter.reset();
    const report = await runImport(createReadStream(file), patronImporter(env.services.deps), { label: 'patrons', format: 'csv', log: process.stderr });
    return {
      lines: report.read,
      imported: report.imported,
      rejected: report.rejected,
      firstRejected: report.rejectedLines[0],
      seconds: round(report.seconds),
      patronsPerSecond: Math.round(report.imported / report.seconds),
      dynamodbRequests: env.counter.snapshot(),
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
};

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  const env = await startBenchEnvironment();
  try {
    process.stdout.write(`${JSON.stringify({ patronImport: await benchPatronImport(env, Number(process.argv[2] ?? PATRONS)) }, null, 2)}\n`);
  } finally {
    await env.stop();
  }
}
