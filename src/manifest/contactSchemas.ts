/**
 * The contact pieces of the steps' in/out metadata, written once for the five contact steps that
 * take or return a contact (the validation is validation/contact.ts, what is read graph/contacts.ts
 * CONTACT_FIELDS). Kept beside schemas.ts, from whose primitives they are built.
 */
import { instant, list, object, strings, text } from './schemas';
import type { Properties, Schema } from './schemas';

const ADDRESS_IN = (title: string, whose: string): Schema => object(title, `${whose} postal address; give the parts you have. As a whole: what is given replaces the address Outlook had.`, {
  street: text('Street', 'Street and number; may take two lines.'),
  city: text('City', 'City.'),
  state: text('State or province', 'State or province.'),
  postalCode: text('Postal code', 'Postal code.'),
  countryOrRegion: text('Country or region', 'Country or region.'),
});

/** The contact properties an action takes (Create Contact, Update Contact, Create or Update Contact). */
export const contactInputProperties: Properties = {
  givenName: text('First name', 'Given name, up to 255 characters.'),
  middleName: text('Middle name', 'Middle name, up to 255 characters.'),
  surname: text('Last name', 'Surname, up to 255 characters.'),
  displayName: text('Display name', 'Up to 255 characters. Empty: Outlook makes one from the names (first, middle, last).'),
  nickName: text('Nickname', 'Up to 255 characters.'),
  emailAddresses: text('Email addresses', 'At most 3 (Outlook\'s limit): an address, "Name <address>", several separated by commas or semicolons, or a list of them or of {address, name}.'),
  businessPhones: text('Business phones', 'At most 2 (Outlook\'s limit): a number, two separated by a semicolon, or a list.'),
  homePhones: text('Home phones', 'At most 2 (Outlook\'s limit): a number, two separated by a semicolon, or a list.'),
  mobilePhone: text('Mobile phone', 'One number.'),
  companyName: text('Company', 'Up to 255 characters.'),
  jobTitle: text('Job title', 'Up to 255 characters.'),
  department: text('Department', 'Up to 255 characters.'),
  businessAddress: ADDRESS_IN('Business address', 'The business'),
  homeAddress: ADDRESS_IN('Home address', 'The home'),
  otherAddress: ADDRESS_IN('Other address', 'Another'),
  birthday: text('Birthday', 'A date, 1974-07-22 (of a date-time, its date as written counts).'),
  categories: text('Categories', 'Outlook category names, comma-separated or a list; at most 25.'),
  personalNotes: text('Notes', 'Your notes about the contact, up to 1 MB of text.'),
};

const ADDRESS_OUT = (title: string, whose: string): Schema => object(title, `${whose} postal address; a part Outlook has none of is left out (an empty object when it has none).`, {
  street: text('Street', 'Street and number.'),
  city: text('City', 'City.'),
  state: text('State or province', 'State or province.'),
  postalCode: text('Postal code', 'Postal code.'),
  countryOrRegion: text('Country or region', 'Country or region.'),
});

const NULL_WHEN_NONE = 'null when Outlook has none.';

/** A contact as the steps emit it (graph/contacts.ts contactOutput, and the trigger's $select). */
export const contactOutputProperties: Properties = {
  id: text('Contact id', "Outlook's id of the contact (immutable: it survives moves)."),
  changeKey: text('Change key', 'Changes with every change of the contact.'),
  parentFolderId: text('Contact folder id', 'The id of the folder the contact is in.'),
  displayName: text('Display name', `The name Outlook shows; ${NULL_WHEN_NONE}`),
  givenName: text('First name', `Given name; ${NULL_WHEN_NONE}`),
  middleName: text('Middle name', `Middle name; ${NULL_WHEN_NONE}`),
  surname: text('Last name', `Surname; ${NULL_WHEN_NONE}`),
  nickName: text('Nickname', `Nickname; ${NULL_WHEN_NONE}`),
  emailAddresses: list('Email addresses', 'Up to 3 addresses, each with the name Outlook shows for it.', {
    type: 'object',
    properties: {
      name: text('Name', 'The name shown for the address.'),
      address: text('Address', 'SMTP address.'),
    },
  }),
  businessPhones: strings('Business phones', 'Up to 2 numbers.'),
  homePhones: strings('Home phones', 'Up to 2 numbers.'),
  mobilePhone: text('Mobile phone', `The number; ${NULL_WHEN_NONE}`),
  companyName: text('Company', `Company name; ${NULL_WHEN_NONE}`),
  jobTitle: text('Job title', `Job title; ${NULL_WHEN_NONE}`),
  department: text('Department', `Department; ${NULL_WHEN_NONE}`),
  businessAddress: ADDRESS_OUT('Business address', 'The business'),
  homeAddress: ADDRESS_OUT('Home address', 'The home'),
  otherAddress: ADDRESS_OUT('Other address', 'Another'),
  birthday: instant('Birthday', `The date is the birthday (ISO 8601, UTC; Outlook keeps a time of day that means nothing); ${NULL_WHEN_NONE}`),
  categories: strings('Categories', 'Outlook category names on the contact.'),
  personalNotes: text('Notes', `The notes about the contact; ${NULL_WHEN_NONE}`),
  createdDateTime: instant('Created', 'When the contact was created (ISO 8601, UTC).'),
  lastModifiedDateTime: instant('Last modified', 'When the contact was last changed (ISO 8601, UTC).'),
};
