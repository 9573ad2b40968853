/** The control API's contact routes over HTTP (control-contacts.ts), under /_emulator. */
import type { AddContactOptions } from './control-contacts';
import type { ControlHandler } from './control-routes';
import { plainJson } from './http';
import type { Route } from './router';

const ok = (body: unknown, status = 200) => plainJson(status, body);

export const CONTACT_CONTROL_ROUTES: readonly Route<ControlHandler>[] = [
  { method: 'GET', pattern: '/contacts', handler: ({ control, params }) => ok({ value: control.contacts({ mailbox: params.get('mailbox') ?? undefined, folder: params.get('folder') ?? undefined }) }) },
  {
    method: 'GET', pattern: '/contacts/changes',
    handler: ({ control, params }) => ok(control.contactChanges({ mailbox: params.get('mailbox') ?? undefined, since: Number(params.get('since') ?? 0) })),
  },
  { method: 'POST', pattern: '/contacts', handler: ({ control, json }) => ok(control.addContact(json as AddContactOptions), 201) },
  { method: 'PATCH', pattern: '/contacts/{id}', handler: ({ control, json }, { id }) => ok(control.updateContact(id, json)) },
  { method: 'DELETE', pattern: '/contacts/{id}', handler: ({ control }, { id }) => ok(control.deleteContact(id)) },
  {
    method: 'POST', pattern: '/contact-folders',
    handler: ({ control, json }) => ok(control.addContactFolder(json as { mailbox?: string; displayName: string; parent?: string }), 201),
  },
];
