/** Path templates like `/mailFolders/{folderId}/messages`; literal segments match case-insensitively, as in Graph. */

export interface Route<H> {
  method: string;
  pattern: string;
  handler: H;
}

export type Match<R> =
  | { route: R; params: Record<string, string> }
  | { methodNotAllowed: true }
  | undefined;

function matchPattern(pattern: string, segments: readonly string[]): Record<string, string> | undefined {
  const parts = pattern.split('/').filter(Boolean);
  if (parts.length !== segments.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < parts.length; i += 1) {
    const part = parts[i];
    if (part.startsWith('{')) params[part.slice(1, -1)] = segments[i];
    else if (part.toLowerCase() !== segments[i].toLowerCase()) return undefined;
  }
  return params;
}

/** `segments` are already percent-decoded. */
export function matchRoute<R extends Route<unknown>>(routes: readonly R[], method: string, segments: readonly string[]): Match<R> {
  let pathKnown = false;
  for (const route of routes) {
    const params = matchPattern(route.pattern, segments);
    if (!params) continue;
    if (route.method === method) return { route, params };
    pathKnown = true;
  }
  return pathKnown ? { methodNotAllowed: true } : undefined;
}

export function splitPath(path: string): string[] {
  return path.split('/').filter(Boolean).map((s) => {
    try {
      return decodeURIComponent(s);
    } catch {
      return s;
    }
  });
}
