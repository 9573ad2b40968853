/**
 * Seeded contacts: eight in the primary mailbox's default Contacts folder (the draws of the
 * primary's random stream are as they always were), and a folder tree under it (Suppliers >
 * Europe, Family) with a few contacts each, from a stream of their own.
 */
import { emptyContactFields, generatedDisplayName, generatedFileAs } from './contacts';
import type { ContactFields, ContactFolder } from './contacts';
import { TENANT_DOMAIN } from './directory';
import type { Mailbox } from './mailbox';
import type { Rng } from './rng';
import { createRng } from './rng';

const DAY = 24 * 3600 * 1000;

const CONTACTS: [string, string, string, string][] = [
  ['Alex', 'Wilber', 'Contoso', 'Marketing Assistant'], ['Diego', 'Siciliani', 'Contoso', 'HR Manager'],
  ['Isaiah', 'Langer', 'Contoso', 'Sales Rep'], ['Lidia', 'Holloway', 'Contoso', 'Product Manager'],
  ['Nestor', 'Wilke', 'Contoso', 'Director'], ['Patti', "O'Brien", 'Tailspin Toys', 'Buyer'],
  ['Lynne', 'Robbins', 'Fabrikam', 'Planner'], ['Joni', 'Sherman', 'Northwind', 'Paralegal'],
];

/** Folder path under the default Contacts folder -> contacts in it. */
const FOLDERS: [string[], [string, string, string, string][]][] = [
  [['Suppliers'], [['Hanna', 'Moos', 'Adatum', 'Account Manager'], ['Raul', 'Razo', 'Litware', 'Sales Lead']]],
  [['Suppliers', 'Europe'], [['Lena', 'Fischer', 'Wingtip Toys', 'Buyer'], ['Marco', 'Rossi', 'Proseware', 'Engineer'], ['Sofie', 'Jensen', 'Relecloud', 'Consultant']]],
  [['Family'], [['Emma', 'Vance', '', '']]],
];

function fieldsFor(givenName: string, surname: string, companyName: string, jobTitle: string, phone: string): ContactFields {
  const domain = companyName === 'Contoso' ? TENANT_DOMAIN : `${(companyName || 'family').split(' ')[0].toLowerCase()}.example`;
  const fields: ContactFields = {
    ...emptyContactFields(),
    givenName,
    surname,
    emailAddresses: [{ name: `${givenName} ${surname}`, address: `${givenName}.${surname}@${domain}`.toLowerCase() }],
    companyName: companyName || null,
    jobTitle: jobTitle || null,
    businessPhones: [phone],
  };
  fields.displayName = generatedDisplayName(fields);
  fields.fileAs = generatedFileAs(fields);
  return fields;
}

export function seedContacts(mailbox: Mailbox, now: number, rng: Rng, seed: number): void {
  const store = mailbox.contacts;
  for (const [givenName, surname, companyName, jobTitle] of CONTACTS) {
    const createdAt = now - rng.int(30, 400) * DAY + rng.int(0, 86_399_999);
    store.create(store.root, fieldsFor(givenName, surname, companyName, jobTitle, `+1 555 01${rng.int(10, 99)}`), createdAt);
  }
  const own = createRng(seed ^ 0x0c0ffee);
  const made = new Map<string, ContactFolder>();
  for (const [path, people] of FOLDERS) {
    const parent = path.length > 1 ? made.get(path.slice(0, -1).join('/')) as ContactFolder : store.root;
    const folder = store.createFolder(path[path.length - 1], parent);
    made.set(path.join('/'), folder);
    for (const [givenName, surname, companyName, jobTitle] of people) {
      const createdAt = now - own.int(10, 200) * DAY + own.int(0, 86_399_999);
      store.create(folder, fieldsFor(givenName, surname, companyName, jobTitle, `+44 20 7946 0${own.int(100, 999)}`), createdAt);
    }
  }
}
