// The registry of built-in CRMs: one import per file in this folder. Everything
// else (manifest host permissions, content-script matches, stage maps) is
// derived from these; a test fails when a file here is not registered.
import type { AdapterDefinition } from '../adapter-schema';
import type { BuiltinAdapter } from '../builtin-adapter';
import { dynamics } from './dynamics';
import { fxiaoke } from './fxiaoke';
import { hubspot } from './hubspot';
import { pipedrive } from './pipedrive';
import { salesforce } from './salesforce';
import { zoho } from './zoho';

/** Every CRM Baton knows without configuration, self-described. */
export const builtins: BuiltinAdapter[] = [salesforce, hubspot, pipedrive, dynamics, zoho, fxiaoke];

/** Their adapter definitions, as the reader and deal detection use them. */
export const builtinAdapters: AdapterDefinition[] = builtins.map((b) => b.definition);
