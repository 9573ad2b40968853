// ESLint 8 legacy config (the layout the project keeps); TypeScript through typescript-eslint.
module.exports = {
  root: true,
  env: { node: true, es2022: true },
  parserOptions: { ecmaVersion: 2022, sourceType: 'script' },
  extends: ['eslint:recommended'],
  rules: {
    'no-console': 'off',
    eqeqeq: ['error', 'always'],
    'prefer-const': 'error',
    'no-var': 'error',
  },
  overrides: [
    {
      files: ['src/**/*.ts'],
      parser: '@typescript-eslint/parser',
      parserOptions: { project: './tsconfig.json', tsconfigRootDir: __dirname, sourceType: 'module' },
      plugins: ['@typescript-eslint'],
      extends: ['plugin:@typescript-eslint/recommended'],
      rules: {
        '@typescript-eslint/no-floating-promises': 'error',
        '@typescript-eslint/no-misused-promises': 'error',
        '@typescript-eslint/consistent-type-imports': 'error',
        'no-restricted-syntax': ['error', {
          selector: 'FunctionDeclaration[id.name="process"]',
          message: 'A function named process shadows the global process: name it processMessage and export it as process.',
        }],
      },
    },
    {
      files: ['spec/**/*.js'],
      env: { mocha: true },
    },
  ],
};
