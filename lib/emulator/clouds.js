"use strict";
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
Object.defineProperty(exports, "__esModule", { value: true });
exports.CLOUDS = exports.CLOUD_NAMES = void 0;
exports.isCloudName = isCloudName;
exports.cloudOfGraphHost = cloudOfGraphHost;
exports.CLOUD_NAMES = ['global', 'usgov', 'usgovdod', 'china'];
const sts = (host) => (tenantId) => `https://${host}/${tenantId}/`;
exports.CLOUDS = {
    global: { name: 'global', graph: 'https://graph.microsoft.com', login: 'https://login.microsoftonline.com', issuer: sts('sts.windows.net') },
    usgov: { name: 'usgov', graph: 'https://graph.microsoft.us', login: 'https://login.microsoftonline.us', issuer: sts('sts.windows.net') },
    usgovdod: { name: 'usgovdod', graph: 'https://dod-graph.microsoft.us', login: 'https://login.microsoftonline.us', issuer: sts('sts.windows.net') },
    china: { name: 'china', graph: 'https://microsoftgraph.chinacloudapi.cn', login: 'https://login.partner.microsoftonline.cn', issuer: sts('sts.chinacloudapi.cn') },
};
function isCloudName(value) {
    return typeof value === 'string' && exports.CLOUD_NAMES.includes(value);
}
/** The cloud whose Graph host this origin is (case-insensitive, a trailing slash allowed). */
function cloudOfGraphHost(origin) {
    const wanted = origin.replace(/\/+$/, '').toLowerCase();
    return Object.values(exports.CLOUDS).find((c) => c.graph === wanted);
}
