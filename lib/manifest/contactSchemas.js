"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.contactOutputProperties = exports.contactInputProperties = void 0;
/**
 * The contact pieces of the steps' in/out metadata, written once for the five contact steps that
 * take or return a contact (the validation is validation/contact.ts, what is read graph/contacts.ts
 * CONTACT_FIELDS). Kept beside schemas.ts, from whose primitives they are built.
 */
const schemas_1 = require("./schemas");
const ADDRESS_IN = (title, whose) => (0, schemas_1.object)(title, `${whose} postal address; give the parts you have. As a whole: what is given replaces the address Outlook had.`, {
    street: (0, schemas_1.text)('Street', 'Street and number; may take two lines.'),
    city: (0, schemas_1.text)('City', 'City.'),
    state: (0, schemas_1.text)('State or province', 'State or province.'),
    postalCode: (0, schemas_1.text)('Postal code', 'Postal code.'),
    countryOrRegion: (0, schemas_1.text)('Country or region', 'Country or region.'),
});
/** The contact properties an action takes (Create Contact, Update Contact, Create or Update Contact). */
exports.contactInputProperties = {
    givenName: (0, schemas_1.text)('First name', 'Given name, up to 255 characters.'),
    middleName: (0, schemas_1.text)('Middle name', 'Middle name, up to 255 characters.'),
    surname: (0, schemas_1.text)('Last name', 'Surname, up to 255 characters.'),
    displayName: (0, schemas_1.text)('Display name', 'Up to 255 characters. Empty: Outlook makes one from the names (first, middle, last).'),
    nickName: (0, schemas_1.text)('Nickname', 'Up to 255 characters.'),
    emailAddresses: (0, schemas_1.text)('Email addresses', 'At most 3 (Outlook\'s limit): an address, "Name <address>", several separated by commas or semicolons, or a list of them or of {address, name}.'),
    businessPhones: (0, schemas_1.text)('Business phones', 'At most 2 (Outlook\'s limit): a number, two separated by a semicolon, or a list.'),
    homePhones: (0, schemas_1.text)('Home phones', 'At most 2 (Outlook\'s limit): a number, two separated by a semicolon, or a list.'),
    mobilePhone: (0, schemas_1.text)('Mobile phone', 'One number.'),
    companyName: (0, schemas_1.text)('Company', 'Up to 255 characters.'),
    jobTitle: (0, schemas_1.text)('Job title', 'Up to 255 characters.'),
    department: (0, schemas_1.text)('Department', 'Up to 255 characters.'),
    businessAddress: ADDRESS_IN('Business address', 'The business'),
    homeAddress: ADDRESS_IN('Home address', 'The home'),
    otherAddress: ADDRESS_IN('Other address', 'Another'),
    birthday: (0, schemas_1.text)('Birthday', 'A date, 1974-07-22 (of a date-time, its date as written counts).'),
    categories: (0, schemas_1.text)('Categories', 'Outlook category names, comma-separated or a list; at most 25.'),
    personalNotes: (0, schemas_1.text)('Notes', 'Your notes about the contact, up to 1 MB of text.'),
};
const ADDRESS_OUT = (title, whose) => (0, schemas_1.object)(title, `${whose} postal address; a part Outlook has none of is left out (an empty object when it has none).`, {
    street: (0, schemas_1.text)('Street', 'Street and number.'),
    city: (0, schemas_1.text)('City', 'City.'),
    state: (0, schemas_1.text)('State or province', 'State or province.'),
    postalCode: (0, schemas_1.text)('Postal code', 'Postal code.'),
    countryOrRegion: (0, schemas_1.text)('Country or region', 'Country or region.'),
});
const NULL_WHEN_NONE = 'null when Outlook has none.';
/** A contact as the steps emit it (graph/contacts.ts contactOutput, and the trigger's $select). */
exports.contactOutputProperties = {
    id: (0, schemas_1.text)('Contact id', "Outlook's id of the contact (immutable: it survives moves)."),
    changeKey: (0, schemas_1.text)('Change key', 'Changes with every change of the contact.'),
    parentFolderId: (0, schemas_1.text)('Contact folder id', 'The id of the folder the contact is in.'),
    displayName: (0, schemas_1.text)('Display name', `The name Outlook shows; ${NULL_WHEN_NONE}`),
    givenName: (0, schemas_1.text)('First name', `Given name; ${NULL_WHEN_NONE}`),
    middleName: (0, schemas_1.text)('Middle name', `Middle name; ${NULL_WHEN_NONE}`),
    surname: (0, schemas_1.text)('Last name', `Surname; ${NULL_WHEN_NONE}`),
    nickName: (0, schemas_1.text)('Nickname', `Nickname; ${NULL_WHEN_NONE}`),
    emailAddresses: (0, schemas_1.list)('Email addresses', 'Up to 3 addresses, each with the name Outlook shows for it.', {
        type: 'object',
        properties: {
            name: (0, schemas_1.text)('Name', 'The name shown for the address.'),
            address: (0, schemas_1.text)('Address', 'SMTP address.'),
        },
    }),
    businessPhones: (0, schemas_1.strings)('Business phones', 'Up to 2 numbers.'),
    homePhones: (0, schemas_1.strings)('Home phones', 'Up to 2 numbers.'),
    mobilePhone: (0, schemas_1.text)('Mobile phone', `The number; ${NULL_WHEN_NONE}`),
    companyName: (0, schemas_1.text)('Company', `Company name; ${NULL_WHEN_NONE}`),
    jobTitle: (0, schemas_1.text)('Job title', `Job title; ${NULL_WHEN_NONE}`),
    department: (0, schemas_1.text)('Department', `Department; ${NULL_WHEN_NONE}`),
    businessAddress: ADDRESS_OUT('Business address', 'The business'),
    homeAddress: ADDRESS_OUT('Home address', 'The home'),
    otherAddress: ADDRESS_OUT('Other address', 'Another'),
    birthday: (0, schemas_1.instant)('Birthday', `The date is the birthday (ISO 8601, UTC; Outlook keeps a time of day that means nothing); ${NULL_WHEN_NONE}`),
    categories: (0, schemas_1.strings)('Categories', 'Outlook category names on the contact.'),
    personalNotes: (0, schemas_1.text)('Notes', `The notes about the contact; ${NULL_WHEN_NONE}`),
    createdDateTime: (0, schemas_1.instant)('Created', 'When the contact was created (ISO 8601, UTC).'),
    lastModifiedDateTime: (0, schemas_1.instant)('Last modified', 'When the contact was last changed (ISO 8601, UTC).'),
};
