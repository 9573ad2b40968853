// `npm test` is what the platform runs at deploy time: unit and component specs only, no broker, no network.
module.exports = {
  spec: ['spec/**/*.spec.js'],
  ignore: ['spec/e2e/**'],
  timeout: 20000,
  recursive: true,
  require: ['spec/helpers/setup.js'],
};
