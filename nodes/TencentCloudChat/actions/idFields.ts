import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { toIdList } from '../../shared/parameters';
import { USER_ID_MAX } from './fields';

/** A group ID parameter (Tencent's group IDs look like @TGS#1NVTZEAE4). */
export function groupIdField(description: string): INodeProperties {
	return {
		displayName: 'Group ID',
		name: 'groupId',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. @TGS#1NVTZEAE4',
		description,
	};
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
