"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.MARKER_PROPERTY = exports.CONTACT_FIELDS = exports.DEFAULT_CONTACT_FOLDER = void 0;
exports.isDefaultContactFolder = isDefaultContactFolder;
exports.contactsPath = contactsPath;
exports.contactPath = contactPath;
exports.listContactFolders = listContactFolders;
exports.byCreation = byCreation;
exports.findByAddress = findByAddress;
exports.findByDisplayName = findByDisplayName;
exports.markerOf = markerOf;
exports.markerValue = markerValue;
exports.findByMarker = findByMarker;
exports.contactOutput = contactOutput;
exports.generatedDisplayName = generatedDisplayName;
/**
 * Contacts in Graph: where a folder's contacts are, the contact folders of a mailbox (Graph lists
 * the folders under the default Contacts folder at `/contactFolders` and their children one level
 * at a time, with no child count, so every folder is asked for its children), the properties the
 * contact steps read, and finding contacts by address, display name or a marker this component
 * wrote (a single-value extended property).
 */
const node_crypto_1 = require("node:crypto");
const fields_1 = require("../validation/fields");
const odata_1 = require("./odata");
/** The value of a contact folder field that names the default Contacts folder itself. */
exports.DEFAULT_CONTACT_FOLDER = 'contacts';
/** What every contact step reads and emits, in the order the output schemas show it. */
exports.CONTACT_FIELDS = [
    'id', 'changeKey', 'parentFolderId', 'displayName', 'givenName', 'middleName', 'surname', 'nickName',
    'emailAddresses', 'businessPhones', 'homePhones', 'mobilePhone', 'companyName', 'jobTitle', 'department',
    'businessAddress', 'homeAddress', 'otherAddress', 'birthday', 'categories', 'personalNotes',
    'createdDateTime', 'lastModifiedDateTime',
];
/** Whether a folder field names the default Contacts folder (empty, or `contacts` in any case). */
function isDefaultContactFolder(folderId) {
    return (0, fields_1.isAbsent)(folderId) || (typeof folderId === 'string' && folderId.trim().toLowerCase() === exports.DEFAULT_CONTACT_FOLDER);
}
/** The contacts of a folder: `/contacts` for the default one, `/contactFolders/{id}/contacts` otherwise. */
function contactsPath(root, folderId, field = 'contactFolderId') {
    return isDefaultContactFolder(folderId) ? `${root}/contacts` : `${root}/contactFolders/${(0, odata_1.idSegment)(folderId, field)}/contacts`;
}
/** One contact, in whichever folder it is (Graph looks `/contacts/{id}` up in the whole mailbox). */
function contactPath(root, contactId, field = 'contactId') {
    return `${root}/contacts/${(0, odata_1.idSegment)(contactId, field)}`;
}
const FOLDER_QUERY = (0, odata_1.queryString)({ select: ['id', 'displayName'], top: 250 });
/** Every folder under the default Contacts folder, nested ones by path, sorted by path. */
async function listContactFolders(session, rootName = 'Contacts') {
    const result = [];
    let level = (await session.all(`${session.root}/contactFolders${FOLDER_QUERY}`))
        .map((folder) => ({ id: folder.id, path: `${rootName} / ${folder.displayName ?? ''}` }));
    while (level.length) {
        result.push(...level);
        const children = await Promise.all(level.map(async ({ id, path }) => {
            const kids = await session.all(`${session.root}/contactFolders/${(0, odata_1.idSegment)(id, 'contactFolderId')}/childFolders${FOLDER_QUERY}`);
            return kids.map((kid) => ({ id: kid.id, path: `${path} / ${kid.displayName ?? ''}` }));
        }));
        level = children.flat();
    }
    return result.sort((a, b) => a.path.localeCompare(b.path));
}
/** Oldest first, at whole seconds as Graph shows them; ties by id, which every run sees alike. */
function byCreation(a, b) {
    const [ta, tb] = [Date.parse(a.createdDateTime ?? ''), Date.parse(b.createdDateTime ?? '')];
    return (ta - tb) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}
async function findAll(session, collection, filter, select) {
    const contacts = [];
    let serverTime;
    for await (const page of session.pages(`${collection}${(0, odata_1.queryString)({ select, filter, top: 100 })}`)) {
        contacts.push(...page.items);
        serverTime ??= page.serverTime;
    }
    return { contacts: contacts.sort(byCreation), serverTime };
}
/**
 * The contacts of a folder with `address` among their email addresses. Graph takes only `any` with
 * `eq` on the address (user-list-contacts.md) and compares in any letter case; the answer is
 * checked again here, so that only exact matches (letter case aside) count.
 */
async function findByAddress(session, collection, address, select = exports.CONTACT_FIELDS) {
    const found = await findAll(session, collection, `emailAddresses/any(a:a/address eq ${(0, odata_1.stringLiteral)(address)})`, select);
    const wanted = address.toLowerCase();
    found.contacts = found.contacts.filter((c) => (c.emailAddresses ?? []).some((e) => (e.address ?? '').toLowerCase() === wanted));
    return found;
}
/** The contacts of a folder whose display name is `name` (letter case aside). */
async function findByDisplayName(session, collection, name) {
    const found = await findAll(session, collection, `displayName eq ${(0, odata_1.stringLiteral)(name)}`, exports.CONTACT_FIELDS);
    found.contacts = found.contacts.filter((c) => (c.displayName ?? '').toLowerCase() === name.toLowerCase());
    return found;
}
/**
 * The marker the component writes on the contacts it creates, so that a later run can tell them
 * from contacts people made: a named single-value extended property (extended-properties-overview.md)
 * in the component's own namespace. Its value says which create it was.
 */
exports.MARKER_PROPERTY = 'String {6b0f2a5e-8c3d-4e71-9a64-2f1d7c5b8e90} Name elasticioCreateKey';
function markerOf(value) {
    return { id: exports.MARKER_PROPERTY, value };
}
/** A marker value: `kind:` and a hash of the parts (JSON of them, so no two inputs run together). */
function markerValue(kind, ...parts) {
    return `${kind}:${(0, node_crypto_1.createHash)('sha256').update(JSON.stringify(parts)).digest('hex').slice(0, 32)}`;
}
/** Ids of the contacts of a folder that carry the marker `value` (singlevaluelegacyextendedproperty-get.md). */
async function findByMarker(session, collection, value, select = exports.CONTACT_FIELDS) {
    return findAll(session, collection, `singleValueExtendedProperties/any(ep: ep/id eq ${(0, odata_1.stringLiteral)(exports.MARKER_PROPERTY)} and ep/value eq ${(0, odata_1.stringLiteral)(value)})`, select);
}
/** The properties the contact steps emit, from what Graph returned: CONTACT_FIELDS, nothing else. */
function contactOutput(contact) {
    return Object.fromEntries(exports.CONTACT_FIELDS.map((field) => [field, contact[field] ?? defaultOf(field)]));
}
/** Graph leaves nothing out of a full contact; a narrower answer (a PATCH's) still emits every property. */
function defaultOf(field) {
    if (['emailAddresses', 'businessPhones', 'homePhones', 'categories'].includes(field))
        return [];
    if (field.endsWith('Address'))
        return {};
    return null;
}
/**
 * The display name Outlook gives a contact that has none: its name parts in order, else its first
 * address, else its company. A display name of another form was set on purpose.
 */
function generatedDisplayName(c) {
    const parts = [c.givenName, c.middleName, c.surname].filter((p) => Boolean(p && p.trim()));
    if (parts.length)
        return parts.join(' ');
    return c.emailAddresses?.[0]?.address ?? c.companyName ?? '';
}
