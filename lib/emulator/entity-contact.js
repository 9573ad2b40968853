"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.CONTACT = exports.CONTACT_SORT_KEYS = void 0;
/** microsoft.graph.contact, with the many empty fields Outlook returns for a sparse contact. */
const odata_1 = require("../graph/odata");
const entity_1 = require("./entity");
exports.CONTACT_SORT_KEYS = {
    createdDateTime: (c) => c.createdAt,
    lastModifiedDateTime: (c) => c.lastModifiedAt,
    displayName: (c) => c.displayName.toLowerCase(),
    givenName: (c) => c.givenName.toLowerCase(),
    surname: (c) => c.surname.toLowerCase(),
};
const none = () => null;
const emptyList = () => [];
const emptyAddress = () => ({});
const PROPERTIES = {
    id: (c) => c.id,
    createdDateTime: (c) => (0, odata_1.dateTimeLiteral)(c.createdAt),
    lastModifiedDateTime: (c) => (0, odata_1.dateTimeLiteral)(c.lastModifiedAt),
    changeKey: (c) => c.changeKey,
    categories: (c) => [...c.categories],
    parentFolderId: (c) => c.parentFolderId,
    birthday: none,
    fileAs: (c) => `${c.surname}, ${c.givenName}`,
    displayName: (c) => c.displayName,
    givenName: (c) => c.givenName,
    initials: none,
    middleName: none,
    nickName: none,
    surname: (c) => c.surname,
    title: none,
    yomiGivenName: none,
    yomiSurname: none,
    yomiCompanyName: none,
    generation: none,
    imAddresses: emptyList,
    jobTitle: (c) => c.jobTitle,
    companyName: (c) => c.companyName,
    department: none,
    officeLocation: none,
    profession: none,
    businessHomePage: none,
    assistantName: none,
    manager: none,
    homePhones: emptyList,
    mobilePhone: (c) => c.mobilePhone,
    businessPhones: (c) => [...c.businessPhones],
    spouseName: none,
    personalNotes: () => '',
    children: emptyList,
    emailAddresses: (c) => c.emailAddresses.map((e) => ({ ...e })),
    homeAddress: emptyAddress,
    businessAddress: emptyAddress,
    otherAddress: emptyAddress,
};
exports.CONTACT = {
    type: 'contact',
    properties: PROPERTIES,
    defaults: Object.keys(PROPERTIES),
    etag: (c) => (0, entity_1.weakEtag)(c.changeKey),
    filterable: {
        createdDateTime: { kind: 'datetime', get: (c) => c.createdAt },
        lastModifiedDateTime: { kind: 'datetime', get: (c) => c.lastModifiedAt },
        displayName: { kind: 'string', get: (c) => c.displayName },
        givenName: { kind: 'string', get: (c) => c.givenName },
        surname: { kind: 'string', get: (c) => c.surname },
    },
    sortable: exports.CONTACT_SORT_KEYS,
    defaultOrder: { key: 'displayName', desc: false },
    visibleFrom: 'createdDateTime',
    orderByMustLeadFilter: false,
};
