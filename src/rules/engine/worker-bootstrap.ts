// The process runs TypeScript through tsx (`bin/guichet.js`, `node --import tsx`): a worker
// thread registers it too before loading its module.

/** The code of a worker (`new Worker(code, { eval: true })`) that loads `moduleUrl` under tsx. */
export const tsxWorkerCode = (moduleUrl: string) =>
  `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))})` +
  `.then(({ register }) => { register(); return import(${JSON.stringify(moduleUrl)}); })`;
