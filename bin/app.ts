import { buildApp } from '../lib/cloud/app.js';

// `npm run synth` / `cdk deploy` (cdk.json: npx tsx bin/app.ts).
buildApp().app.synth();
