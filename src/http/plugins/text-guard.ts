import type { FastifyInstance, FastifyRequest } from 'fastify';
import { type FieldProblem, InvalidInputError } from '../../domain/errors.js';

// PostgreSQL refuses a NUL in text (error 22021) and a lone surrogate cannot be encoded as
// UTF-8 (node-postgres would silently store U+FFFD instead): neither belongs in any field.
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** The path of every string in `value` (keys included) that no database should be asked to store. */
function unstorableFields(root: string, value: unknown): string[] {
  const found: string[] = [];
  // A loop, not recursion: a 16 KB body can nest thousands of levels deep.
  const stack: [string, unknown][] = [[root, value]];
  while (stack.length) {
    const [path, v] = stack.pop()!;
    if (typeof v === 'string') {
      if (UNSTORABLE.test(v)) found.push(path);
    } else if (typeof v === 'object' && v !== null) {
      for (const [k, child] of Object.entries(v)) {
        const childPath = path ? `${path}.${k}` : k;
        if (UNSTORABLE.test(k)) found.push(childPath);
        else stack.push([childPath, child]);
      }
    }
  }
  return found;
}

/**
 * Refuses, once for every route, a path, query or body carrying text no database can hold:
 * 422 INVALID_INPUT naming the field with TEXT_INVALID, on SQLite and PostgreSQL alike, where
 * PostgreSQL used to answer 500.
 */
export function refuseUnstorableText(app: FastifyInstance): void {
  app.addHook('preValidation', async (req: FastifyRequest) => {
    const fields = [
      ...unstorableFields('', req.params),
      ...unstorableFields('', req.query),
      ...unstorableFields('', req.body),
    ];
    if (fields.length === 0) return;
    const problems: FieldProblem[] = [...new Set(fields)].map((field) => ({ field: field || 'body', problem: 'TEXT_INVALID' }));
    throw new InvalidInputError(problems);
  });
}
