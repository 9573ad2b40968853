'use strict';

// The credential fields and the mailbox field, checked before any request (graph/credential.ts,
// graph/mailbox.ts): every form a user can meet, accepted or refused with the field named.
const { expect } = require('chai');
const { parseCredential, checkLoginHost } = require('../../lib/graph/credential');
const { parseMailbox } = require('../../lib/graph/mailbox');
const { CLOUDS, LOGIN_HOSTS } = require('../../lib/graph/clouds');

const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';
const APP_ID = '11111111-2222-3333-4444-555555555555';

const refusal = (fn) => {
  try {
    fn();
  } catch (err) {
    return err;
  }
  throw new Error('not refused');
};

describe('credential fields (graph/credential.ts)', () => {
  it('a credential made before these fields existed is delegated, global, at login.microsoftonline.com, with the env app', () => {
    const credential = parseCredential({ tenantId: 'common' });
    expect(credential).to.deep.include({ authType: 'delegated', tenant: 'common' });
    expect(credential.cloud).to.equal(CLOUDS.global);
    expect(credential.app).to.deep.equal({ clientId: 'test-client-id', clientSecret: 'test-client-secret-value', clientIdFrom: 'MSAPP_CLIENT_ID', secretFrom: 'MSAPP_CLIENT_SECRET' });
  });

  it('a harness that sets no environment variables hands the component\'s app in instead (the chaos run does)', () => {
    const env = {};
    expect(refusal(() => parseCredential({ tenantId: 'common' }, env)).message).to.match(/^MSAPP_CLIENT_ID and MSAPP_CLIENT_SECRET not set/);
    expect(parseCredential({ tenantId: 'common' }, env, { clientId: 'harness-app', clientSecret: 'harness-secret' }).app).to.deep.equal({ clientId: 'harness-app', clientSecret: 'harness-secret', clientIdFrom: 'MSAPP_CLIENT_ID', secretFrom: 'MSAPP_CLIENT_SECRET' });
    const own = parseCredential({ authType: 'application', tenantId: TENANT, clientId: APP_ID, clientSecret: 'own~secret' }, env, { clientId: 'harness-app', clientSecret: 'harness-secret' });
    expect(own.app.clientId, 'the credential\'s own app still wins').to.equal(APP_ID);
  });

  it('takes each cloud with its own sign-in host, in any letter case and with spaces around', () => {
    for (const [cloud, host] of [['global', 'login.microsoftonline.com'], ['usgov', 'login.microsoftonline.us'], ['usgovdod', 'login.microsoftonline.us'], ['china', 'login.partner.microsoftonline.cn']]) {
      expect(parseCredential({ cloud: ` ${cloud.toUpperCase()} `, loginHost: ` ${host.toUpperCase()} `, tenantId: 'organizations' }).cloud.name).to.equal(cloud);
    }
    expect(LOGIN_HOSTS).to.deep.equal(['login.microsoftonline.com', 'login.microsoftonline.us', 'login.partner.microsoftonline.cn']);
  });

  it('refuses a sign-in host of another cloud, naming the one to pick', () => {
    const err = refusal(() => parseCredential({ cloud: 'usgov', loginHost: 'login.microsoftonline.com', tenantId: 'common' }));
    expect(err.name).to.equal('CredentialError');
    expect(err.message).to.match(/^loginHost: the usgov cloud signs in at login\.microsoftonline\.us, but Sign-in host is login\.microsoftonline\.com: pick login\.microsoftonline\.us/);
    expect(refusal(() => checkLoginHost(undefined, CLOUDS.china)).message).to.match(/^loginHost: the china cloud signs in at login\.partner\.microsoftonline\.cn/);
  });

  it('refuses a sign-in host that is no known host (a URL, a look-alike, a path), without building anything from it', () => {
    for (const value of ['https://login.microsoftonline.com', 'login.microsoftonline.com/', 'login.microsoftonline.com.evil.example', 'login.chinacloudapi.cn', 'evil.example', 42, ['login.microsoftonline.com']]) {
      expect(refusal(() => parseCredential({ loginHost: value, tenantId: 'common' })).message, String(value)).to.match(/^loginHost: choose one of login\.microsoftonline\.com, login\.microsoftonline\.us, login\.partner\.microsoftonline\.cn/);
    }
  });

  it('refuses an auth type or cloud that is not one of the names, listing them', () => {
    expect(refusal(() => parseCredential({ authType: 'app-only' })).message).to.match(/^authType: choose delegated .* or application .*, got "app-only"/);
    expect(refusal(() => parseCredential({ cloud: 'gcchigh' })).message).to.equal('cloud: choose global, usgov, usgovdod or china, got "gcchigh"');
    expect(refusal(() => parseCredential({ cloud: 7 })).message).to.equal('cloud: choose global, usgov, usgovdod or china, got a number');
  });

  describe('application', () => {
    const app = (fields) => parseCredential({ authType: 'application', tenantId: TENANT, ...fields });

    it('uses the env app unless the credential has its own id and secret (trimmed)', () => {
      expect(app({}).app.clientIdFrom).to.equal('MSAPP_CLIENT_ID');
      expect(app({ clientId: ` ${APP_ID} `, clientSecret: ' s3cr~et.value ' }).app).to.deep.equal({ clientId: APP_ID, clientSecret: 's3cr~et.value', clientIdFrom: 'clientId', secretFrom: 'clientSecret' });
    });

    it('refuses common, organizations and consumers: an app token needs a tenant', () => {
      for (const alias of ['common', 'Organizations', 'consumers', undefined, '']) {
        expect(refusal(() => app({ tenantId: alias })).message, String(alias)).to.match(/^tenantId: an application credential needs your directory \(tenant\) id or a verified domain/);
      }
      expect(app({ tenantId: 'contoso.onmicrosoft.com' }).tenant).to.equal('contoso.onmicrosoft.com');
    });

    it('needs the id and the secret together, a GUID for the id, and never echoes the secret', () => {
      expect(refusal(() => app({ clientId: APP_ID })).message).to.match(/^clientSecret: is required with clientId/);
      expect(refusal(() => app({ clientSecret: 'only-a-secret' })).message).to.match(/^clientId: is required with clientSecret/);
      expect(refusal(() => app({ clientId: 'my-app', clientSecret: 'x' })).message).to.match(/^clientId: use the Application \(client\) ID/);
      for (const secret of ['has space inside', 'line\nbreak', 'x'.repeat(1025), 42]) {
        const err = refusal(() => app({ clientId: APP_ID, clientSecret: secret }));
        expect(err.message).to.match(/^clientSecret: paste the secret's Value/);
        if (typeof secret === 'string') expect(err.message).to.not.include(secret.slice(0, 8));
      }
    });
  });

  it('a delegated credential refuses its own client id and secret: its sign-in used the component\'s app', () => {
    expect(refusal(() => parseCredential({ tenantId: 'common', clientId: APP_ID, clientSecret: 'x' })).message).to.match(/^clientId: applies only to Auth type application/);
    expect(refusal(() => parseCredential({ tenantId: 'common', clientSecret: 'x' })).message).to.match(/^clientSecret: applies only to Auth type application/);
  });

  it('consumers (personal accounts) only in the global cloud', () => {
    expect(parseCredential({ tenantId: 'consumers' }).tenant).to.equal('consumers');
    expect(refusal(() => parseCredential({ cloud: 'usgov', loginHost: 'login.microsoftonline.us', tenantId: 'consumers' })).message).to.match(/^tenantId: consumers .* exists only in the global cloud; the usgov cloud/);
    expect(parseCredential({ cloud: 'china', loginHost: 'login.partner.microsoftonline.cn', tenantId: 'common' }).tenant).to.equal('common');
  });
});

describe('the mailbox field (graph/mailbox.ts)', () => {
  it('empty is the signed-in user for a delegated credential', () => {
    for (const value of [undefined, null, '', '   ']) expect(parseMailbox(value, 'delegated')).to.deep.equal({ root: '/me' });
  });

  it('empty is refused for an application credential, which has no mailbox', () => {
    const err = refusal(() => parseMailbox('  ', 'application'));
    expect(err).to.include({ name: 'InputError', field: 'mailbox' });
    expect(err.message).to.match(/is required with an application credential/);
  });

  it('takes odd but valid forms, each in one encoded path segment', () => {
    const cases = [
      ['Info@Contoso.COM', '/users/Info@Contoso.COM', 'Info@Contoso.COM'],
      ['  info+billing@contoso.com ', '/users/info%2Bbilling@contoso.com', 'info+billing@contoso.com'],
      ['0B2C5D5E-1F2A-4B3C-9D8E-7F6A5B4C3D2E', '/users/0b2c5d5e-1f2a-4b3c-9d8e-7f6a5b4c3d2e', '0b2c5d5e-1f2a-4b3c-9d8e-7f6a5b4c3d2e'],
      ['info@bücher.de', '/users/info@xn--bcher-kva.de', 'info@xn--bcher-kva.de'],
      ["o'brien@contoso.com", "/users/o'brien@contoso.com", "o'brien@contoso.com"],
      ['ann_fabrikam.com#EXT#@contoso.onmicrosoft.com', '/users/ann_fabrikam.com%23EXT%23@contoso.onmicrosoft.com', 'ann_fabrikam.com#EXT#@contoso.onmicrosoft.com'],
      ['a/b%c?d@contoso.com', '/users/a%2Fb%25c%3Fd@contoso.com', 'a/b%c?d@contoso.com'],
      ["$adele'x@contoso.com", "/users('$adele''x@contoso.com')", "$adele'x@contoso.com"],
    ];
    for (const [value, root, address] of cases) expect(parseMailbox(value, 'application'), value).to.deep.equal({ root, address });
  });

  it('refuses what is no mailbox address, naming the field and the accepted forms', () => {
    for (const value of ['Info <info@contoso.com>', 'info@contoso.com, sales@contoso.com', 'info', 'info@localhost', '"john doe"@contoso.com', 'info@contoso.com\r\nX: 1', 'a'.repeat(300), '../me', '0b2c5d5e-1f2a-4b3c-9d8e']) {
      const err = refusal(() => parseMailbox(value, 'delegated'));
      expect(err, value).to.include({ name: 'InputError', field: 'mailbox' });
      expect(err.message, value).to.match(/give the mailbox's address or user principal name \(info@contoso\.com\) or its user id/);
      expect(err.message).to.not.match(/[\r\n]/);
    }
    expect(refusal(() => parseMailbox('Info <info@contoso.com>', 'delegated')).message).to.include('without a display name');
    for (const value of [42, ['info@contoso.com'], { address: 'info@contoso.com' }, true]) {
      expect(refusal(() => parseMailbox(value, 'delegated')).message).to.match(/^mailbox: must be text/);
    }
  });
});
