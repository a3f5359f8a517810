import type { z } from 'zod';
import { en, ja } from 'zod/locales';

/**
 * Zod's own messages in the rep's language (zod ships them), for what the renderer validates
 * itself before sending: a talk set checked before it is saved says 「文字列が短すぎます」, not
 * "Too small". Per parse, so no global setting follows the language around.
 */
export function zodErrorMap(language: string | undefined): z.core.$ZodErrorMap {
  return (language?.startsWith('ja') ? ja() : en()).localeError;
}
