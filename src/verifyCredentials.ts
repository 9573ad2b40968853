/**
 * Called by the platform when a user saves the credential. A thrown message is shown to the user
 * as is, so it must say what to fix.
 * - delegated: `GET /me` proves the whole chain: app id and secret (on refresh), tenant, cloud,
 *   consent and mailbox access;
 * - application: there is no mailbox yet (each step names one), so it obtains a token (app id and
 *   secret, tenant, cloud, the app's presence in the tenant) and reads the application permissions
 *   an admin consented to from the token's `roles`, naming each one missing. Exchange RBAC for
 *   Applications grants never appear there; an app relying on them alone fails this check (README).
 */
import { CredentialError } from './errors';
import type { StepContext } from './graph/logger';
import { silentLogger } from './graph/logger';
import { APP_PERMISSIONS, missingAppPermissions } from './graph/permissions';
import { createSession, credentialTokens } from './graph/session';
import type { CredentialConfig } from './graph/session';
import type { AccessTokens } from './graph/tokens';

interface ServiceScope extends Partial<StepContext> {
  getApiClient?: () => { accounts?: { update(id: string, data: unknown): Promise<unknown> } };
}

type VerifyConfig = CredentialConfig & { _account?: string };

function contextFor(scope: ServiceScope | undefined, cfg: VerifyConfig): StepContext {
  return {
    logger: scope?.logger ?? silentLogger,
    emit: async (event, payload) => {
      // In service mode the sailor forwards updateKeys for dropdowns but not here: store a token
      // refreshed during verification ourselves, as the sailor would, or the rotation is lost.
      const accounts = event === 'updateKeys' && cfg._account ? scope?.getApiClient?.()?.accounts : undefined;
      if (accounts) await accounts.update(cfg._account!, { keys: payload });
      else await scope?.emit?.(event, payload);
    },
  };
}

/** The app token's roles against what the steps need; throws naming every permission missing. */
async function verifyAppPermissions(tokens: AccessTokens, context: StepContext): Promise<void> {
  await tokens.accessToken();
  const claims = tokens.claims();
  if (!claims) {
    context.logger.warn('The app token is not a JWT: its application permissions cannot be read here; the steps will name any that is missing');
    return;
  }
  const roles = claims.roles ?? [];
  const missing = missingAppPermissions(roles);
  const grant = 'In the app registration: API permissions > Add a permission > Microsoft Graph > Application permissions, add them, then Grant admin consent (an administrator of the tenant). Grants of Exchange RBAC for Applications alone are not visible to this check (see the README, Application access).';
  if (!roles.length) {
    throw new CredentialError(`The app has no application permissions in this tenant: no administrator has granted admin consent. Needed: ${APP_PERMISSIONS.map((p) => p.name).join(', ')}. ${grant}`);
  }
  if (missing.some((p) => p.neededNow)) {
    throw new CredentialError(`The app lacks the application permission${missing.length > 1 ? 's' : ''} ${missing.map((p) => `${p.name} (${p.usedBy})`).join(', ')}: they have not been granted admin consent. ${grant}`);
  }
  if (missing.length) context.logger.warn(`The app lacks ${missing.map((p) => p.name).join(', ')}, needed by planned steps only`);
}

async function verifyCredentials(this: ServiceScope | undefined, cfg: VerifyConfig): Promise<{ verified: true }> {
  const context = contextFor(this, cfg);
  const { credential, tokens } = credentialTokens(cfg, context);
  if (credential.authType === 'application') {
    await verifyAppPermissions(tokens, context);
  } else {
    const session = createSession({ ...cfg, mailbox: undefined }, context);
    await session.get(`${session.root}?$select=id`);
  }
  context.logger.info('Credential verified');
  return { verified: true };
}

export = verifyCredentials;
