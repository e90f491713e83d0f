import { ArgumentMetadata, ValidationError, ValidationPipe } from '@nestjs/common';
import type { FieldProblem } from './problem';

/** Thrown by the validation pipe; the problem filter turns it into a 400 naming each field. */
export class RequestValidationError extends Error {
  constructor(readonly errors: FieldProblem[]) {
    super(errors.map((e) => `${e.field}: ${e.message}`).join('; '));
    this.name = 'RequestValidationError';
  }
}

/** Flattens class-validator's tree into dotted field paths (`waybillRefs.0`). */
export function fieldProblems(errors: ValidationError[], parent = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => ({ field, message }));
    return [...own, ...fieldProblems(error.children ?? [], field)];
  });
}

/** Where text holds a NUL character, which no field means and PostgreSQL's text refuses. */
export function nulFields(value: unknown, path = ''): string[] {
  if (typeof value === 'string') return value.includes('\u0000') ? [path || 'value'] : [];
  if (Array.isArray(value)) return value.flatMap((v, i) => nulFields(v, path ? `${path}.${i}` : String(i)));
  if (value && typeof value === 'object' && !Buffer.isBuffer(value))
    return Object.entries(value).flatMap(([k, v]) => nulFields(v, path ? `${path}.${k}` : k));
  return [];
}

class StrictValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type !== 'custom') {
      const fields = nulFields(value, metadata.type === 'param' ? (metadata.data ?? '') : '');
      if (fields.length > 0)
        throw new RequestValidationError(fields.map((field) => ({ field, message: `${field} must not contain a NUL character` })));
    }
    return super.transform(value, metadata);
  }
}

/** Unknown fields are refused, not dropped: a typo in a money field must not pass silently. */
export function strictValidationPipe(): ValidationPipe {
  return new StrictValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => new RequestValidationError(fieldProblems(errors)),
  });
}
