import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { PageQuery } from './pagination';

export const SORT_ORDERS = ['asc', 'desc'] as const;
export type SortOrder = (typeof SORT_ORDERS)[number];

/** A list's two tabs: what still waits for someone, and what was handled. */
export const QUEUES = ['todo', 'done'] as const;
export type Queue = (typeof QUEUES)[number];

/** The most a search text may hold: enough for a name or a reference, too little to make a pattern costly. */
export const SEARCH_MAX_LENGTH = 100;

/** What a repository takes of a list request: the page, one allow-listed sort field, its direction and the search text. */
export interface Listing<S extends string = string> {
  sort?: S;
  order?: SortOrder;
  q?: string;
  limit: number;
  offset: number;
}

// a blank search (a cleared box) searches nothing; other values stay as they came, to be validated
const trimmed = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() || undefined : value);

/**
 * `?sort=&order=&q=` beside `?limit=&offset=`: `sort` is one of the list's own fields (anything
 * else is refused naming `sort`), `order` asc or desc, `q` a trimmed search text. Extend it with
 * the list's filters.
 */
export function ListQuery<S extends string>(sorts: readonly S[]) {
  class SortedPageQuery extends PageQuery implements Listing<S> {
    @ApiPropertyOptional({ enum: sorts, description: "The field to sort by; without it, the list's own order" })
    @IsOptional()
    @IsIn(sorts, { message: `sort must be one of: ${sorts.join(', ')}` })
    sort?: S;

    @ApiPropertyOptional({ enum: SORT_ORDERS, description: 'Ascending (the default with sort) or descending' })
    @IsOptional()
    @IsIn(SORT_ORDERS, { message: 'order must be asc or desc' })
    order?: SortOrder;

    @ApiPropertyOptional({ maxLength: SEARCH_MAX_LENGTH, description: "Search text, matched anywhere in the list's names and references" })
    @IsOptional()
    @Transform(trimmed)
    @IsString()
    @MaxLength(SEARCH_MAX_LENGTH)
    q?: string;
  }
  return SortedPageQuery;
}
