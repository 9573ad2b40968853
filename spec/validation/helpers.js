'use strict';
// Shared by the validation specs: run a call that must fail and hand back its InputError.
const { expect } = require('chai');

function inputErrorOf(fn) {
  try {
    fn();
  } catch (err) {
    expect(err.name, `expected an InputError, got ${err.name}: ${err.message}`).to.equal('InputError');
    return err;
  }
  throw new Error('expected an InputError, but the call returned');
}

/** Asserts the error names `path` first and contains every fragment. */
function expectInputError(fn, path, fragments) {
  const err = inputErrorOf(fn);
  expect(err.message.startsWith(`${path}: `), err.message).to.equal(true);
  for (const fragment of fragments) expect(err.message).to.include(fragment);
  return err;
}

module.exports = { inputErrorOf, expectInputError };
