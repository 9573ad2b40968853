/**
 * Called by the platform when a user saves the credential. `GET /me` proves the whole chain:
 * app id and secret (on refresh), tenant, consent and mailbox access. A thrown message is shown
 * to the user as is, so it must say what to fix.
 */
import type { StepContext } from './graph/logger';
import { silentLogger } from './graph/logger';
import { createSession } from './graph/session';
import type { CredentialConfig } from './graph/session';

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

async function verifyCredentials(this: ServiceScope | undefined, cfg: VerifyConfig): Promise<{ verified: true }> {
  const context = contextFor(this, cfg);
  const session = createSession(cfg, context);
  await session.get(`${session.root}?$select=id`);
  context.logger.info('Credential verified');
  return { verified: true };
}

export = verifyCredentials;
