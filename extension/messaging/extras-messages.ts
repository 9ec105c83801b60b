// The message the extras reader (entrypoints/deal-extras.ts, injected into a
// CRM tab on demand) sends the background: what the page shows besides the
// deal facts, for the deal it read them for. Its own map, like the content
// script's (content-messages.ts), so the injected script bundles only this.
import * as z from 'zod/mini';
import { dealExtrasSchema } from '@/lib/crm/deal-extras';
import { dealIdentitySchema } from '@/lib/crm/types';
import { message } from './message-map';

export const EXTRAS_MESSAGES = {
  /** from the tab's top frame: the extras of `identity`, read from the record on screen */
  'extras:update': message('extras:update', 'content', { identity: dealIdentitySchema, extras: dealExtrasSchema }, z.undefined()),
};

/** The file the background injects into a CRM tab's top frame to read the extras (WXT's unlisted script). */
export const EXTRAS_READER_FILE = '/deal-extras.js';
