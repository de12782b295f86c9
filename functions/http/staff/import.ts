import * as z from 'zod/mini';
import { ok, type RouteHandler } from '../../common/http/types.js';
import { parseInput } from '../../common/http/validate.js';
import { events, type JobInvocation } from '../../wiring.js';
import { importCatalogLines } from '../../use-cases/import-catalog.js';

const ImportBody = z.object({ jsonl: z.string().check(z.minLength(1)) });

/**
 * POST /admin/catalog/import `{jsonl}`: title records (each with `copies`) one per line.
 * Bad lines are reported by number, the rest imported; then the search index is rebuilt.
 */
export const postImport: RouteHandler = async (request, deps) => {
  const { jsonl } = parseInput(ImportBody, request.body);
  const report = await importCatalogLines(deps, jsonl);
  if (report.titles > 0) {
    const rebuild: JobInvocation = { job: 'search-index', trigger: 'manual' };
    await deps.events.publish(events.detailTypes.jobRunRequested, { ...rebuild });
  }
  return ok(report);
};
