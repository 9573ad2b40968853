/**
 * component.json apart from the steps: the component's name, the version the platform deploys
 * (bumped with each CHANGELOG.md release), the app registration's environment variables and the
 * classic OAuth2 credential (see the README's Credentials section for each scope's reason).
 */
import type { Field } from './fields';

/** Microsoft identity platform v2, in the tenant the credential names. */
const IDENTITY = 'https://login.microsoftonline.com/{{tenantId}}/oauth2/v2.0';

export const COMPONENT = {
  title: 'Microsoft Outlook',
  version: '1.0.0',
  description: 'Mail and calendar of Office 365 and Outlook.com through Microsoft Graph: react to new mail and to new or changed events, send mail, create events.',
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
      description: "Signs in to one Microsoft 365 (work or school) or Outlook.com mailbox through Microsoft's consent page; every step of a flow then acts as that mailbox. Fill in Tenant first: common works for any account with a multi-tenant app; a single-tenant app, or an organisation that restricts sign-in, needs the directory (tenant) ID or domain. The component renews the sign-in itself; if Microsoft revokes it (a password change, 90 days unused), open the credential and sign in again.",
    },
    fields: {
      tenantId: {
        label: 'Tenant',
        viewClass: 'TextFieldView',
        required: true,
        placeholder: 'common',
        note: '<b>common</b> if unsure (any account); <b>organizations</b>, <b>consumers</b>, or your tenant ID or domain, which a single-tenant app requires.',
        order: 20,
      },
      oauth: {
        label: 'Sign in with Microsoft',
        viewClass: 'OAuthFieldView',
        required: true,
        order: 10,
      },
    } satisfies Record<string, Field>,
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
