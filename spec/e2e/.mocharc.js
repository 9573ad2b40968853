// End-to-end run: the real sailor (run.js / runService.js) with a private RabbitMQ, a fake platform
// API and the offline Graph emulator. Needs `rabbitmq-server` installed and `npx tsc -p .` done.
// `npm test` never loads this file (the root .mocharc.js ignores spec/e2e/**).
module.exports = {
  spec: ['spec/e2e/**/*.spec.js'],
  require: ['spec/e2e/helpers/hooks.js'],
  timeout: 60000,
  slow: 15000,
  recursive: true,
};
