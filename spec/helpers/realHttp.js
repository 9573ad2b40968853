'use strict';

// nock holds a request's whole body until it ends before passing it to a real server on
// 127.0.0.1, so under it an upload reaches the server only once it is complete, and one that is
// cut off never arrives. Specs that stream files to local servers (and must see what really goes
// over the wire, aborted uploads included) switch it off for their duration.
const nock = require('nock');

function withRealHttp() {
  before(() => { nock.restore(); });
  after(() => { nock.activate(); });
}

module.exports = { withRealHttp };
