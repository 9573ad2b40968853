"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.CONTACT_FOLDER = exports.CONTACT = void 0;
exports.extendedPropertyKey = extendedPropertyKey;
/**
 * microsoft.graph.contact and microsoft.graph.contactFolder as Graph renders them: every property,
 * null or empty where a contact has no value, in the order of the published examples
 * (api-reference/v1.0/api/contact-get.md). Timestamps are whole seconds, like mail's.
 */
const odata_1 = require("../graph/odata");
const contacts_1 = require("./contacts");
const entity_1 = require("./entity");
function address(a) {
    const out = {};
    for (const part of contacts_1.ADDRESS_PARTS)
        if (a[part] !== undefined)
            out[part] = a[part];
    return out;
}
const PROPERTIES = {
    id: (c) => c.id,
    createdDateTime: (c) => (0, odata_1.dateTimeLiteral)(c.createdAt),
    lastModifiedDateTime: (c) => (0, odata_1.dateTimeLiteral)(c.lastModifiedAt),
    changeKey: (c) => c.changeKey,
    categories: (c) => [...c.categories],
    parentFolderId: (c) => c.parentFolderId,
    birthday: (c) => (c.birthday === null ? null : (0, odata_1.dateTimeLiteral)(c.birthday)),
    fileAs: (c) => c.fileAs,
    displayName: (c) => c.displayName,
    givenName: (c) => c.givenName,
    initials: (c) => c.initials,
    middleName: (c) => c.middleName,
    nickName: (c) => c.nickName,
    surname: (c) => c.surname,
    title: (c) => c.title,
    yomiGivenName: (c) => c.yomiGivenName,
    yomiSurname: (c) => c.yomiSurname,
    yomiCompanyName: (c) => c.yomiCompanyName,
    generation: (c) => c.generation,
    emailAddresses: (c) => c.emailAddresses.map((e) => ({ name: e.name, address: e.address })),
    imAddresses: (c) => [...c.imAddresses],
    jobTitle: (c) => c.jobTitle,
    companyName: (c) => c.companyName,
    department: (c) => c.department,
    officeLocation: (c) => c.officeLocation,
    profession: (c) => c.profession,
    businessHomePage: (c) => c.businessHomePage,
    assistantName: (c) => c.assistantName,
    manager: (c) => c.manager,
    homePhones: (c) => [...c.homePhones],
    mobilePhone: (c) => c.mobilePhone,
    businessPhones: (c) => [...c.businessPhones],
    homeAddress: (c) => address(c.homeAddress),
    businessAddress: (c) => address(c.businessAddress),
    otherAddress: (c) => address(c.otherAddress),
    spouseName: (c) => c.spouseName,
    personalNotes: (c) => c.personalNotes,
    children: (c) => [...c.children],
};
const text = (get) => ({ kind: 'string', get: (c) => get(c) ?? '' });
/**
 * An extended property id `{type} {guid} Name {name}`: Exchange compares the type and the GUID in
 * any letter case, the name exactly (singlevaluelegacyextendedproperty-get.md: "Filtering the string
 * name (Name) in the id of an extended property is case-sensitive").
 */
function extendedPropertyKey(id) {
    const m = /^(\S+)\s+\{([0-9a-f-]+)\}\s+(Name|Id)\s+(.+)$/i.exec(id.trim());
    return m ? `${m[1].toLowerCase()} {${m[2].toLowerCase()}} ${m[3].toLowerCase()} ${m[3].toLowerCase() === 'id' ? m[4].toLowerCase() : m[4]}` : id;
}
function matchesExtended(contact, clauses) {
    return [...contact.extendedProperties].some(([id, value]) => clauses.every((c) => {
        if (c.sub === 'id')
            return extendedPropertyKey(id) === extendedPropertyKey(c.value);
        // "Filtering the value property of an extended property is case-insensitive."
        const same = value.toLowerCase() === c.value.toLowerCase();
        return c.op === 'eq' ? same : !same;
    }));
}
exports.CONTACT = {
    type: 'contact',
    properties: PROPERTIES,
    defaults: Object.keys(PROPERTIES),
    etag: (c) => (0, entity_1.weakEtag)(c.changeKey),
    filterable: {
        createdDateTime: { kind: 'datetime', get: (c) => c.createdAt },
        lastModifiedDateTime: { kind: 'datetime', get: (c) => c.lastModifiedAt },
        displayName: text((c) => c.displayName),
        givenName: text((c) => c.givenName),
        middleName: text((c) => c.middleName),
        surname: text((c) => c.surname),
        nickName: text((c) => c.nickName),
        fileAs: text((c) => c.fileAs),
        companyName: text((c) => c.companyName),
        jobTitle: text((c) => c.jobTitle),
        department: text((c) => c.department),
        // user-list-contacts.md: "you can use $filter, any, and the eq operator on only the address
        // sub-property of instances in an emailAddresses collection"; Exchange compares in any letter case.
        emailAddresses: {
            kind: 'lambda',
            clauses: { address: ['eq'] },
            required: ['address'],
            any: (c, clauses) => c.emailAddresses.some((e) => clauses.every((clause) => e.address.toLowerCase() === clause.value.toLowerCase())),
        },
        // singlevaluelegacyextendedproperty-get.md: an `eq` on the id, and `eq` or `ne` on a string value.
        singleValueExtendedProperties: {
            kind: 'lambda',
            clauses: { id: ['eq'], value: ['eq', 'ne'] },
            required: ['id'],
            any: matchesExtended,
        },
    },
    sortable: contacts_1.CONTACT_SORT_KEYS,
    defaultOrder: { key: 'displayName', desc: false },
    visibleFrom: 'createdDateTime',
    orderByMustLeadFilter: false,
};
const FOLDER_PROPERTIES = {
    id: (f) => f.id,
    displayName: (f) => f.displayName,
    parentFolderId: (f) => f.parentFolderId,
};
exports.CONTACT_FOLDER = {
    type: 'contactFolder',
    properties: FOLDER_PROPERTIES,
    defaults: Object.keys(FOLDER_PROPERTIES),
    filterable: { displayName: { kind: 'string', get: (f) => f.displayName } },
    sortable: { seq: (f) => f.seq, displayName: (f) => f.displayName.toLowerCase() },
    defaultOrder: { key: 'seq', desc: false },
    orderByMustLeadFilter: false,
};
