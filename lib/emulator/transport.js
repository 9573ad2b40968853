"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.submit = submit;
exports.deliverDue = deliverDue;
exports.pendingDeliveries = pendingDeliveries;
/**
 * Exchange's transport, as far as a sender can tell: a mail is submitted (sendMail, or /send of a
 * draft) and delivered a moment later, after `sendDelayMs` of the emulator clock (an option, and
 * control.setSendDelay; 0 delivers at once, as before). Submitting a draft moves it to the Outbox
 * at once (still a draft, as Exchange keeps a submitted item there until transport has it: EWS
 * IsSubmitted, "whether an item has been submitted to the Outbox default folder"); delivery puts a
 * copy in the Inbox of every recipient that is a mailbox here and moves the item to Sent Items,
 * where it stops being a draft and keeps its immutable id (outlook-immutable-id.md: the draft's id
 * finds the copy in Sent Items once sent, "may not succeed immediately"). A sendMail has no item
 * before delivery; its copy (when saved) appears in Sent Items at delivery. Due deliveries happen
 * before the emulator answers any request, and before control.sent().
 */
const compose_1 = require("./compose");
const queues = new WeakMap();
/** The mailboxes here that a copy goes to (each once; disabled accounts get none). */
function recipientsHere(world, s) {
    const found = new Map();
    for (const address of [...s.to, ...s.cc, ...s.bcc]) {
        const mailbox = world.directory.mailbox(address.address);
        if (mailbox && mailbox.enabled && !found.has(mailbox.address))
            found.set(mailbox.address, mailbox);
    }
    return [...found.values()];
}
/** Records the mail (control.sent) and delivers it now or after the delay. */
function submit(world, s) {
    const now = world.now();
    const { sender } = s;
    if (s.item)
        sender.moveMessage(s.item, sender.wellKnownFolder('outbox'), now);
    sender.sent.push({
        mailbox: sender.address,
        submittedAt: now,
        internetMessageId: s.internetMessageId,
        subject: s.subject,
        from: s.from,
        toRecipients: s.to,
        ccRecipients: s.cc,
        bccRecipients: s.bcc,
        importance: s.importance,
        bodyContentType: s.bodyContentType,
        attachments: s.attachments.map(({ name, contentType, size }) => ({ name, contentType, size })),
        sender: s.realSender,
        saveToSentItems: s.item ? true : s.saveToSentItems,
        deliveredTo: recipientsHere(world, s).map((m) => m.address),
        ...(s.item && { id: s.item.immutableId }),
    });
    const queue = queues.get(world) ?? [];
    queues.set(world, queue);
    queue.push({ ...s, submittedAt: now, due: now + world.options.sendDelayMs });
    deliverDue(world);
}
function deliver(world, p) {
    const now = world.now();
    const tag = p.internetMessageId.replace(/^<|@.*$/g, '');
    const common = {
        from: p.from, sender: p.realSender, to: p.to, cc: p.cc, replyTo: p.replyTo, importance: p.importance,
        body: p.body, bodyContentType: p.bodyContentType, sentAt: p.submittedAt, internetMessageId: p.internetMessageId,
        conversationId: p.conversationId,
    };
    for (const recipient of recipientsHere(world, p)) {
        // Recipients never see the Bcc line, nor the sender's extended properties.
        const attachments = p.attachments.map((a) => ({ ...a }));
        recipient.insertMessage((0, compose_1.composeMessage)({ ...common, attachments, folderId: recipient.wellKnownFolder('inbox').id }, { subject: p.subject, receivedAt: now }, tag));
    }
    const { sender, item } = p;
    if (item) {
        // The same item, no longer a draft, in Sent Items: its immutable id stays.
        sender.updateMessage(item, now, (m) => {
            m.isDraft = false;
            m.isRead = true;
            m.sentAt = p.submittedAt;
            m.receivedAt = p.submittedAt;
            m.from = p.from;
            m.sender = p.realSender;
        });
        sender.moveMessage(item, sender.wellKnownFolder('sentitems'), now);
    }
    else if (p.saveToSentItems) {
        const attachments = p.attachments.map((a) => ({ ...a }));
        sender.insertMessage((0, compose_1.composeMessage)({ ...common, bcc: p.bcc, attachments, isRead: true, folderId: sender.wellKnownFolder('sentitems').id }, { subject: p.subject, receivedAt: now }, tag));
    }
}
/** Delivers what is due by the emulator clock, oldest first. */
function deliverDue(world) {
    const queue = queues.get(world);
    if (!queue?.length)
        return;
    const now = world.now();
    // The delay may have changed between submissions: deliver by due time, then by submission.
    const due = queue.filter((p) => p.due <= now).sort((a, b) => a.due - b.due);
    if (!due.length)
        return;
    queues.set(world, queue.filter((p) => p.due > now));
    for (const p of due)
        deliver(world, p);
}
/** Submitted mail not delivered yet (for control.stats-like checks). */
function pendingDeliveries(world) {
    return queues.get(world)?.length ?? 0;
}
