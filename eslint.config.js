// Lint: typescript-eslint's recommended rules, plus Guichet's module boundary: a module is
// imported by others only through its `index.ts` (or its test kit `testing/index.ts`).
import path from 'node:path';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const SRC = path.resolve('src');

const moduleOf = (file) => {
  const relative = path.relative(SRC, file);
  if (relative.startsWith('..')) return undefined;
  const [first, ...rest] = relative.split(path.sep);
  return rest.length ? first : '.'; // '.' = the composition root (src/main.ts, src/cli.ts, …)
};

const moduleBoundary = {
  meta: {
    type: 'problem',
    messages: { boundary: "Importez le module '{{module}}' par son index.ts, pas '{{source}}'." },
  },
  create(context) {
    const check = (node) => {
      const source = node.source?.value;
      if (typeof source !== 'string' || !source.startsWith('.')) return;
      const target = path.resolve(path.dirname(context.filename), source);
      const targetModule = moduleOf(target);
      if (!targetModule || targetModule === '.' || targetModule === moduleOf(context.filename)) return;
      const inside = path.relative(path.join(SRC, targetModule), target);
      if (inside === 'index.ts' || inside === path.join('testing', 'index.ts')) return;
      context.report({ node: node.source, messageId: 'boundary', data: { module: targetModule, source } });
    };
    return {
      ImportDeclaration: check,
      ExportNamedDeclaration: check,
      ExportAllDeclaration: check,
      ImportExpression: check,
    };
  },
};

export default tseslint.config(
  { ignores: ['node_modules/', 'web/dist/', 'data/', 'web/public/dsfr/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        URL: 'readonly',
        Blob: 'readonly',
        performance: 'readonly',
        fetch: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        setInterval: 'readonly',
        clearInterval: 'readonly',
        AbortController: 'readonly',
        document: 'readonly',
        window: 'readonly',
        localStorage: 'readonly',
        navigator: 'readonly',
        Buffer: 'readonly',
      },
    },
    plugins: { guichet: { rules: { 'module-boundary': moduleBoundary } } },
    rules: {
      'guichet/module-boundary': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
      '@typescript-eslint/consistent-type-definitions': ['error', 'type'],
    },
  },
);
