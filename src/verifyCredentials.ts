/**
 * Called by the platform when a user saves the credential. `GET /me` proves the whole chain:
 * app id and secret (on refresh), tenant, consent and mailbox access. A thrown message is shown
 * to the user as is, so it must say what to fix.
 */
import type { StepContext } from './graph/logger';
import { silentLogger } from './graph/logger';
import { createSession } from './graph/session';
import type { CredentialConfig } from './graph/session';

async function verifyCredentials(this: Partial<StepContext> | undefined, cfg: CredentialConfig): Promise<{ verified: true }> {
  const context: StepContext = {
    logger: this?.logger ?? silentLogger,
    emit: async (event, payload) => { await this?.emit?.(event, payload); },
  };
  const session = createSession(cfg, context);
  await session.get(`${session.root}?$select=id`);
  context.logger.info('Credential verified');
  return { verified: true };
}

export = verifyCredentials;
