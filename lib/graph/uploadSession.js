"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.SHARED_MAILBOX_LIMIT = exports.UPLOAD_SESSION_MIN_BYTES = exports.UPLOAD_CHUNK_BYTES = void 0;
exports.nextExpectedOffset = nextExpectedOffset;
exports.uploadLargeAttachment = uploadLargeAttachment;
/**
 * Attaching a large file (up to 150 MB) to a draft through an upload session, as Microsoft
 * documents it ("Attach large files to Outlook messages or events"): POST createUploadSession,
 * then PUT the bytes in order, in ranges under 4 MB, to the uploadUrl Graph returned. That URL
 * carries its own authorisation, so the PUTs go out WITHOUT an Authorization header (and not
 * through Graph's client, which would add one).
 *
 * Only the current range is in memory. A PUT refused with 429 is repeated after its Retry-After,
 * measured against the answer's own Date. A PUT whose answer was lost (reset, deadline, 5xx) is
 * not guessed at: the upload URL is asked where the session stands (`nextExpectedRanges`) and the
 * upload resumes from there, re-opening the source if it must go further back than the current
 * range. The session's expiry is read on Graph's clock.
 */
const node_http_1 = __importDefault(require("node:http"));
const node_https_1 = __importDefault(require("node:https"));
const node_perf_hooks_1 = require("node:perf_hooks");
const errors_1 = require("./errors");
const httpDate_1 = require("./httpDate");
const retry_1 = require("./retry");
const attachments_1 = require("./attachments");
const echo_1 = require("../validation/echo");
/**
 * Bytes per PUT: 12 x 320 KiB = 3,932,160. Under 4 MB in both readings (4,000,000 and 4 MiB),
 * as Microsoft asks; a multiple of 320 KiB, the fragment size OneDrive's sessions require, in
 * case Outlook's ever does; and almost twice Microsoft's example of 2 MiB, so a 150 MB file takes
 * 39 PUTs instead of 72 against the mailbox's request budget (10,000 per 10 minutes), while the
 * one range held in memory stays under 4 MB.
 */
exports.UPLOAD_CHUNK_BYTES = 12 * 320 * 1024;
/** Microsoft's "under 4 MB": no range may reach it. */
const MAX_CHUNK_BYTES = 4_000_000;
/**
 * Graph refuses an upload session for a small file (ErrorAttachmentSizeShouldNotBeLessThanMinimumSize;
 * the documents say "3 MB", users measured 2 MiB). Files that fit one request never take this path.
 */
