/**
 * Microsoft's cloud instances. Each tenant lives in one; its tokens carry that cloud's Graph host as
 * audience and are refused by every other cloud. One emulator serves all four, so the Graph host
 * in a scope and the audience of a token stand in for the host a request was sent to.
 *
 * Sources:
 * - Graph hosts: microsoftgraph/microsoft-graph-docs-contrib concepts/deployments.md ("Microsoft
 *   Graph and Graph Explorer service root endpoints"), which also says tokens of one national cloud
 *   are not interchangeable with another's, and that GCC (not High) uses the global endpoints.
 * - Login hosts: MicrosoftDocs/entra-docs identity-platform/authentication-national-cloud.md
 *   (2025). For China it gives login.partner.microsoftonline.cn, as does 21Vianet's own copy of
 *   that page (docs.azure.cn); the Graph page still lists the older login.chinacloudapi.cn.
 * - Apps are registered separately in each cloud (same Entra page, "App registration endpoints").
 */

export const CLOUD_NAMES = ['global', 'usgov', 'usgovdod', 'china'] as const;
export type CloudName = typeof CLOUD_NAMES[number];

export interface Cloud {
  name: CloudName;
  /** Origin of Microsoft Graph, and the audience of its tokens. */
  graph: string;
  /** Origin of the identity platform. */
  login: string;
  /** Issuer of Graph's (v1.0) access tokens. Not relied upon by clients; shown for realism. */
  issuer: (tenantId: string) => string;
}

const sts = (host: string) => (tenantId: string): string => `https://${host}/${tenantId}/`;

export const CLOUDS: Readonly<Record<CloudName, Cloud>> = {
  global: { name: 'global', graph: 'https://graph.microsoft.com', login: 'https://login.microsoftonline.com', issuer: sts('sts.windows.net') },
  usgov: { name: 'usgov', graph: 'https://graph.microsoft.us', login: 'https://login.microsoftonline.us', issuer: sts('sts.windows.net') },
  usgovdod: { name: 'usgovdod', graph: 'https://dod-graph.microsoft.us', login: 'https://login.microsoftonline.us', issuer: sts('sts.windows.net') },
  china: { name: 'china', graph: 'https://microsoftgraph.chinacloudapi.cn', login: 'https://login.partner.microsoftonline.cn', issuer: sts('sts.chinacloudapi.cn') },
};

export function isCloudName(value: unknown): value is CloudName {
  return typeof value === 'string' && (CLOUD_NAMES as readonly string[]).includes(value);
}

/** The cloud whose Graph host this origin is (case-insensitive, a trailing slash allowed). */
export function cloudOfGraphHost(origin: string): Cloud | undefined {
  const wanted = origin.replace(/\/+$/, '').toLowerCase();
  return Object.values(CLOUDS).find((c) => c.graph === wanted);
}
