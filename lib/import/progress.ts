/** Counts of an import so far. */
export interface ImportCounts {
  read: number;
  imported: number;
  existing: number;
  rejected: number;
}

/**
 * A progress line on stderr every `intervalMs` (and one at the end): lines read, imported,
 * already present, rejected, and lines read per second.
 */
export const startProgress = (label: string, counts: Readonly<ImportCounts>, out: { write(text: string): unknown }, intervalMs = 1000) => {
  const started = Date.now();
  const line = () => {
    const seconds = Math.max((Date.now() - started) / 1000, 0.001);
    const rate = Math.round(counts.read / seconds);
    out.write(`${label}: ${counts.read} lines read, ${counts.imported} imported, ${counts.existing} already present, ${counts.rejected} rejected, ${rate} lines/s\n`);
    return { seconds, rate };
  };
  const timer = setInterval(line, intervalMs);
  timer.unref();
  return {
    stop() {
      clearInterval(timer);
      return line();
    },
  };
};
