"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.USER = void 0;
const PROPERTIES = {
    id: (u) => u.id,
    businessPhones: (u) => [...u.businessPhones],
    displayName: (u) => u.displayName,
    givenName: (u) => u.givenName,
    jobTitle: (u) => u.jobTitle,
    mail: (u) => u.mail,
    mobilePhone: (u) => u.mobilePhone,
    officeLocation: (u) => u.officeLocation,
    preferredLanguage: (u) => u.preferredLanguage,
    surname: (u) => u.surname,
    userPrincipalName: (u) => u.userPrincipalName,
};
exports.USER = {
    type: 'user',
    properties: PROPERTIES,
    defaults: Object.keys(PROPERTIES),
};
