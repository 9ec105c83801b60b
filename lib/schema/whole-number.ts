// A whole number (a safe integer, what zod's z.int() accepts) for the schemas
// the content script bundles: zod/mini's int type brings zod's number-format
// machinery, ~0.4 KB gzip of a bundle every CRM page loads and that is held
// to 30 KB (issue 14). Same values pass and fail; the issue says "a whole number".
import * as z from 'zod/mini';

export const wholeNumber = () => z.number().check(z.refine(Number.isSafeInteger, { message: 'expected a whole number', abort: true }));
