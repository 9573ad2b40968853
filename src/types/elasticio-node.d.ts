// elasticio-node ships no types; only its message factory is used (the package root also loads an HTTP stack).
declare module 'elasticio-node/lib/messages' {
  export interface ElasticMessage {
    id: string;
    body: unknown;
    headers: Record<string, unknown>;
    attachments: Record<string, unknown>;
    metadata: Record<string, unknown>;
  }
  export function newMessageWithBody(body: unknown): ElasticMessage;
}
