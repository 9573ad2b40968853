/** Recipient shapes on the wire: {emailAddress: {name, address}}. */
import type { EmailAddress } from './model';

// Responses always carry the name, and first; the component's toRecipients builds requests and leaves a missing name out.
export function recipient(address: EmailAddress): { emailAddress: EmailAddress } {
  return { emailAddress: { name: address.name, address: address.address } };
}

export function recipients(list: readonly EmailAddress[]): { emailAddress: EmailAddress }[] {
  return list.map(recipient);
}

/** 'megan.bowen@contoso.example' -> 'Megan Bowen': what Exchange shows for an unresolved address. */
export function nameFromAddress(address: string): string {
  const local = address.split('@')[0] ?? address;
  return local.split(/[._-]+/).filter(Boolean).map((w) => w[0].toUpperCase() + w.slice(1)).join(' ') || address;
}

const ADDRESS = /^[^\s@<>()",;]+@[^\s@<>()",;]+\.[^\s@<>()",;]+$/;

// Looser than the component's isEmailAddress on purpose: Graph takes most address shapes and lets delivery fail later (NDR).
export function isValidAddress(address: unknown): address is string {
  return typeof address === 'string' && ADDRESS.test(address);
}