exports.UPLOAD_SESSION_MIN_BYTES = 2 * 1024 * 1024;
/** Deadline of one PUT: a minute plus a range at 256 KiB/s. */
const CHUNK_TIMEOUT_MS = 60_000 + Math.ceil((exports.UPLOAD_CHUNK_BYTES / (256 * 1024)) * 1000);
exports.SHARED_MAILBOX_LIMIT = 'Microsoft documents that with delegated permissions, attaching large files (upload sessions) to items in a shared or delegated mailbox fails with 403, while app-only (application) permissions work: if this is a shared or another user\'s mailbox, send from the signed-in user\'s own mailbox, keep each file under 3 MB, or use an app-only credential; otherwise check the mailbox permissions.';
const count = (n) => n.toLocaleString('en-US');
const defaultSleep = (ms) => new Promise((resolve) => { setTimeout(resolve, ms); });
function uploadError(field, detail, status, code) {
    return new errors_1.GraphRequestError(`${field}: ${detail}`, status, code, undefined);
}
/** The first byte Graph still expects, from nextExpectedRanges ("2097152-", "2097152", "1998457-2097094"); undefined when none. */
function nextExpectedOffset(ranges) {
    if (!Array.isArray(ranges))
        return undefined;
    const starts = ranges.map((r) => /^(\d+)(?:-\d*)?$/.exec(String(r).trim())).filter(Boolean).map((m) => Number(m[1]));
    return starts.length ? Math.min(...starts) : undefined;
}
/** Reads a source in ranges, keeping only the current one; going back before it re-opens the source. */
class RangeReader {
    open;
    field;
    size;
    source;
    chunks;
    /** Bytes taken from the source so far (the leftover included). */
    position = 0;
    leftover;
    buffer;
    current;
    constructor(open, chunkBytes, field, size) {
        this.open = open;
        this.field = field;
        this.size = size;
        this.buffer = Buffer.allocUnsafe(chunkBytes);
    }
    /** Bytes [start, start + length) of the file. */
    async range(start, length) {
        const held = this.current;
        if (held && start >= held.start && start + length <= held.start + held.length) {
            return this.buffer.subarray(start - held.start, start - held.start + length);
        }
        this.current = undefined;
        if (!this.chunks || start < this.position - (this.leftover?.length ?? 0))
            await this.reopen();
        await this.skipTo(start);
        let filled = 0;
        while (filled < length) {
            const piece = this.leftover ?? await this.next();
            this.leftover = undefined;
            if (!piece)
                throw this.shorter(start + filled);
            const take = Math.min(piece.length, length - filled);
            piece.copy(this.buffer, filled, 0, take);
            filled += take;
            if (take < piece.length)
                this.leftover = piece.subarray(take);
        }
        this.current = { start, length };
        if (start + length === this.size)
            await this.expectEnd();
        return this.buffer.subarray(0, length);
    }
    close() {
        this.source?.destroy();
    }
    async reopen() {
        this.close();
        this.source = await this.open();
        this.chunks = this.source[Symbol.asyncIterator]();
        this.position = 0;
        this.leftover = undefined;
    }
    async next() {
        const { value, done } = await this.chunks.next();
        if (done)
            return undefined;
        this.position += value.length;
        return value;
    }
    async skipTo(start) {
        let at = this.position - (this.leftover?.length ?? 0);
        while (at < start) {
            const piece = this.leftover ?? await this.next();
            this.leftover = undefined;
            if (!piece)
                throw this.shorter(at);
            if (at + piece.length > start)
                this.leftover = piece.subarray(start - at);
            at = Math.min(at + piece.length, start);
        }
    }
    /** Before the last range goes out: a source longer than declared must not complete the attachment cut short. */
    async expectEnd() {
        const more = this.leftover ?? await this.next();
        if (more && more.length) {
            throw uploadError(this.field, `the file has more bytes than the ${count(this.size)} it was declared with; it was not attached. Check the size the previous step gave the file`);
        }
    }
    shorter(at) {
        return uploadError(this.field, `the file ended after ${count(at)} bytes, but was declared with ${count(this.size)}; it was not attached. Check the size the previous step gave the file`);
    }
}
/**
 * One exchange with the upload URL through Node's own HTTP client rather than fetch, which copies
 * every request body (a range: 4 MB of garbage per PUT). The answers are small JSON, read whole.
 */
function exchange(url, method, headers, body, timeoutMs) {
    return new Promise((resolve, reject) => {
        const target = new URL(url);
        const client = target.protocol === 'https:' ? node_https_1.default : node_http_1.default;
        const request = client.request(target, { method, headers, signal: AbortSignal.timeout(timeoutMs) }, (answer) => {
            const chunks = [];
            answer.on('data', (chunk) => chunks.push(chunk));
            answer.on('error', reject);
            answer.on('end', () => {
                const text = chunks.length ? Buffer.concat(chunks).toString('utf8') : null;
                resolve(new Response(text, { status: answer.statusCode ?? 0, headers: headerPairs(answer.headers) }));
            });
        });
        request.on('error', reject);
        request.end(body);
    });
}
function headerPairs(headers) {
    return Object.entries(headers).flatMap(([name, value]) => (value === undefined ? [] : [[name, Array.isArray(value) ? value.join(', ') : value]]));
}
async function answerCode(response) {
    try {
        const body = await response.json();
        return typeof body?.error?.code === 'string' ? body.error.code : undefined;
    }
    catch {
        return undefined;
    }
}
function attachmentIdFrom(location) {
    const match = location ? /Attachments\('([^']+)'\)/i.exec(location) : null;
    return match ? decodeURIComponent(match[1]) : undefined;
}
/**
 * Uploads `file` (exactly `file.size` bytes from `open()`) to the item at `messagePath`, normally
 * a draft, through an upload session. `open` may be called again to resume before the current
 * range; each call must return the file from its first byte.
 */
