import type { Readable } from 'node:stream';
import type { LineProblem } from '../../functions/use-cases/import-catalog.js';
import type { ChunkReport, ImportRow } from '../../functions/use-cases/import-rows.js';
import { startProgress, type ImportCounts } from './progress.js';
import { readRows, type ImportFormat } from './read-rows.js';

const CHUNK_ROWS = 200;
const CHUNKS_IN_FLIGHT = 3;

export interface ImportRunReport extends ImportCounts {
  readonly rejectedLines: LineProblem[];
  readonly seconds: number;
  /** Lines read per second over the whole run. */
  readonly rate: number;
}

export interface ImportRunOptions {
  readonly label: string;
  readonly format: ImportFormat;
  /** Where progress and each rejected line go (stderr in the command). */
  readonly log: { write(text: string): unknown };
  readonly progressIntervalMs?: number;
}

/**
 * Streams an import file through `importChunk` a few hundred rows at a time, a few chunks
 * in flight: the file is read as fast as the table takes it, never whole. Every line that
 * cannot be imported is reported by number with the reason, and the rest is imported.
 */
export const runImport = async (
  input: Readable,
  importChunk: (rows: readonly ImportRow[]) => Promise<ChunkReport>,
  options: ImportRunOptions,
): Promise<ImportRunReport> => {
  const counts: ImportCounts = { read: 0, imported: 0, existing: 0, rejected: 0 };
  const rejectedLines: LineProblem[] = [];
  const reject = (problems: readonly LineProblem[]) => {
    for (const problem of problems) {
      rejectedLines.push(problem);
      options.log.write(`${options.label}: line ${problem.line}: ${problem.field}: ${problem.problem}\n`);
    }
    counts.rejected += problems.length;
  };
  const progress = startProgress(options.label, counts, options.log, options.progressIntervalMs);
  const inFlight = new Set<Promise<void>>();
  const send = (rows: ImportRow[]) => {
    const work = importChunk(rows).then((report) => {
      counts.imported += report.imported;
      counts.existing += report.existing;
      reject(report.rejected);
    });
    const tracked = work.finally(() => inFlight.delete(tracked));
    inFlight.add(tracked);
    // Seen by the next Promise.race; without this a failure while reading would be unhandled.
    tracked.catch(() => undefined);
  };
  try {
    let chunk: ImportRow[] = [];
    for await (const row of readRows(input, options.format)) {
      counts.read += 1;
      if ('problem' in row) reject([{ line: row.line, field: 'line', problem: row.problem }]);
      else chunk.push(row);
      if (chunk.length < CHUNK_ROWS) continue;
      send(chunk);
      chunk = [];
      // Reading waits for the table: memory stays at a few chunks whatever the file's size.
      while (inFlight.size >= CHUNKS_IN_FLIGHT) await Promise.race(inFlight);
    }
    if (chunk.length > 0) send(chunk);
    while (inFlight.size > 0) await Promise.race(inFlight);
  } catch (error) {
    await Promise.allSettled(inFlight);
    progress.stop();
    throw error;
  }
  const { seconds, rate } = progress.stop();
  rejectedLines.sort((a, b) => a.line - b.line);
  return { ...counts, rejectedLines, seconds, rate };
};
