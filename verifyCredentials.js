module.exports = require('./lib/verifyCredentials');
