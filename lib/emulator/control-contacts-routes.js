"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.CONTACT_CONTROL_ROUTES = void 0;
const http_1 = require("./http");
const ok = (body, status = 200) => (0, http_1.plainJson)(status, body);
exports.CONTACT_CONTROL_ROUTES = [
    { method: 'GET', pattern: '/contacts', handler: ({ control, params }) => ok({ value: control.contacts({ mailbox: params.get('mailbox') ?? undefined, folder: params.get('folder') ?? undefined }) }) },
    {
        method: 'GET', pattern: '/contacts/changes',
        handler: ({ control, params }) => ok(control.contactChanges({ mailbox: params.get('mailbox') ?? undefined, since: Number(params.get('since') ?? 0) })),
    },
    { method: 'POST', pattern: '/contacts', handler: ({ control, json }) => ok(control.addContact(json), 201) },
    { method: 'PATCH', pattern: '/contacts/{id}', handler: ({ control, json }, { id }) => ok(control.updateContact(id, json)) },
    { method: 'DELETE', pattern: '/contacts/{id}', handler: ({ control }, { id }) => ok(control.deleteContact(id)) },
    {
        method: 'POST', pattern: '/contact-folders',
        handler: ({ control, json }) => ok(control.addContactFolder(json), 201),
    },
];
