import { ok, type RouteHandler } from '../../common/http/types.js';
import { parseInput } from '../../common/http/validate.js';
import { ImportBody, type ImportReportView } from '../../contract/views/staff-catalog.js';
import { events, type JobInvocation } from '../../wiring.js';
import { importCatalogLines } from '../../use-cases/import-catalog.js';

/**
 * POST /admin/catalog/import `{jsonl}`: title records (each with `copies`) one per line.
 * Bad lines are reported by number, the rest imported; then the search index is rebuilt.
 */
export const postImport: RouteHandler = async (request, deps) => {
  const { jsonl } = parseInput(ImportBody, request.body);
  const report: ImportReportView = await importCatalogLines(deps, jsonl);
  if (report.titles > 0) {
    const rebuild: JobInvocation = { job: 'search-index', trigger: 'manual' };
    await deps.events.publish(events.detailTypes.jobRunRequested, { ...rebuild });
  }
  return ok(report);
};
