/**
 * Microsoft's cloud instances: the one table that maps a credential's `cloud` to the hosts its
 * requests may reach. Tokens of one cloud are refused by every other (Graph docs, below), so no
 * request of a credential ever leaves its cloud's two hosts.
 *
 * Sources (checked 2026):
 * - Graph hosts: Microsoft Graph "National cloud deployments"
 *   (microsoftgraph/microsoft-graph-docs-contrib concepts/deployments.md, "Microsoft Graph and
 *   Graph Explorer service root endpoints"): graph.microsoft.com, graph.microsoft.us (US Government
 *   L4, i.e. GCC High), dod-graph.microsoft.us (L5, DoD), microsoftgraph.chinacloudapi.cn
 *   (21Vianet). The same page: a Microsoft 365 GCC (not High) tenant uses the global endpoints;
 *   national-cloud endpoints reach organizational data only ("Apps that are trying to access
 *   consumer data associated with Microsoft personal accounts ... should use the global service");
 *   tokens "are not interchangeable" between clouds.
 * - Login hosts: Microsoft Entra "National clouds" (MicrosoftDocs/entra-docs
 *   identity-platform/authentication-national-cloud.md, ms.date 2025-01-15, "Microsoft Entra
 *   authentication endpoints"): login.microsoftonline.com, login.microsoftonline.us for both US
 *   Government clouds, login.partner.microsoftonline.cn for 21Vianet.
 *   China: the Graph page still lists login.chinacloudapi.cn. We use login.partner.microsoftonline.cn
 *   because the Entra page is the identity platform's own and the newer one, 21Vianet's copy of it
 *   (docs.azure.cn) says the same, and Azure AD's instance-discovery metadata (the
 *   `/common/discovery/instance` answer MSAL reads) names login.partner.microsoftonline.cn as the
 *   `preferred_network` of that cloud with login.chinacloudapi.cn only as an alias of it.
 * - `.default` scopes: "Access national cloud deployments with the Microsoft Graph SDKs"
 *   (sdks/national-clouds.md): any scope naming the Graph domain, `.default` included, MUST use the
 *   national cloud's Graph host.
 * - Teams: "Microsoft Teams API implementation differences in national clouds"
 *   (concepts/teamwork-national-cloud-differences.md): "Microsoft Teams APIs are not available in
 *   the Microsoft Cloud China operated by 21Vianet national cloud". Microsoft documents no Teams
 *   meeting for Outlook events there, and Graph would create the event without one rather than
 *   fail, so Create Event refuses to promise one in that cloud.
 */

export const CLOUD_NAMES = ['global', 'usgov', 'usgovdod', 'china'] as const;
export type CloudName = typeof CLOUD_NAMES[number];

export interface Cloud {
  name: CloudName;
  /** What a designer reads in messages. */
  label: string;
  /** Origin of the identity platform. */
  login: string;
  /** Origin of Microsoft Graph; also the resource of `.default` scopes and the audience of tokens. */
  graph: string;
  /** Microsoft personal accounts (Outlook.com) exist in this cloud: the `consumers` tenant works. */
  personalAccounts: boolean;
  /** Create Event can add a Microsoft Teams meeting. */
  teamsMeetings: boolean;
}

export const CLOUDS: Readonly<Record<CloudName, Cloud>> = {
  global: {
    name: 'global', label: 'global (Microsoft 365 worldwide, GCC and Outlook.com)',
    login: 'https://login.microsoftonline.com', graph: 'https://graph.microsoft.com', personalAccounts: true, teamsMeetings: true,
  },
  usgov: {
    name: 'usgov', label: 'usgov (US Government GCC High, L4)',
    login: 'https://login.microsoftonline.us', graph: 'https://graph.microsoft.us', personalAccounts: false, teamsMeetings: true,
  },
  usgovdod: {
    name: 'usgovdod', label: 'usgovdod (US Government DoD, L5)',
    login: 'https://login.microsoftonline.us', graph: 'https://dod-graph.microsoft.us', personalAccounts: false, teamsMeetings: true,
  },
  china: {
    name: 'china', label: 'china (operated by 21Vianet)',
    login: 'https://login.partner.microsoftonline.cn', graph: 'https://microsoftgraph.chinacloudapi.cn', personalAccounts: false, teamsMeetings: false,
  },
};

/** The login host names a credential's sign-in field may hold (the OAuth URLs are built from it). */
export const LOGIN_HOSTS: readonly string[] = [...new Set(Object.values(CLOUDS).map((cloud) => new URL(cloud.login).host))];

export function loginHostOf(cloud: Cloud): string {
  return new URL(cloud.login).host;
}

/** The `.default` scope of the cloud's Graph: what the client-credentials grant asks for. */
export function defaultScope(cloud: Cloud): string {
  return `${cloud.graph}/.default`;
}
