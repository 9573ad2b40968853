'use strict';

const { expect } = require('chai');
const { stringLiteral, dateTimeLiteral, idSegment, queryString } = require('../../lib/graph/odata');

describe('OData safety (pure)', () => {
  it('doubles quotes in string literals and encodes the whole filter once', () => {
    expect(stringLiteral("O'Brien")).to.equal("'O''Brien'");
    const qs = queryString({ filter: `subject eq ${stringLiteral("a&b#c+d' or 1 eq 1")}` });
    expect(qs).to.equal(`?$filter=${encodeURIComponent("subject eq 'a&b#c+d'' or 1 eq 1'")}`);
    expect(qs.slice('?$filter='.length)).not.to.match(/[&#+ ]/);
  });

  it('writes times at whole seconds with Z', () => {
    expect(dateTimeLiteral(Date.parse('2026-11-27T07:01:37.987Z'))).to.equal('2026-11-27T07:01:37Z');
    expect(() => dateTimeLiteral(NaN)).to.throw(RangeError);
  });

  it('encodes ids into a single path segment', () => {
    expect(idSegment('AAMkAD/x+y=', 'folderId')).to.equal('AAMkAD%2Fx%2By%3D');
    expect(idSegment('inbox', 'folderId')).to.equal('inbox');
  });

  ['../inbox', '..', 'a?b', 'a#b', 'a b', 'a%2e', 'a\\b', '\u0000', ''].forEach((bad) => {
    it(`refuses ${JSON.stringify(bad)} as an id, naming the field`, () => {
      expect(() => idSegment(bad, 'folderId')).to.throw(/^folderId: /);
    });
  });

  it('builds select, filter, orderby and top in that order', () => {
    expect(queryString({ select: ['id', 'subject'], filter: 'isRead eq false', orderby: 'receivedDateTime asc', top: 5 }))
      .to.equal('?$select=id,subject&$filter=isRead%20eq%20false&$orderby=receivedDateTime%20asc&$top=5');
  });
});
