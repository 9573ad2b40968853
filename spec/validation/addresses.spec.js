'use strict';
const { expect } = require('chai');
const { parseMailboxes, isEmailAddress, toRecipients } = require('../../lib/validation/addresses');
const { expectInputError } = require('./helpers');

const local64 = 'a'.repeat(64);
const label63 = 'b'.repeat(63);
// 64 + 1 + (63 + 1 + 63 + 1 + 57 + 4) = 254
const address254 = `${local64}@${label63}.${label63}.${'c'.repeat(57)}.com`;
const address255 = `${local64}@${label63}.${label63}.${'c'.repeat(58)}.com`;

describe('validation/addresses', () => {
  it('the long fixtures have the lengths the cases rely on', () => {
    expect(address254).to.have.length(254);
    expect(address255).to.have.length(255);
  });

  describe('isEmailAddress', () => {
    const valid = [
      'a@b.example',
      'john.doe@example.com',
      'John.Doe@Example.COM',
      'user+tag@sub.example.co.uk',
      "o'brien@example.ie",
      "!#$%&'*+-/=?^_`{|}~@example.org",
      'x@xn--mnchen-3ya.de',
      'user@example.xn--p1ai',
      'john@münchen.de',
      'user@bücher.de',
      'info@пример.рф',
      'user@a-b.c-d.example',
      'user@123.example',
      '"john doe"@example.com',
      '"a@b"@example.com',
      '"quote\\"inside"@example.com',
      `${local64}@example.com`,
      `a@${label63}.com`,
      address254,
    ];
    const invalid = [
      '',
      ' a@b.example',
      'a@b.example ',
      'plainaddress',
      '@example.com',
      'john@',
      'john@@example.com',
      'a@b@example.com',
      'john doe@example.com',
      'john@exa mple.com',
      '.john@example.com',
      'john.@example.com',
      'jo..hn@example.com',
      'jo(hn@example.com',
      'jo,hn@example.com',
      'jöhn@example.com',
      'john@bü cher.de',
      'john@bü_cher.de',
      'john@ü..de',
      'john@localhost',
      'john@-example.com',
      'john@example-.com',
      'john@exa_mple.com',
      'john@example..com',
      'john@.example.com',
      'john@example.com.',
      'john@example.c',
      'john@example.123',
      'john@example.c0m',
      'john@[192.168.0.1]',
      '<john@example.com>',
      'john@example.com>',
      'john\n@example.com',
      'jo\u0000hn@example.com',
      '""@example.com',
      '"unclosed@example.com',
      '"john"x@example.com',
      `${local64}a@example.com`,
      `a@${label63}b.com`,
      address255,
    ];
    for (const value of valid) it(`accepts ${JSON.stringify(value.slice(0, 60))}`, () => expect(isEmailAddress(value)).to.equal(true));
    for (const value of invalid) it(`refuses ${JSON.stringify(value.slice(0, 60))}`, () => expect(isEmailAddress(value)).to.equal(false));
  });

  describe('parseMailboxes accepts', () => {
    const cases = [
      ['a single address', 'a@b.example', [{ address: 'a@b.example' }]],
      ['commas and semicolons with spaces', ' a@b.example , c@d.example ; e@f.example ', [{ address: 'a@b.example' }, { address: 'c@d.example' }, { address: 'e@f.example' }]],
      ['a trailing comma', 'a@b.example,', [{ address: 'a@b.example' }]],
      ['repeated separators', ';;a@b.example;, ;c@d.example;;', [{ address: 'a@b.example' }, { address: 'c@d.example' }]],
      ['a display name', 'Jane Doe <jane@x.example>', [{ address: 'jane@x.example', name: 'Jane Doe' }]],
      ['a display name without a space before <', 'Jane<jane@x.example>', [{ address: 'jane@x.example', name: 'Jane' }]],
      ['a quoted name with a comma', '"Doe, John" <john@x.example>, jane@x.example', [{ address: 'john@x.example', name: 'Doe, John' }, { address: 'jane@x.example' }]],
      ['a quoted name with a semicolon', '"Doe; John" <john@x.example>;a@b.example', [{ address: 'john@x.example', name: 'Doe; John' }, { address: 'a@b.example' }]],
      ['a quoted name with brackets', '"Team <Ops>" <ops@x.example>', [{ address: 'ops@x.example', name: 'Team <Ops>' }]],
      ['escaped quotes in a quoted name', '"John \\"JJ\\" Smith" <j@x.example>', [{ address: 'j@x.example', name: 'John "JJ" Smith' }]],
      ['a partly quoted name', 'John "JJ" Smith <j@x.example>', [{ address: 'j@x.example', name: 'John JJ Smith' }]],
      ['a comma inside angle brackets is not a separator', 'Odd <"a,b"@x.example>', [{ address: '"a,b"@x.example', name: 'Odd' }]],
      ['an address in brackets only', '<john@x.example>', [{ address: 'john@x.example' }]],
      ['spaces inside the brackets', 'John < john@x.example >', [{ address: 'john@x.example', name: 'John' }]],
      ['an empty quoted name', '"" <john@x.example>', [{ address: 'john@x.example' }]],
      ['a quoted local part', '"john doe"@x.example', [{ address: '"john doe"@x.example' }]],
      ['IDN punycode domains', 'x@xn--mnchen-3ya.de; y@example.xn--p1ai', [{ address: 'x@xn--mnchen-3ya.de' }, { address: 'y@example.xn--p1ai' }]],
      ['an internationalised domain, sent in its punycode form', 'user@bücher.de', [{ address: 'user@xn--bcher-kva.de' }]],
      ['internationalised domains in any case, with a name, in objects', ['Jürgen Müller <jm@MÜNCHEN.de>', { address: 'info@пример.рф', name: 'Пример' }], [
        { address: 'jm@xn--mnchen-3ya.de', name: 'Jürgen Müller' }, { address: 'info@xn--e1afmkfd.xn--p1ai', name: 'Пример' },
      ]],
      ['Outlook\'s "Last, First" entries separated by semicolons', 'Doe, John <john@example.com>; Smith, Jane <jane@example.com>', [
        { address: 'john@example.com', name: 'Doe, John' }, { address: 'jane@example.com', name: 'Smith, Jane' },
      ]],
      ['one "Last, First" entry, as Outlook copies a single recipient', 'Doe, John <john@x.example>', [{ address: 'john@x.example', name: 'Doe, John' }]],
      ['"Last, First" entries separated by commas', 'Doe, John <john@x.example>, Smith, Jane <jane@x.example>', [
        { address: 'john@x.example', name: 'Doe, John' }, { address: 'jane@x.example', name: 'Smith, Jane' },
      ]],
      ['a name with several commas', 'Doe, John, Jr. <j@x.example>;', [{ address: 'j@x.example', name: 'Doe, John, Jr.' }]],
      ['a mixed list: unquoted and quoted names, bare addresses, both separators, a trailing separator', 'Doe, John <john@x.example>; a@x.example, b@x.example; "Smith, Jane" <jane@x.example>, Lee, Ann<ann@x.example> ;', [
        { address: 'john@x.example', name: 'Doe, John' }, { address: 'a@x.example' }, { address: 'b@x.example' },
        { address: 'jane@x.example', name: 'Smith, Jane' }, { address: 'ann@x.example', name: 'Lee, Ann' },
      ]],
      ['a list item in the "Last, First" form', ['Doe, John <john@x.example>; Smith, Jane <jane@x.example>'], [
        { address: 'john@x.example', name: 'Doe, John' }, { address: 'jane@x.example', name: 'Smith, Jane' },
      ]],
      ['case as written', 'John.Doe@Example.COM', [{ address: 'John.Doe@Example.COM' }]],
      ['a 64-character local part', `${local64}@x.example`, [{ address: `${local64}@x.example` }]],
      ['a 254-character address', address254, [{ address: address254 }]],
      ['a list of strings', ['a@b.example', 'Jane <j@x.example>'], [{ address: 'a@b.example' }, { address: 'j@x.example', name: 'Jane' }]],
      ['a list item holding several addresses', ['a@b.example; c@d.example', 'e@f.example'], [{ address: 'a@b.example' }, { address: 'c@d.example' }, { address: 'e@f.example' }]],
      ['a list with blanks and nulls', [null, '', ' ', undefined, 'a@b.example'], [{ address: 'a@b.example' }]],
      ['objects with address and email', [{ address: 'a@b.example', name: ' A ' }, { email: 'c@d.example' }], [{ address: 'a@b.example', name: 'A' }, { address: 'c@d.example' }]],
      ['objects with a null or blank name', [{ address: 'a@b.example', name: null }, { address: 'c@d.example', name: '  ' }], [{ address: 'a@b.example' }, { address: 'c@d.example' }]],
      ['Graph recipients', [{ emailAddress: { address: 'a@b.example', name: 'A' } }], [{ address: 'a@b.example', name: 'A' }]],
      ['a single object', { address: ' a@b.example ', name: 'A' }, [{ address: 'a@b.example', name: 'A' }]],
      ['undefined', undefined, []],
      ['null', null, []],
      ['an empty string', '', []],
      ['a blank string', ' ;, ', []],
      ['an empty list', [], []],
    ];
    for (const [title, value, expected] of cases) {
      it(title, () => expect(parseMailboxes(value, 'to')).to.deep.equal(expected));
    }

    it('up to max entries', () => {
      expect(parseMailboxes('a@b.example, c@d.example', 'cc', { max: 2 })).to.have.length(2);
      const five00 = Array.from({ length: 500 }, (_, i) => `u${i}@x.example`);
      expect(parseMailboxes(five00, 'to')).to.have.length(500);
    });

    it('a required list that has an entry', () => {
      expect(parseMailboxes('a@b.example', 'to', { required: true })).to.deep.equal([{ address: 'a@b.example' }]);
    });
  });

  describe('parseMailboxes refuses', () => {
    const cases = [
      ['a number', 42, 'to', ['got a number', 'separated by , or ;']],
      ['a boolean', true, 'to', ['got the boolean true']],
      ['NaN', NaN, 'to', ['got NaN']],
      ['an object without an address', { name: 'Jane' }, 'to', ['got an object without an "address"']],
      ['an empty object', {}, 'to', ['without an "address"']],
      ['a number in a list', ['a@b.example', 42], 'to[1]', ['got a number']],
      ['a nested list', ['a@b.example', ['c@d.example']], 'to[1]', ['got a list']],
      ['a list object without an address', [{ name: 'Jane' }], 'to[0]', ['needs "address"', 'it has none']],
      ['a non-text address', [{ address: 5 }], 'to[0]', ['needs "address"', 'got a number']],
      ['a blank address', [{ address: '  ' }], 'to[0]', ['needs "address"']],
      ['a non-text name', [{ address: 'a@b.example', name: 5 }], 'to[0].name', ['must be text', 'got a number']],
      ['a bad object address', { address: 'nope' }, 'to', ['"nope" is not a valid email address', 'has no @']],
      ['a bad second entry', 'a@x.example, b@, c@x.example', 'to[1]', ['"b@"', 'nothing comes after the @', 'name@example.com']],
      ['a bad entry after blanks', ',,a@x.example,,bad', 'to[1]', ['"bad"', 'has no @']],
      ['an unquoted name with a semicolon (; always separates)', 'Doe; John <john@x.example>', 'to[0]', ['"Doe"', 'has no @', 'must be in double quotes']],
      ['a word before a bare address is not taken for a name', 'ann, bob@x.example', 'to[0]', ['"ann"', 'has no @']],
      ['a word left over after "Last, First" entries', 'Doe, John <john@x.example>, Smith', 'to[1]', ['"Smith"', 'has no @']],
      ['two @', 'john@@x.example', 'to[0]', ['more than one @']],
      ['a space in the address', 'john doe@x.example', 'to[0]', ['contains a space', 'Name <name@example.com>']],
      ['a stray >', 'john@x.example>', 'to[0]', ['< or > in the wrong place']],
      ['an unclosed <', 'Jane <jane@x.example', 'to[0]', ['< or > in the wrong place']],
      ['text after >', 'Jane <jane@x.example> extra', 'to[0]', ['< or > in the wrong place']],
      ['two bracket pairs', 'Jane <a> <jane@x.example>', 'to[0]', ['< or > in the wrong place']],
      ['an unclosed quote', '"Unclosed <j@x.example>', 'to[0]', ['never closed']],
      ['empty brackets', 'Jane <>', 'to[0]', ['it is empty']],
      ['a leading dot', '.john@x.example', 'to[0]', ['start or end with a dot']],
      ['two dots', 'jo..hn@x.example', 'to[0]', ['two dots in a row']],
      ['a bad character', 'jo(hn@x.example', 'to[0]', ['contains "("']],
      ['a non-ASCII local part', 'jöhn@x.example', 'to[0]', ['non-ASCII']],
      ['a domain that is no valid internationalised name', 'john@ü..de', 'to[0]', ['two dots in a row']],
      ['an internationalised domain that IDNA refuses', 'john@ü.xn--zz', 'to[0]', ['"ü.xn--zz" is not a valid internationalised domain name']],
      ['a space in an internationalised domain', 'john@bü cher.de', 'to[0]', ['the domain contains a space']],
      ['an internationalised domain longer than 254 characters once in punycode', `a@${Array(6).fill('中文字'.repeat(10)).join('.')}.de`, 'to[0]', ['has 284 characters, at most 253', 'in its punycode form "xn--']],
      ['an address longer than 254 characters once in punycode', `${'a'.repeat(64)}@${Array(4).fill('中文字'.repeat(10)).join('.')}.de`, 'to[0]', ['in its punycode form', 'at most 254']],
      ['a domain without a dot', 'john@localhost', 'to[0]', ['needs a dot']],
      ['a label starting with a hyphen', 'john@-x.example', 'to[0]', ['"-x"', 'hyphen']],
      ['a label ending with a hyphen', 'john@x-.example', 'to[0]', ['hyphen']],
      ['an underscore in the domain', 'john@x_y.example', 'to[0]', ['letters, digits and hyphens']],
      ['a trailing dot', 'john@x.example.', 'to[0]', ['start or end with a dot']],
      ['a one-letter TLD', 'john@x.c', 'to[0]', ['top-level domain "c"']],
      ['a numeric TLD', 'john@x.123', 'to[0]', ['top-level domain "123"']],
      ['an IP literal', 'john@[192.168.0.1]', 'to[0]', ['IP address literals']],
      ['a 65-character local part', `${local64}a@x.example`, 'to[0]', ['65 characters, at most 64']],
      ['a 64-character label', `a@${label63}b.com`, 'to[0]', ['64 characters, at most 63']],
      ['a 255-character address', address255, 'to[0]', ['255 characters, at most 254']],
      ['a control character in the address', ['john\u0007@x.example'], 'to[0]', ['control character']],
      ['a line break in a name', 'Evil\nName <a@x.example>', 'to[0]', ['display name contains a control character']],
      ['a line break in an object name', [{ address: 'a@x.example', name: 'A\r\nBcc: x' }], 'to[0].name', ['control character']],
    ];
    for (const [title, value, path, fragments] of cases) {
      it(title, () => expectInputError(() => parseMailboxes(value, 'to'), path, fragments));
    }

    it('an empty required value', () => {
      for (const value of [undefined, null, '', ' , ', [], [null, '']]) {
        expectInputError(() => parseMailboxes(value, 'to', { required: true }), 'to', ['at least one email address is required']);
      }
    });

    it('more entries than max', () => {
      expectInputError(() => parseMailboxes('a@x.example,b@x.example,c@x.example', 'bcc', { max: 2 }), 'bcc', ['has 3 addresses but at most 2', '500 recipients']);
    });

    it('more than 500 entries by default', () => {
      const many = Array.from({ length: 501 }, (_, i) => `u${i}@x.example`).join(';');
      expectInputError(() => parseMailboxes(many, 'to'), 'to', ['has 501 addresses but at most 500']);
    });

    it('a huge entry without echoing it whole', () => {
      const huge = `${'x'.repeat(5000)}@x.example`;
      const err = expectInputError(() => parseMailboxes(huge, 'to'), 'to[0]', ['…']);
      expect(err.message).not.to.include('x'.repeat(101));
      expect(err.message.length).to.be.below(400);
    });
  });

  describe('toRecipients', () => {
    it('builds Graph recipients and leaves out missing names', () => {
      expect(toRecipients([{ address: 'a@b.example', name: 'A' }, { address: 'c@d.example' }])).to.deep.equal([
        { emailAddress: { address: 'a@b.example', name: 'A' } },
        { emailAddress: { address: 'c@d.example' } },
      ]);
      expect(toRecipients([])).to.deep.equal([]);
    });

    it('round-trips what parseMailboxes reads', () => {
      const recipients = toRecipients(parseMailboxes('"Doe, John" <john@x.example>; jane@x.example', 'to'));
      expect(parseMailboxes(recipients, 'to')).to.deep.equal([{ address: 'john@x.example', name: 'Doe, John' }, { address: 'jane@x.example' }]);
    });
  });
});
