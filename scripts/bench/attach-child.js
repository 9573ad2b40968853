// The attachment scenario's other side, in a process of its own so the component's memory is
// measured alone: the specs' fake Maester (the platform's storage; objects on disk) and their
// stand-in for Graph's attachment routes and Outlook's upload URL (bytes hashed, not kept). Driven
// by scripts/bench.js over IPC; both listen on 127.0.0.1 only.
'use strict';

const path = require('path');
const { serve } = require('./rpc');

const HELPERS = path.join(__dirname, '..', '..', 'spec', 'helpers');
const { fakeMaester } = require(path.join(HELPERS, 'fakeMaester'));
const { fakeOutlook } = require(path.join(HELPERS, 'fakeOutlook'));
const { patternStream, patternSha256 } = require(path.join(HELPERS, 'bytes'));

let maester;
let outlook;

serve({
  async start() {
    maester = await fakeMaester();
    outlook = await fakeOutlook();
    return { storageEnv: maester.env, graphUrl: outlook.origin };
  },
  /** A file in the storage, as a previous step would have left it; returns its URL. */
  seedFile: (size, seed) => maester.seed(patternStream(size, seed)),
  /** A file attachment of `size` bytes on mail `messageId`. */
  addAttachment: (messageId, size, seed) => outlook.addAttachment(messageId, {
    '@odata.type': '#microsoft.graph.fileAttachment', name: `file-${size}.bin`, contentType: 'application/octet-stream', size: size + 157, content: { size, seed },
  }),
  /** Whether what arrived is byte for byte what was sent, and how it travelled. */
  async check(kind, size, seed) {
    const expected = await patternSha256(size, seed);
    if (kind === 'send') {
      const attached = [...outlook.messages.values()].flatMap((m) => m.attachments).filter((a) => a.sha256 === expected);
      const session = [...outlook.sessions.values()].find((s) => s.sha256 === expected);
      return {
        intact: attached.length === 1,
        puts: session ? session.puts.length : 0,
        largestPut: session ? Math.max(...session.puts.map((p) => p.length)) : 0,
        authorizationOnPuts: session ? session.puts.some((p) => p.authorization !== undefined) : false,
      };
    }
    const objects = [...maester.objects.values()].filter((o) => o.sha256 === expected);
    return { intact: objects.length === 1 && objects[0].size === size };
  },
  async close() {
    if (maester) await maester.close();
    if (outlook) await outlook.close();
    maester = undefined;
    outlook = undefined;
  },
});
