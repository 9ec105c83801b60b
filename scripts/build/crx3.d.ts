// crx3 ships no types: the one call scripts/package.ts makes (its default export).
declare module 'crx3' {
  const writeCRX3File: (files: string[], options: { keyPath: string; crxPath: string; xmlPath: string; crxURL: string; appVersion: string }) => Promise<unknown>;
  export default writeCRX3File;
}
