import type { TextRules } from '../../shared/parameters';

/** Easemob user IDs: at most 64 bytes; they go into URL paths. */
export const USERNAME_RULES: TextRules = { required: true, maxLength: 64, pathSegment: true };
