import type { TextRules } from '../../../shared/parameters';

/** Easemob chat room IDs (digits in practice); they go into URL paths. */
export const CHATROOM_ID_RULES: TextRules = { required: true, maxLength: 128, pathSegment: true };
