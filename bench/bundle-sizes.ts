import { gzipSync } from 'node:zlib';
import { build, type BuildOptions } from 'esbuild';
import { functionGroups } from '../functions/wiring.js';

/** The same esbuild settings lib/cloud/group-function.ts gives NodejsFunction. */
export const lambdaOptions: BuildOptions = {
  bundle: true,
  write: false,
  platform: 'node',
  format: 'esm',
  target: 'node22',
  mainFields: ['module', 'main'],
  minify: true,
  logLevel: 'silent',
  banner: { js: "import { createRequire as __createRequire } from 'module'; const require = __createRequire(import.meta.url);" },
};

const sizeOf = async (options: BuildOptions) => {
  const result = await build({ ...lambdaOptions, ...options });
  const bytes = result.outputFiles?.[0]?.contents ?? new Uint8Array();
  return { minifiedBytes: bytes.length, gzipBytes: gzipSync(bytes).length };
};

/**
 * Each Lambda bundle's size, against a baseline bundled in this run: a handler that only
 * sends one DynamoDB GetItem through the document client (the floor of any function here).
 */
export const benchBundleSizes = async () => {
  const baseline = await sizeOf({
    stdin: {
      contents:
        "import { DynamoDBClient } from '@aws-sdk/client-dynamodb'; import { DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';" +
        "const c = DynamoDBDocumentClient.from(new DynamoDBClient({})); export const handler = (e) => c.send(new GetCommand({ TableName: 't', Key: e }));",
      resolveDir: process.cwd(),
      loader: 'ts',
    },
  });
  const functions: Record<string, { minifiedBytes: number; gzipBytes: number; vsBaseline: number }> = {};
  for (const [name, group] of Object.entries(functionGroups)) {
    const size = await sizeOf({ entryPoints: [group.entry] });
    functions[name] = { ...size, vsBaseline: Number((size.minifiedBytes / baseline.minifiedBytes).toFixed(2)) };
  }
  return { baseline: { name: 'GetItem-only handler', ...baseline }, functions };
};
