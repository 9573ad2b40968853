'use strict';

// Records every request that reaches Graph or the token endpoint (each answered 500, so a step
// that should have made none fails loudly), and any request nock did not expect at all.
const nock = require('nock');
const { GRAPH, LOGIN } = require('./setup');

function watchNetwork() {
  const hits = [];
  const unmatched = [];
  for (const origin of [GRAPH, LOGIN]) {
    const scope = nock(origin).persist();
    for (const method of ['GET', 'POST', 'PUT', 'PATCH', 'DELETE']) {
      scope.intercept(/.*/, method).query(true).reply((uri) => {
        hits.push(`${method} ${origin}${uri}`);
        return [500, { error: { code: 'UnexpectedRequest', message: 'this request should not have been made' } }];
      });
    }
  }
  const onNoMatch = (req) => { unmatched.push(`${req.method} ${req.href || req.path || req.url}`); };
  nock.emitter.on('no match', onNoMatch);
  return { hits, unmatched, stop: () => nock.emitter.removeListener('no match', onNoMatch) };
}

module.exports = { watchNetwork };
