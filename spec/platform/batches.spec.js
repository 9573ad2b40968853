'use strict';

const { expect } = require('chai');
const { createContext } = require('../helpers/context');
const { emitItems, parseEmitBehaviour } = require('../../lib/platform/batches');
const { withPages, body, text } = require('../../lib/manifest/schemas');

describe('emit behaviour (platform/batches)', () => {
  it('defaults to one message per item and reads the choice in any letter case', () => {
    expect(parseEmitBehaviour(undefined)).to.equal('emitIndividually');
    expect(parseEmitBehaviour('')).to.equal('emitIndividually');
    expect(parseEmitBehaviour('EMITPAGE')).to.equal('emitPage');
  });

  it('refuses anything else, naming the field and the choices', () => {
    expect(() => parseEmitBehaviour('all')).to.throw(/^emitBehaviour: .*emitIndividually.*emitPage/);
  });

  it('emitIndividually: one data message per item, in order, each body the item itself', async () => {
    const ctx = createContext();
    await emitItems(ctx, 'emitIndividually', [{ id: 'a' }, { id: 'b' }], 1);
    expect(ctx.emitted('data').map((m) => m.body)).to.deep.equal([{ id: 'a' }, { id: 'b' }]);
  });

  it('emitPage: one data message holding the page and its number; an empty page emits nothing', async () => {
    const ctx = createContext();
    await emitItems(ctx, 'emitPage', [{ id: 'a' }, { id: 'b' }], 3);
    await emitItems(ctx, 'emitPage', [], 4);
    expect(ctx.emitted('data').map((m) => m.body)).to.deep.equal([{ results: [{ id: 'a' }, { id: 'b' }], page: 3 }]);
  });

  it('withPages: the item fields, plus results (items of the same shape) and page', () => {
    const item = body({ id: text('Id', 'The id.') });
    const schema = withPages(item, 'mails');
    expect(Object.keys(schema.properties)).to.deep.equal(['id', 'results', 'page']);
    expect(schema.properties.results.items.properties).to.deep.equal(item.properties);
  });
});