async function uploadLargeAttachment(session, messagePath, file, open, options = {}) {
    const field = `attachments[${(0, echo_1.quote)(file.name.slice(0, 60))}]`;
    const chunkBytes = options.chunkBytes ?? exports.UPLOAD_CHUNK_BYTES;
    if (!Number.isInteger(chunkBytes) || chunkBytes < 1 || chunkBytes >= MAX_CHUNK_BYTES)
        throw new RangeError(`chunkBytes must be 1 to ${MAX_CHUNK_BYTES - 1}`);
    if (!Number.isInteger(file.size) || file.size < 1)
        throw uploadError(field, 'an upload session needs the file\'s exact size, at least one byte');
    const limits = { ...retry_1.DEFAULT_RETRY_LIMITS, ...options.retry };
    const sleep = options.sleep ?? defaultSleep;
    const chunkTimeoutMs = options.chunkTimeoutMs ?? CHUNK_TIMEOUT_MS;
    let created;
    try {
        created = await session.post(`${messagePath}/attachments/createUploadSession`, {
            AttachmentItem: {
                attachmentType: 'file',
                name: file.name,
                size: file.size,
                contentType: file.contentType,
                ...(file.isInline ? { isInline: true } : {}),
                ...(file.contentId ? { contentId: file.contentId } : {}),
            },
            // A session nobody uploads to attaches nothing and expires: repeating the create is harmless.
        }, { idempotent: true });
    }
    catch (err) {
        if (err instanceof errors_1.GraphRequestError && err.statusCode === 403) {
            throw new errors_1.GraphRequestError(`${field}: ${err.message} ${exports.SHARED_MAILBOX_LIMIT}`, err.statusCode, err.code, err.requestId);
        }
        if (err instanceof errors_1.GraphRequestError)
            throw new errors_1.GraphRequestError(`${field}: ${err.message}`, err.statusCode, err.code, err.requestId);
        throw err;
    }
    const uploadUrl = created.body?.uploadUrl;
    if (typeof uploadUrl !== 'string' || !/^https?:\/\//.test(uploadUrl) || !URL.canParse(uploadUrl)) {
        throw uploadError(field, 'Graph created an upload session without a usable uploadUrl; retry the message');
    }
    const shownUrl = new URL(uploadUrl).host;
    // The session's end on Graph's clock: Graph's Date when it answered, plus the time since.
    const expiresAt = Date.parse(created.body.expirationDateTime ?? '');
    const graphAtCreate = (0, httpDate_1.parseHttpDate)(created.headers.get('date'));
    const localAtCreate = node_perf_hooks_1.performance.now();
    const graphNow = () => (graphAtCreate === undefined ? undefined : graphAtCreate + (node_perf_hooks_1.performance.now() - localAtCreate));
    const expiryText = Number.isFinite(expiresAt) ? ` (Graph set it to expire at ${new Date(expiresAt).toISOString()})` : '';
    const expired = (offset, how) => uploadError(field, `the upload session ${how} after ${count(offset)} of ${count(file.size)} bytes${expiryText}; nothing was attached. Retry the message; if it keeps happening, the connection to ${shownUrl} is too slow for a file of this size`, undefined, 'uploadSessionExpired');
    const reader = new RangeReader(open, chunkBytes, field, file.size);
    let puts = 0;
    const send = async (offset, bytes) => {
        puts += 1;
        let response;
        try {
            // No Authorization: the URL carries its own, and a bearer token must not leave for Outlook's host.
            response = await session.withSlot(() => exchange(uploadUrl, 'PUT', {
                'Content-Type': 'application/octet-stream',
                'Content-Length': String(bytes.length),
                'Content-Range': `bytes ${offset}-${offset + bytes.length - 1}/${file.size}`,
            }, bytes, chunkTimeoutMs));
        }
        catch {
            return { kind: 'retry', outcome: { transportFailure: true }, lost: true };
        }
        return interpret(response);
    };
    const status = async () => {
        let response;
        try {
            response = await session.withSlot(() => exchange(uploadUrl, 'GET', {}, undefined, chunkTimeoutMs));
        }
        catch {
            return { kind: 'retry', outcome: { transportFailure: true }, lost: true };
        }
        return interpret(response);
    };
    const interpret = async (response) => {
        const { status: code, headers } = response;
        const serverTime = (0, httpDate_1.parseHttpDate)(headers.get('date'));
        if (code === 201) {
            await response.arrayBuffer().catch(() => undefined);
            return { kind: 'done', attachmentId: attachmentIdFrom(headers.get('location')) };
        }
        if (code === 200) {
            const body = await response.json().catch(() => undefined);
            const next = nextExpectedOffset(body?.nextExpectedRanges ?? body?.NextExpectedRanges);
            return next === undefined ? { kind: 'retry', outcome: { transportFailure: true }, lost: true } : { kind: 'next', offset: next };
        }
        if (code === 429) {
            await response.arrayBuffer().catch(() => undefined);
            return { kind: 'retry', outcome: { status: 429, retryAfter: headers.get('retry-after'), serverTime }, lost: false };
        }
        // A 5xx or a range the server did not take says nothing certain about what it kept: ask.
        if (code >= 500 || code === 416) {
            await response.arrayBuffer().catch(() => undefined);
            return { kind: 'retry', outcome: { status: code === 502 || code === 503 || code === 504 ? code : undefined, transportFailure: !(code === 502 || code === 503 || code === 504), retryAfter: headers.get('retry-after'), serverTime }, lost: true };
        }
        if (code === 401 || code === 404 || code === 410) {
            await response.arrayBuffer().catch(() => undefined);
            return { kind: 'gone', status: code };
        }
        return { kind: 'refused', status: code, code: await answerCode(response) };
    };
    try {
        let offset = nextExpectedOffset(created.body.nextExpectedRanges) ?? 0;
        let attempt = 1;
        let waitedMs = 0;
        /** Where the session stands, asked after a lost answer: acted on before anything is sent again. */
        let pending;
        for (;;) {
            const now = graphNow();
            // Date has whole seconds, so Graph's clock may be up to a second ahead of the estimate.
            if (now !== undefined && Number.isFinite(expiresAt) && now + 1000 >= expiresAt)
                throw expired(offset, 'expired');
            let outcome;
            const asked = pending !== undefined;
            if (pending) {
                outcome = pending;
                pending = undefined;
            }
            else {
                if (offset >= file.size)
                    throw uploadError(field, `Graph asked for byte ${count(offset)} of a ${count(file.size)}-byte file; retry the message`);
                const length = Math.min(chunkBytes, file.size - offset);
                outcome = await send(offset, await reader.range(offset, length));
            }
            if (outcome.kind === 'done')
                return { attachmentId: outcome.attachmentId, puts };
            if (outcome.kind === 'next') {
                if (outcome.offset > offset) {
                    attempt = 1;
                    waitedMs = 0;
                }
                else if (!asked) {
                    // Answered 200 without taking the range: counts as a failed attempt.
                    attempt += 1;
                    if (attempt > limits.maxAttempts)
                        throw uploadError(field, `Graph did not take bytes from ${count(offset)} on after ${attempt - 1} attempts; retry the message`);
                }
                offset = outcome.offset;
                continue;
            }
            if (outcome.kind === 'gone') {
                // After the last range, a session that is gone may simply be complete: look before failing.
                if (offset + Math.min(chunkBytes, file.size - offset) >= file.size) {
                    const attached = await (0, attachments_1.findFileAttachment)(session, messagePath, file.name, file.size);
                    if (attached)
                        return { attachmentId: attached.id, puts };
                }
                throw expired(offset, outcome.status === 401 ? 'is no longer authorised' : 'no longer exists');
            }
            if (outcome.kind === 'refused') {
                const hint = outcome.status === 403 ? ` ${exports.SHARED_MAILBOX_LIMIT}`
                    : outcome.status === 413 || outcome.code === 'ErrorMessageSizeExceeded' ? ' The mail is larger than this mailbox may send (35 MB in Exchange Online unless an administrator raised it, 150 MB at most); send smaller files.'
                        : ' Retry the message.';
                throw uploadError(field, `${shownUrl} refused the upload at byte ${count(offset)} (HTTP ${outcome.status}${outcome.code ? ` ${outcome.code}` : ''}).${hint}`, outcome.status, outcome.code);
            }
            const decision = (0, retry_1.decideRetry)(outcome.outcome, { idempotent: true, attempt, waitedMs }, limits);
            if (!decision.retry) {
                const what = outcome.outcome.status ? `HTTP ${outcome.outcome.status}` : 'no answer';
                throw uploadError(field, `the upload to ${shownUrl} failed at byte ${count(offset)} of ${count(file.size)} (${what}; ${decision.reason ?? 'not retried'}); nothing was attached. Retry the message`, outcome.outcome.status);
            }
            await sleep(decision.delayMs);
            waitedMs += decision.delayMs;
            attempt += 1;
            // 429: nothing was taken, send the same range again. Otherwise ask where the session stands.
            if (outcome.lost)
                pending = await status();
        }
    }
    finally {
        reader.close();
    }
}
