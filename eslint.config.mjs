// `npm run lint`: ESLint's and typescript-eslint's recommended rules and Next's core-web-vitals set
// (which brings the react, react-hooks, jsx-a11y and import rules), over the whole tree.
import js from '@eslint/js';
import nextCoreWebVitals from 'eslint-config-next/core-web-vitals';
import { defineConfig, globalIgnores } from 'eslint/config';
import tseslint from 'typescript-eslint';

export default defineConfig([
  globalIgnores([
    'lib/generated/**',
    'build/**',
    '.next*/**',
    'next-env.d.ts',
    '.data/**',
    '.cache/**',
    '.test-results/**',
    'test-results/**',
    'playwright-report/**',
    'tmp/**',
  ]),
  js.configs.recommended,
  ...nextCoreWebVitals,
  ...tseslint.configs.recommended,
  {
    rules: {
      // Input validation rejects control characters by code point, on purpose.
      'no-control-regex': 'off',
      // Classes of Devanagari signs and joiners (nukta, ZWJ, ZWNJ) match one code point at a time, on purpose.
      'no-misleading-character-class': 'off',
      // An empty catch is a best-effort step (cleanup, a retry, storage in private mode) whose failure is expected.
      'no-empty': ['error', { allowEmptyCatch: true }],
      // Destructuring a property out to drop it from the rest is the idiom for omitting fields.
      '@typescript-eslint/no-unused-vars': ['error', { ignoreRestSiblings: true }],
      // React Compiler rules; we do not use the compiler. A ref written during render is how Monaco's
      // once-registered callbacks see the latest props.
      'react-hooks/refs': 'off',
      // Values only the browser knows (localStorage, the theme) are restored after hydration, in an effect.
      'react-hooks/set-state-in-effect': 'off',
    },
  },
]);
