import { searchIndexJob } from '../jobs/search-index.js';
import { cloudDeps } from './cloud-deps.js';
import { makeJobHandler } from './job-handler.js';

export const handler = makeJobHandler('search-index', searchIndexJob, cloudDeps('search-index'));
