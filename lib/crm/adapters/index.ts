// The registry of built-in CRMs: one import per file in this folder. Everything
// else (manifest host permissions, content-script matches, stage maps) is
// derived from these; a test fails when a file here is not registered.
import type { AdapterDefinition } from '../adapter-schema';
import type { BuiltinAdapter } from '../builtin-adapter';
import { extrasOf, type ExtrasLocators } from '../extras-schema';
import { BUILTIN_CRMS, type BuiltinCrm } from '../types';
import { dynamics } from './dynamics';
import { fxiaoke } from './fxiaoke';
import { hubspot } from './hubspot';
import { pipedrive } from './pipedrive';
import { salesforce } from './salesforce';
import { zoho } from './zoho';

/**
 * Every CRM Baton knows without configuration, by the id deal identities use
 * (BUILTIN_CRMS, lib/crm/types.ts): an id there without its adapter here, or
 * an adapter here under an id not there, does not compile.
 */
const BY_ID = { salesforce, hubspot, pipedrive, dynamics, zoho, fxiaoke } satisfies Record<BuiltinCrm, BuiltinAdapter>;

/** Every built-in adapter, self-described, in the order of BUILTIN_CRMS. */
export const builtins: BuiltinAdapter[] = BUILTIN_CRMS.map((id) => BY_ID[id]);

/** Their adapter definitions, as the reader and deal detection use them. */
export const builtinAdapters: AdapterDefinition[] = builtins.map((b) => b.definition);

/**
 * The extras locators an adapter reads with: its own (a custom adapter's
 * `extras`), else the built-in CRM's of the same id; null when neither has any.
 */
export function extrasLocatorsFor(adapter: AdapterDefinition): ExtrasLocators | null {
  return extrasOf(adapter.extras) ?? builtins.find((b) => b.definition.id === adapter.id)?.extras ?? null;
}
