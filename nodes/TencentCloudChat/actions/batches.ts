import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { toIdList } from '../../shared/parameters';
import { USER_ID_MAX } from './fields';

/** Splits a list into the per-call maximum a command takes (e.g. 100 UserIDs per account_check). */
export function inBatches<T>(list: readonly T[], size: number): T[][] {
	const batches: T[][] = [];
	for (let start = 0; start < list.length; start += size) batches.push(list.slice(start, start + size));
	return batches;
}

/** A list of UserIDs: comma-separated text or an expression giving a list. */
export function userIdListField(name: string, displayName: string, description: string): INodeProperties {
	return {
		displayName,
		name,
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. user_1, user_2',
		description,
	};
}

/** Reads a UserID list parameter (duplicates dropped, each at most 32 characters). */
export function readUserIds(ctx: IExecuteFunctions, name: string, i: number, label: string): string[] {
	return toIdList(ctx.getNode(), i, ctx.getNodeParameter(name, i, ''), label, { required: true, maxLength: USER_ID_MAX });
}
