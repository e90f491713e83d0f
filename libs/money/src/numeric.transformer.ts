import type Decimal from 'decimal.js';
import type { ValueTransformer } from 'typeorm';
import { parseDecimal } from './money';

/**
 * For `numeric` columns: pg hands them back as strings, and they go straight into
 * decimal.js so that no amount ever passes through a JS number.
 */
export const numericTransformer: ValueTransformer = {
  to: (value: Decimal | null | undefined): string | null | undefined => (value === null || value === undefined ? value : value.toFixed()),
  from: (value: string | null): Decimal | null => (value === null ? null : parseDecimal(value)),
};
