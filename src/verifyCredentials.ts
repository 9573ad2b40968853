/**
 * Called by the platform when a user saves the credential. A thrown message is shown to the user
 * as is, so it must say what to fix.
 * - delegated: `GET /me` proves the whole chain: app id and secret (on refresh), tenant, cloud,
 *   consent and mailbox access;
 * - application: there is no mailbox yet (each step names one), so it obtains a token (app id and
 *   secret, tenant, cloud, the app's presence in the tenant), then reads the optional test mailbox,
 *   or else checks the token's `roles` (see verifyApplication).
 */
import { CredentialError } from './errors';
import type { StepContext } from './graph/logger';
import { silentLogger } from './graph/logger';
import { APP_PERMISSIONS, missingAppPermissions } from './graph/permissions';
import { parseMailbox } from './graph/mailbox';
import { createSession, credentialTokens } from './graph/session';
import type { CredentialConfig } from './graph/session';
import type { AccessTokens } from './graph/tokens';
import { isAbsent } from './validation/fields';

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

/**
 * An application credential: the token proves app, secret, tenant and cloud; its `roles` show the
 * application permissions an administrator consented to. Exchange RBAC for Applications grants
 * never appear there, so missing roles are not proof of missing access: with a test mailbox the
 * check reads that mailbox's Inbox and lets what Graph answers decide; without one it names each
 * permission missing and says how to prove RBAC access instead.
 */
async function verifyApplication(cfg: VerifyConfig, tokens: AccessTokens, context: StepContext): Promise<void> {
  const testMailbox = isAbsent(cfg.testMailbox) ? undefined : parseMailbox(cfg.testMailbox, 'application', 'testMailbox').address;
  await tokens.accessToken();
  const claims = tokens.claims();
  const roles = claims?.roles ?? [];
  const missing = claims ? missingAppPermissions(roles) : [];
  if (testMailbox !== undefined) {
    const session = createSession({ ...cfg, mailbox: testMailbox }, context);
    await session.get(`${session.root}/mailFolders/inbox?$select=id`);
    if (missing.length) context.logger.warn(`The app's token lacks ${missing.map((p) => p.name).join(', ')}; the test mailbox was readable, so access comes from elsewhere (Exchange RBAC for Applications)`);
    return;
  }
  if (!claims) {
    context.logger.warn('The app token is not a JWT: its application permissions cannot be read here; the steps will name any that is missing');
    return;
  }
  const grant = 'In the app registration: API permissions > Add a permission > Microsoft Graph > Application permissions, add them, then Grant admin consent (an administrator of the tenant). If an Exchange administrator grants access through RBAC for Applications instead, which the token does not show, fill in Mailbox to test with a mailbox the app may reach and save again.';
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
    await verifyApplication(cfg, tokens, context);
  } else {
    const session = createSession({ ...cfg, mailbox: undefined }, context);
    await session.get(`${session.root}?$select=id`);
  }
  context.logger.info('Credential verified');
  return { verified: true };
}

export = verifyCredentials;
