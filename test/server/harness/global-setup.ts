// One PostgreSQL cluster for the whole server test run; each test file makes
// its own database in it (test/server/harness/backends.ts).
import type { TestProject } from 'vitest/node';
import { startCluster, type Cluster } from './postgres-cluster';

let cluster: Cluster | null = null;

export default async function setup(project: TestProject) {
  cluster = await startCluster();
  project.provide('pgBaseUrl', cluster.url('postgres'));
  return () => cluster?.stop();
}

declare module 'vitest' {
  export interface ProvidedContext {
    pgBaseUrl: string;
  }
}
