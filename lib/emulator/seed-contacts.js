"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.seedContacts = seedContacts;
/**
 * Seeded contacts: eight in the primary mailbox's default Contacts folder (the draws of the
 * primary's random stream are as they always were), and a folder tree under it (Suppliers >
 * Europe, Family) with a few contacts each, from a stream of their own.
 */
const contacts_1 = require("./contacts");
const directory_1 = require("./directory");
const rng_1 = require("./rng");
const DAY = 24 * 3600 * 1000;
const CONTACTS = [
    ['Alex', 'Wilber', 'Contoso', 'Marketing Assistant'], ['Diego', 'Siciliani', 'Contoso', 'HR Manager'],
    ['Isaiah', 'Langer', 'Contoso', 'Sales Rep'], ['Lidia', 'Holloway', 'Contoso', 'Product Manager'],
    ['Nestor', 'Wilke', 'Contoso', 'Director'], ['Patti', "O'Brien", 'Tailspin Toys', 'Buyer'],
    ['Lynne', 'Robbins', 'Fabrikam', 'Planner'], ['Joni', 'Sherman', 'Northwind', 'Paralegal'],
];
/** Folder path under the default Contacts folder -> contacts in it. */
const FOLDERS = [
    [['Suppliers'], [['Hanna', 'Moos', 'Adatum', 'Account Manager'], ['Raul', 'Razo', 'Litware', 'Sales Lead']]],
    [['Suppliers', 'Europe'], [['Lena', 'Fischer', 'Wingtip Toys', 'Buyer'], ['Marco', 'Rossi', 'Proseware', 'Engineer'], ['Sofie', 'Jensen', 'Relecloud', 'Consultant']]],
    [['Family'], [['Emma', 'Vance', '', '']]],
];
function fieldsFor(givenName, surname, companyName, jobTitle, phone) {
    const domain = companyName === 'Contoso' ? directory_1.TENANT_DOMAIN : `${(companyName || 'family').split(' ')[0].toLowerCase()}.example`;
    const fields = {
        ...(0, contacts_1.emptyContactFields)(),
        givenName,
        surname,
        emailAddresses: [{ name: `${givenName} ${surname}`, address: `${givenName}.${surname}@${domain}`.toLowerCase() }],
        companyName: companyName || null,
        jobTitle: jobTitle || null,
        businessPhones: [phone],
    };
    fields.displayName = (0, contacts_1.generatedDisplayName)(fields);
    fields.fileAs = (0, contacts_1.generatedFileAs)(fields);
    return fields;
}
function seedContacts(mailbox, now, rng, seed) {
    const store = mailbox.contacts;
    for (const [givenName, surname, companyName, jobTitle] of CONTACTS) {
        const createdAt = now - rng.int(30, 400) * DAY + rng.int(0, 86_399_999);
        store.create(store.root, fieldsFor(givenName, surname, companyName, jobTitle, `+1 555 01${rng.int(10, 99)}`), createdAt);
    }
    const own = (0, rng_1.createRng)(seed ^ 0x0c0ffee);
    const made = new Map();
    for (const [path, people] of FOLDERS) {
        const parent = path.length > 1 ? made.get(path.slice(0, -1).join('/')) : store.root;
        const folder = store.createFolder(path[path.length - 1], parent);
        made.set(path.join('/'), folder);
        for (const [givenName, surname, companyName, jobTitle] of people) {
            const createdAt = now - own.int(10, 200) * DAY + own.int(0, 86_399_999);
            store.create(folder, fieldsFor(givenName, surname, companyName, jobTitle, `+44 20 7946 0${own.int(100, 999)}`), createdAt);
        }
    }
}
