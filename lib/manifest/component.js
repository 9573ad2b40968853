"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.COMPONENT = void 0;
/**
 * component.json apart from the steps: the component's name, the version the platform deploys
 * (bumped with each CHANGELOG.md release), the app registration's environment variables and the
 * classic OAuth2 credential (see the README's Credentials section for each scope's reason).
 *
 * One credential serves both auth types and every cloud. The platform fills `{{...}}` in the OAuth
 * URLs from credential fields and env vars, with no logic, and `cloud` must keep its four names, so
 * the sign-in host is a field of its own: a dropdown of the three known hosts (a typed host could
 * send the platform, and MSAPP_CLIENT_SECRET with it, anywhere), checked at run time against the
 * cloud's (graph/credential.ts checkLoginHost) with an error that names the host to pick.
 */
const clouds_1 = require("../graph/clouds");
/** Microsoft identity platform v2 of the credential's cloud, in the tenant it names. */
const IDENTITY = 'https://{{loginHost}}/{{tenantId}}/oauth2/v2.0';
/** Each sign-in host with the clouds that use it, as the dropdown shows it. */
const LOGIN_HOST_CHOICES = Object.fromEntries(clouds_1.LOGIN_HOSTS.map((host) => {
    const clouds = Object.values(clouds_1.CLOUDS).filter((cloud) => (0, clouds_1.loginHostOf)(cloud) === host).map((cloud) => cloud.name);
    return [host, `${host} (cloud ${clouds.join(' or ')})`];
}));
exports.COMPONENT = {
    title: 'Microsoft Outlook',
    version: '2.0.1',
    description: 'Mail, calendar and contacts of Office 365 and Outlook.com through Microsoft Graph: react to new, changed or deleted mail, events and contacts; send, answer, file and find mail with attachments; book, change, answer and find meetings; keep contacts in sync.',
    buildType: 'docker',
    envVars: {
        MSAPP_CLIENT_ID: {
            required: true,
            description: 'Application (client) ID of your Azure app registration (Azure portal > App registrations > Overview)',
        },
        MSAPP_CLIENT_SECRET: {
            required: true,
            description: 'Client secret Value of that app registration (Certificates & secrets); update it before the secret expires',
        },
        OUTLOOK_ATTACHMENT_ALLOWED_HOSTS: {
            required: false,
            description: "Optional: host names, IP addresses or CIDR ranges (comma-separated) on internal networks that Send Mail may fetch attachments from; the platform's own storage needs no entry.",
        },
        OUTLOOK_ATTACHMENT_MAX_BYTES: {
            required: false,
            description: "Optional: the largest attachment, in bytes, that steps send or store. Default 104857600 (the platform's 100 MB); at most 150000000 (Microsoft Graph's limit), for installations whose storage takes larger files.",
        },
    },
    credentials: {
        help: {
            description: "Delegated (default): sign in with Microsoft; steps act as that user, on their mailbox or, with rights, on a shared one. Application: the app's own identity, no user, for any mailbox an administrator allows (admin consent; each step names its mailbox). Set Sign-in host and Cloud for US Government or China tenants. Tenant: common fits any account; application needs your tenant id or domain. The component renews sign-ins and app tokens itself.",
        },
        fields: {
            loginHost: {
                label: 'Sign-in host',
                viewClass: 'SelectView',
                required: true,
                model: LOGIN_HOST_CHOICES,
                prompt: (0, clouds_1.loginHostOf)(clouds_1.CLOUDS.global),
                note: 'Where your tenant signs in: login.microsoftonline.com unless Cloud is a US Government or China cloud. Must match Cloud.',
                order: 70,
            },
            tenantId: {
                label: 'Tenant',
                viewClass: 'TextFieldView',
                required: true,
                placeholder: 'common',
                note: '<b>common</b> if unsure (delegated); <b>organizations</b>, <b>consumers</b>, or your tenant ID or domain, which application and single-tenant apps need.',
                order: 60,
            },
            authType: {
                label: 'Auth type',
                viewClass: 'SelectView',
                required: false,
                model: { delegated: 'Delegated: sign in as a user', application: 'Application: the app itself, no user (admin consent)' },
                prompt: 'Delegated: sign in as a user',
                note: 'Empty: delegated. Application needs the application permissions granted by an administrator; every step then needs a Mailbox.',
                order: 50,
            },
            cloud: {
                label: 'Cloud',
                viewClass: 'SelectView',
                required: false,
                model: Object.fromEntries(Object.values(clouds_1.CLOUDS).map((cloud) => [cloud.name, cloud.label])),
                prompt: clouds_1.CLOUDS.global.label,
                note: 'Empty: global. GCC (not High) is global. Requests never leave this cloud.',
                order: 45,
            },
            oauth: {
                label: 'Sign in with Microsoft',
                viewClass: 'OAuthFieldView',
                required: false,
                note: '<b>Required for delegated</b>: sign in after filling in the fields above. Not used by an application credential.',
                order: 40,
            },
            clientId: {
                label: 'Client ID (application only)',
                viewClass: 'TextFieldView',
                required: false,
                placeholder: '00000000-0000-0000-0000-000000000000',
                note: "Optional: your own app registration's Application (client) ID. Empty: the component's app (MSAPP_CLIENT_ID).",
                order: 30,
            },
            clientSecret: {
                label: 'Client secret (application only)',
                viewClass: 'PasswordFieldView',
                required: false,
                note: "With Client ID: a client secret's Value of that app (Certificates & secrets).",
                order: 20,
            },
            testMailbox: {
                label: 'Mailbox to test (application only)',
                viewClass: 'TextFieldView',
                required: false,
                placeholder: 'info@contoso.com',
                note: 'Optional: a mailbox the app may reach. The check then reads it, which also proves access granted by Exchange RBAC for Applications.',
                order: 10,
            },
        },
        oauth2: {
            client_id: '{{MSAPP_CLIENT_ID}}',
            client_secret: '{{MSAPP_CLIENT_SECRET}}',
            auth_uri: `${IDENTITY}/authorize`,
            token_uri: `${IDENTITY}/token`,
            scopes: [
                'offline_access',
                'User.Read',
                'Mail.Read',
                'Mail.ReadWrite',
                'Mail.Send',
                'Mail.ReadWrite.Shared',
                'Mail.Send.Shared',
                'Calendars.Read',
                'Calendars.ReadWrite',
                'Calendars.ReadWrite.Shared',
                'Contacts.Read',
                'Contacts.ReadWrite',
                'Contacts.ReadWrite.Shared',
                'MailboxSettings.Read',
            ],
        },
    },
};
