/** SuiteCloud CLI project settings: `npm run deploy` builds the bundle, then deploys src/ with `suitecloud project:deploy`. */
module.exports = {
  defaultProjectFolder: 'src',
  commands: {},
};
