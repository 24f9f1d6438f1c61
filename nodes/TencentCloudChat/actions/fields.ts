import type { IDataObject, IExecuteFunctions, INode, INodeProperties } from 'n8n-workflow';

import { optionsCollection } from '../../shared/paceOptions';
import type { PaceDefaults } from '../../shared/paceOptions';
import { toInteger, toText } from '../../shared/parameters';
import { TENCENT_PACE } from '../transport';

/** UserIDs are at most 32 bytes; group IDs at most 48 bytes. */
export const USER_ID_MAX = 32;
export const GROUP_ID_MAX = 48;

export function userIdField(name: string, displayName: string, description: string, required = true): INodeProperties {
	return {
		displayName,
		name,
		type: 'string',
		default: '',
		required,
		placeholder: 'e.g. user_1',
		description,
	};
}

export function optionsField(defaults: PaceDefaults = TENCENT_PACE, own: INodeProperties[] = []): INodeProperties {
	return optionsCollection(defaults, own);
}

export { returnAllFields } from '../../shared/listFields';

export function readUserId(ctx: IExecuteFunctions, name: string, i: number, label: string, required = true): string {
	const value = toText(ctx.getNode(), i, ctx.getNodeParameter(name, i, ''), label, { required, maxLength: 256 });
	return value;
}

/** Return All / Limit of a Get Many style operation: the most items to return (Infinity for all). */
export function readLimit(ctx: IExecuteFunctions, i: number): number {
	const node: INode = ctx.getNode();
	if (ctx.getNodeParameter('returnAll', i, false) === true) return Infinity;
	return toInteger(node, i, ctx.getNodeParameter('limit', i, 50), 'Limit', {
		min: 1,
		required: true,
	}) as number;
}

export function collection(ctx: IExecuteFunctions, name: string, i: number): IDataObject {
	const value = ctx.getNodeParameter(name, i, {});
	return value && typeof value === 'object' && !Array.isArray(value) ? (value as IDataObject) : {};
}
