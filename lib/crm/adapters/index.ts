import type { AdapterDefinition } from '../adapter-schema';
import { dynamics } from './dynamics';
import { fxiaoke } from './fxiaoke';
import { hubspot } from './hubspot';
import { pipedrive } from './pipedrive';
import { salesforce } from './salesforce';
import { zoho } from './zoho';

/** Every CRM Baton knows without configuration. */
export const builtinAdapters: AdapterDefinition[] = [salesforce, hubspot, pipedrive, dynamics, zoho, fxiaoke];
