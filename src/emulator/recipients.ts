/** Recipient shapes on the wire: {emailAddress: {name, address}}. */
import type { EmailAddress } from './model';

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

export function isValidAddress(address: unknown): address is string {
  return typeof address === 'string' && ADDRESS.test(address);
}
