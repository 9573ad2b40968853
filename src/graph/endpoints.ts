/**
 * Where Microsoft Graph and the Microsoft identity platform live for a request: the credential's
 * cloud (clouds.ts) unless OUTLOOK_GRAPH_BASE_URL / OUTLOOK_LOGIN_BASE_URL point elsewhere (the
 * offline emulator, a test). National clouds and the emulator change these two URLs and nothing else.
 */
import { CLOUDS } from './clouds';
import type { Cloud } from './clouds';

export const GRAPH_VERSION = 'v1.0';

export interface Endpoints {
  /** Origin of Microsoft Graph, without a trailing slash, e.g. https://graph.microsoft.com */
  graph: string;
  /** Origin of the identity platform, e.g. https://login.microsoftonline.com */
  login: string;
}

function origin(value: string, variable: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`${variable} must be an absolute http(s) URL such as https://graph.microsoft.com, got "${value}"`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new Error(`${variable} must use https (or http for a local emulator), got "${url.protocol}"`);
  }
  return url.origin;
}

/**
 * The cloud's hosts, each overridden by OUTLOOK_GRAPH_BASE_URL or OUTLOOK_LOGIN_BASE_URL when set.
 * An override replaces the host a request goes to, never the cloud: `.default` scopes still name
 * the cloud's own Graph host (an emulator tells clouds apart by it, as Azure AD does).
 */
export function endpointsFor(cloud: Cloud, env: NodeJS.ProcessEnv = process.env): Endpoints {
  return {
    graph: env.OUTLOOK_GRAPH_BASE_URL ? origin(env.OUTLOOK_GRAPH_BASE_URL, 'OUTLOOK_GRAPH_BASE_URL') : cloud.graph,
    login: env.OUTLOOK_LOGIN_BASE_URL ? origin(env.OUTLOOK_LOGIN_BASE_URL, 'OUTLOOK_LOGIN_BASE_URL') : cloud.login,
  };
}

/** The global cloud's endpoints with the overrides: for tools that have no credential (npm run token). */
export function endpointsFromEnv(env: NodeJS.ProcessEnv = process.env): Endpoints {
  return endpointsFor(CLOUDS.global, env);
}

/** The versioned root every Graph path hangs off, e.g. https://graph.microsoft.com/v1.0/ */
export function graphRoot(endpoints: Endpoints): string {
  return `${endpoints.graph}/${GRAPH_VERSION}/`;
}

/**
 * Turns an absolute link Graph handed back (`@odata.nextLink`) into a path relative to the Graph
 * root. Links that point anywhere else are refused: following them would send our token to a
 * host we do not know.
 */
export function relativeGraphPath(link: string, endpoints: Endpoints): string {
  const root = graphRoot(endpoints);
  if (!link.startsWith(root)) {
    throw new Error(`Graph returned a paging link outside ${root}; refusing to follow it`);
  }
  return `/${link.slice(root.length)}`;
}
