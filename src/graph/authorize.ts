/**
 * Puts the bearer token on requests to Graph (and only there), and after a 401 refreshes once and
 * repeats the request: a 401 means Graph did nothing, so repeating is safe for any method.
 */
import type { Context, Middleware } from '@microsoft/microsoft-graph-client';
import type { AccessTokens } from './tokens';
import { ChainError } from './transport';

export class AuthorizeMiddleware implements Middleware {
  private next?: Middleware;

  constructor(private readonly tokens: AccessTokens, private readonly graphOrigin: string) {}

  setNext(next: Middleware): void {
    this.next = next;
  }

  async execute(context: Context): Promise<void> {
    if (new URL(String(context.request)).origin !== this.graphOrigin) {
      await this.next!.execute(context);
      return;
    }
    const token = await this.withTokens(() => this.tokens.accessToken());
    await this.send(context, token);
    if (context.response?.status === 401) {
      const fresh = await this.withTokens(() => this.tokens.refresh(token));
      await this.send(context, fresh);
    }
  }

  private async withTokens<T>(call: () => Promise<T>): Promise<T> {
    try {
      return await call();
    } catch (err) {
      throw err instanceof Error ? new ChainError(err) : err;
    }
  }

  private async send(context: Context, token: string): Promise<void> {
    const headers = new Headers(context.options?.headers as HeadersInit | undefined);
    headers.set('Authorization', `Bearer ${token}`);
    context.options = { ...context.options, headers };
    await this.next!.execute(context);
  }
}
