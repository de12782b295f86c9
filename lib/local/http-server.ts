import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { APIGatewayProxyEventV2, Context } from 'aws-lambda';
import type { ApiHandler } from '../../functions/common/http/api-handler.js';
import { fallbackGroup, routes, type ApiGroupName, type RouteDeclaration } from '../../functions/wiring.js';
import { createRouteMatcher } from './route-matcher.js';
import { isAppPath, serveStatic, type DevServing } from './static-files.js';

/** API Gateway's own payload limit; the handlers enforce the app's smaller one (413). */
const GATEWAY_MAX_BODY = 10 * 1024 * 1024;

const readBody = (request: IncomingMessage): Promise<Buffer | 'too-large'> =>
  new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= GATEWAY_MAX_BODY) chunks.push(chunk);
    });
    request.on('end', () => resolve(size > GATEWAY_MAX_BODY ? 'too-large' : Buffer.concat(chunks)));
    request.on('error', reject);
  });

const lambdaContext = (functionName: string): Context =>
  ({
    functionName,
    awsRequestId: randomUUID(),
    getRemainingTimeInMillis: () => 30_000,
    callbackWaitsForEmptyEventLoop: false,
  }) as unknown as Context;

/** Turns a Node request into the API Gateway v2 event the Lambda handlers receive in AWS. */
export const toApiGatewayEvent = (
  request: IncomingMessage,
  body: Buffer,
  match: { routeKey: string; pathParameters: Record<string, string> } | undefined,
): APIGatewayProxyEventV2 => {
  const url = new URL(request.url ?? '/', 'http://localhost');
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    if (value !== undefined) headers[name.toLowerCase()] = Array.isArray(value) ? value.join(',') : value;
  }
  const query: Record<string, string> = {};
  for (const [name, value] of url.searchParams) query[name] = name in query ? `${query[name]},${value}` : value;
  const now = Date.now();
  return {
    version: '2.0',
    routeKey: match?.routeKey ?? '$default',
    rawPath: url.pathname,
    rawQueryString: url.search.slice(1),
    headers,
    queryStringParameters: Object.keys(query).length ? query : undefined,
    pathParameters: match && Object.keys(match.pathParameters).length ? match.pathParameters : undefined,
    body: body.length ? body.toString('utf8') : undefined,
    isBase64Encoded: false,
    requestContext: {
      accountId: 'local',
      apiId: 'local',
      domainName: headers.host ?? 'localhost',
      domainPrefix: 'local',
      http: {
        method: request.method ?? 'GET',
        path: url.pathname,
        protocol: `HTTP/${request.httpVersion}`,
        sourceIp: request.socket.remoteAddress ?? '127.0.0.1',
        userAgent: headers['user-agent'] ?? '',
      },
      requestId: randomUUID(),
      routeKey: match?.routeKey ?? '$default',
      stage: '$default',
      time: new Date(now).toUTCString(),
      timeEpoch: now,
    },
  };
};

/** An API answer as the client receives it, for observers (the contract tests). */
export interface ObservedAnswer {
  readonly method: string;
  readonly path: string;
  /** The declared route that served it, or `$default` (an unknown path: 404). */
  readonly routeKey: string;
  readonly status: number;
  readonly contentType: string | undefined;
  readonly body: string | undefined;
}

export type ApiHandlers = Readonly<Record<ApiGroupName, ApiHandler>>;

export interface LocalHttpApi {
  readonly url: string;
  readonly server: Server;
  /**
   * Serves the next requests with these handlers and routes (`npm run dev` after functions/
   * changed); requests already running finish with the ones they started with.
   */
  setHandlers(handlers: ApiHandlers, routeTable?: readonly RouteDeclaration[]): void;
  close(): Promise<void>;
}

/**
 * The local HTTP API: the same routes as the deployed API Gateway (from functions/wiring.ts,
 * plus the `local` ones), each handed to its group's Lambda handler.
 */
export const startHttpApi = async (
  handlers: ApiHandlers,
  options: { host: string; port: number; webRoot?: string; observe?: (answer: ObservedAnswer) => void; dev?: DevServing },
): Promise<LocalHttpApi> => {
  let current = { handlers, match: createRouteMatcher<RouteDeclaration>(routes) };
  const serve = async (request: IncomingMessage, response: ServerResponse) => {
    const { handlers, match } = current;
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    if (options.dev?.handle(path, request, response)) return;
    const body = await readBody(request);
    if (body === 'too-large') {
      response.writeHead(413, { 'content-type': 'application/json' }).end('{"message":"Request Entity Too Large"}');
      return;
    }
    const found = match(request.method ?? 'GET', path);
    if (!found && options.webRoot && (request.method === 'GET' || request.method === 'HEAD') && isAppPath(path)) {
      if (serveStatic(options.webRoot, path, response, String(request.headers['accept-encoding'] ?? ''), options.dev)) return;
    }
    const group = found?.route.group ?? fallbackGroup;
    const result = await handlers[group](toApiGatewayEvent(request, body, found), lambdaContext(group));
    options.observe?.({
      method: request.method ?? 'GET',
      path,
      routeKey: found?.routeKey ?? '$default',
      status: result.statusCode ?? 200,
      contentType: (result.headers as Record<string, string> | undefined)?.['content-type'],
      body: result.body,
    });
    response.writeHead(result.statusCode ?? 200, result.headers as Record<string, string>);
    response.end(result.body ?? '');
  };
  const server = createServer((request, response) => {
    serve(request, response).catch(() => {
      if (!response.headersSent) response.writeHead(502, { 'content-type': 'application/json' });
      response.end('{"message":"Internal Server Error"}');
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${options.host}:${port}`,
    server,
    setHandlers(next, routeTable = routes) {
      current = { handlers: next, match: createRouteMatcher(routeTable) };
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
};
