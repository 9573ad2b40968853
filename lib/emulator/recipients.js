"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.recipient = recipient;
exports.recipients = recipients;
exports.nameFromAddress = nameFromAddress;
exports.isValidAddress = isValidAddress;
// Responses always carry the name, and first; the component's toRecipients builds requests and leaves a missing name out.
function recipient(address) {
    return { emailAddress: { name: address.name, address: address.address } };
}
function recipients(list) {
    return list.map(recipient);
}
/** 'megan.bowen@contoso.example' -> 'Megan Bowen': what Exchange shows for an unresolved address. */
function nameFromAddress(address) {
    const local = address.split('@')[0] ?? address;
    return local.split(/[._-]+/).filter(Boolean).map((w) => w[0].toUpperCase() + w.slice(1)).join(' ') || address;
}
const ADDRESS = /^[^\s@<>()",;]+@[^\s@<>()",;]+\.[^\s@<>()",;]+$/;
// Looser than the component's isEmailAddress on purpose: Graph takes most address shapes and lets delivery fail later (NDR).
function isValidAddress(address) {
    return typeof address === 'string' && ADDRESS.test(address);
}
