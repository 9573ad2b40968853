import { CONTROL_CHARS } from './text';
/**
 * Syntax check for one email address, pragmatic RFC 5321: what Exchange Online will route, not
 * everything the RFCs allow (no IP literals, no comments, no SMTPUTF8 local parts). The checker
 * returns why an address is refused, so that the error can tell the user what to change.
 */
import { domainToASCII } from 'node:url';
import { quote } from './echo';

const MAX_ADDRESS = 254; // RFC 5321 path limit (256) less the angle brackets
const MAX_LOCAL = 64;
const MAX_DOMAIN = 253;
const MAX_LABEL = 63;

const ATEXT = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]$/;
const LABEL = /^[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?$/;
const TLD = /^(?:[a-z]{2,}|xn--[a-z0-9-]+)$/i;
const NON_ASCII = /[^\u0000-\u007f]/; // eslint-disable-line no-control-regex

/** The address as it is sent, or why it cannot be sent (a phrase for "… is not a valid email address: <reason>"). */
export type CheckedAddress = { address: string; problem?: undefined } | { address?: undefined; problem: string };

/** True when `value`, exactly as given (no trimming), is an address this component will send to. */
export function isEmailAddress(value: string): boolean {
  return checkEmailAddress(value).problem === undefined;
}

/**
 * Checks `value` (untrimmed) and returns the form to send: an internationalised domain
 * (`user@bücher.de`) becomes its ASCII punycode form (`user@xn--bcher-kva.de`), which is what
 * SMTP and Exchange route; the RFC 5321 length limits apply to that form.
 */
export function checkEmailAddress(value: string): CheckedAddress {
  if (value.length === 0) return { problem: 'it is empty' };
  if (value.length > MAX_ADDRESS) return { problem: `it has ${value.length} characters, at most ${MAX_ADDRESS} are allowed` };
  if (CONTROL_CHARS.test(value)) return { problem: 'it contains a control character such as a line break or tab' };
  const split = splitAtSign(value);
  if (typeof split === 'string') return { problem: split };
  const localProblem = localPartProblem(split.local);
  if (localProblem) return { problem: localProblem };
  const domain = asciiDomain(split.domain);
  if ('problem' in domain) return domain;
  const problem = domainProblem(domain.ascii);
  // Lengths and labels are those of the converted form, which the user never wrote: show it.
  if (problem) return { problem: domain.ascii === split.domain ? problem : `${problem}, in its punycode form ${quote(domain.ascii)}` };
  const address = `${split.local}@${domain.ascii}`;
  if (address.length > MAX_ADDRESS) {
    return { problem: `in its punycode form ${quote(address)} it has ${address.length} characters, at most ${MAX_ADDRESS} are allowed` };
  }
  return { address };
}

function splitAtSign(value: string): { local: string; domain: string } | string {
  if (value.startsWith('"')) {
    // A quoted local part may itself contain @, so the domain starts after its closing quote.
    const end = closingQuote(value);
    if (end < 0) return 'its quoted part before the @ has no closing double quote';
    if (value[end + 1] !== '@') return 'a quoted part must be followed directly by @ and the domain';
    const domain = value.slice(end + 2);
    if (domain.includes('@')) return 'it has more than one @';
    return { local: value.slice(0, end + 1), domain };
  }
  const at = value.indexOf('@');
  if (at < 0) return 'it has no @';
  if (value.includes('@', at + 1)) return 'it has more than one @';
  return { local: value.slice(0, at), domain: value.slice(at + 1) };
}

/** Index of the double quote closing the one at index 0, honouring backslash escapes; -1 when unclosed. */
function closingQuote(value: string): number {
  for (let i = 1; i < value.length; i += 1) {
    if (value[i] === '\\') i += 1;
    else if (value[i] === '"') return i;
  }
  return -1;
}

function localPartProblem(local: string): string | undefined {
  if (local.length === 0) return 'nothing comes before the @';
  if (local.length > MAX_LOCAL) return `the part before the @ has ${local.length} characters, at most ${MAX_LOCAL} are allowed`;
  if (local.startsWith('"')) return quotedLocalProblem(local);
  if (/\s/.test(local)) return 'it contains a space (to add a display name, write Name <name@example.com>)';
  if (/[<>]/.test(local)) return 'it contains < or > (write a display name as Name <name@example.com>)';
  if (NON_ASCII.test(local)) return 'the part before the @ contains non-ASCII characters; only ASCII letters, digits and ! # $ % & \' * + - / = ? ^ _ ` { | } ~ . are allowed';
  if (local.startsWith('.') || local.endsWith('.') || local.includes('..')) {
    return 'the part before the @ must not start or end with a dot or contain two dots in a row';
  }
  const bad = [...local].find((ch) => ch !== '.' && !ATEXT.test(ch));
  if (bad !== undefined) {
    return `the part before the @ contains ${quote(bad)}; only letters, digits and ! # $ % & ' * + - / = ? ^ _ \` { | } ~ . are allowed (other characters need the part in double quotes)`;
  }
  return undefined;
}

/** splitAtSign already found the closing quote, so only emptiness and the character set are left to check. */
function quotedLocalProblem(local: string): string | undefined {
  if (local === '""') return 'the quoted part before the @ is empty';
  if (NON_ASCII.test(local)) return 'the quoted part before the @ contains non-ASCII characters';
  return undefined;
}

/**
 * The domain in ASCII: as given when it is ASCII, else converted with IDNA (UTS #46, what browsers
 * and mail clients do), after the checks whose message would read oddly on the converted form.
 */
function asciiDomain(domain: string): { ascii: string } | { problem: string } {
  if (domain.length === 0) return { problem: 'nothing comes after the @' };
  if (domain.startsWith('[')) return { problem: 'IP address literals are not accepted: use a domain name such as example.com' };
  if (/\s/.test(domain)) return { problem: 'the domain contains a space' };
  if (/[<>]/.test(domain)) return { problem: 'it contains < or > (write a display name as Name <name@example.com>)' };
  if (!NON_ASCII.test(domain)) return { ascii: domain };
  const ascii = domainToASCII(domain);
  return ascii ? { ascii } : { problem: `the domain ${quote(domain)} is not a valid internationalised domain name` };
}

function domainProblem(domain: string): string | undefined {
  if (domain.length > MAX_DOMAIN) return `the domain has ${domain.length} characters, at most ${MAX_DOMAIN} are allowed`;
  const labels = domain.split('.');
  if (labels.some((label) => label.length === 0)) {
    return 'the domain must not start or end with a dot or contain two dots in a row';
  }
  if (labels.length < 2) return 'the domain needs a dot and a top-level domain, as in example.com';
  for (const label of labels) {
    if (label.length > MAX_LABEL) return `a part of the domain has ${label.length} characters, at most ${MAX_LABEL} are allowed between dots`;
    if (!LABEL.test(label)) {
      return `the domain part ${quote(label)} may only have letters, digits and hyphens, and must not start or end with a hyphen`;
    }
  }
  const tld = labels[labels.length - 1];
  if (!TLD.test(tld)) return `the top-level domain ${quote(tld)} must be two or more letters (or IDN punycode such as xn--p1ai)`;
  return undefined;
}
