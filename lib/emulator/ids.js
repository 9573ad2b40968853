"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.isWellFormedId = isWellFormedId;
exports.deterministicGuid = deterministicGuid;
exports.createIdFactory = createIdFactory;
const node_crypto_1 = require("node:crypto");
const rng_1 = require("./rng");
/** Leading bytes differ per kind, as they do in Exchange (item ids vs folder ids vs immutable ids). */
const SHAPES = {
    message: { prefix: 'AAMkAG', marker: 'BGAAAAAA', tailBytes: 66 },
    immutableMessage: { prefix: 'AAkALg', marker: 'AAAAAAAA', tailBytes: 66 },
    conversation: { prefix: 'AAQkAG', marker: 'AQAQAA', tailBytes: 16 },
    folder: { prefix: 'AAMkAG', marker: 'AuAAAAAA', tailBytes: 40 },
    event: { prefix: 'AAMkAG', marker: 'BGAAAAAA', tailBytes: 66 },
    calendar: { prefix: 'AAMkAG', marker: 'BGAAAAAA', tailBytes: 46 },
    contact: { prefix: 'AAMkAG', marker: 'BGAAAAAA', tailBytes: 66 },
    attachment: { prefix: 'AAMkAG', marker: 'BEgAQA', tailBytes: 84 },
};
/** What a client may send as an id before we even look it up (ErrorInvalidIdMalformed otherwise). */
const WELL_FORMED = /^AA[A-Za-z0-9_\-+/]{40,}={0,2}$/;
function isWellFormedId(id) {
    return WELL_FORMED.test(id);
}
/** A deterministic v4-shaped GUID, for tenant and user ids. */
function deterministicGuid(...parts) {
    const b = (0, node_crypto_1.createHash)('sha256').update(parts.join('|')).digest().subarray(0, 16);
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    const h = b.toString('hex');
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
function createIdFactory(seed, mailboxGuid) {
    const rng = (0, rng_1.createRng)((0, node_crypto_1.createHash)('sha256').update(`${seed}|${mailboxGuid}`).digest().readUInt32LE(0));
    const bytes = (length) => {
        const out = Buffer.allocUnsafe(length);
        for (let i = 0; i < length; i += 1)
            out[i] = Math.floor(rng.next() * 256);
        return out;
    };
    // Exchange ids embed the mailbox GUID as ASCII: that part is constant within a mailbox.
    const mailboxPart = Buffer.from(mailboxGuid, 'ascii').toString('base64url').slice(2);
    return {
        next(kind) {
            const shape = SHAPES[kind];
            return `${shape.prefix}${mailboxPart}${shape.marker}${bytes(shape.tailBytes).toString('base64url')}AAA=`;
        },
        changeKey: () => `CQAAABYAAAA${bytes(18).toString('base64').replace(/[+/]/g, 'A')}`,
        hex: (length) => bytes(length).toString('hex').toUpperCase(),
    };
}
