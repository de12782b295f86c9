import { routeKey, type RouteDeclaration } from '../../functions/wiring.js';

export interface RouteMatch<R extends RouteDeclaration> {
  readonly route: R;
  readonly routeKey: string;
  readonly pathParameters: Record<string, string>;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^$()|[\]\\]/g, '\\$&');

/**
 * Matches a request the way API Gateway HTTP APIs do: `{name}` is one path segment, and the
 * method must match; anything else falls to `$default`.
 */
export const createRouteMatcher = <R extends RouteDeclaration>(declared: readonly R[]) => {
  const compiled = declared.map((route) => {
    const names: string[] = [];
    const pattern = route.path
      .split('/')
      .map((segment) => {
        const param = /^\{(\w+)\}$/.exec(segment);
        if (!param) return escapeRegExp(segment);
        names.push(param[1] as string);
        return '([^/]+)';
      })
      .join('/');
    return { route, names, regex: new RegExp(`^${pattern}$`) };
  });

  return (method: string, path: string): RouteMatch<R> | undefined => {
    for (const { route, names, regex } of compiled) {
      if (route.method !== method) continue;
      const found = regex.exec(path);
      if (!found) continue;
      const pathParameters: Record<string, string> = {};
      names.forEach((name, i) => {
        const raw = found[i + 1] as string;
        try {
          pathParameters[name] = decodeURIComponent(raw);
        } catch {
          pathParameters[name] = raw;
        }
      });
      return { route, routeKey: routeKey(route), pathParameters };
    }
    return undefined;
  };
};
