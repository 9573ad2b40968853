'use strict';

/** The error `work` (a promise, or a function that throws or returns one) ends with; fails the spec if it succeeds. */
async function failureOf(work) {
  try {
    await (typeof work === 'function' ? work() : work);
  } catch (err) {
    return err;
  }
  throw new Error('expected a failure');
}

module.exports = { failureOf };
