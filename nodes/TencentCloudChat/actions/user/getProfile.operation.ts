import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { parameterError } from '../../../shared/errors';
import { toIdList } from '../../../shared/parameters';
import { runOverItems } from '../../../shared/runItems';
import { tencentAccount, tencentRequest } from '../../transport';
import { inBatches } from '../batches';
import { readUserIds, userIdListField } from '../idFields';
import { optionsField } from '../fields';
import { CUSTOM_TAG, STANDARD_PROFILE_FIELDS, profileFromItems } from './profileFields';

/** portrait_get: "no more than 100 users at a time" (https://trtc.io/document/34917). */
export const PROFILE_BATCH_SIZE = 100;

const properties: INodeProperties[] = [
	userIdListField(
		'userIds',
		'User IDs',
		'The UserIDs whose profiles to get, separated by commas, or an expression giving a list. Lists longer than 100 are read in several calls.',
	),
	{
		displayName: 'Fields',
		name: 'fields',
		type: 'multiOptions',
		default: ['Tag_Profile_IM_Nick', 'Tag_Profile_IM_Image'],
		options: STANDARD_PROFILE_FIELDS.map((field) => ({ name: field.label, value: field.tag })),
		description: 'The standard profile fields to return',
	},
	{
		displayName: 'Custom Fields',
		name: 'customFields',
		type: 'string',
		default: '',
		placeholder: 'e.g. Tag_Profile_Custom_Tier, Tag_Profile_Custom_Team',
		description: 'Custom profile fields to return as well, separated by commas: Tag_Profile_Custom_ followed by the name set up in the Chat console (at most 8 letters, digits or underscores)',
	},
	optionsField(),
];

export const description = updateDisplayOptions({ show: { resource: ['user'], operation: ['getProfile'] } }, properties);

interface ProfilePlan {
	batches: string[][];
	tags: string[];
}

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const account = await tencentAccount(this);
	const node = this.getNode();
	return await runOverItems<ProfilePlan>(
		this,
		{
			prepare: (i) => {
				const batches = inBatches(readUserIds(this, 'userIds', i, 'User IDs'), PROFILE_BATCH_SIZE);
				const standard = toIdList(node, i, this.getNodeParameter('fields', i, []), 'Fields', { maxLength: 100 });
				for (const tag of standard) {
					if (!STANDARD_PROFILE_FIELDS.some((field) => field.tag === tag)) {
						throw parameterError(node, i, `Fields: "${tag.slice(0, 50)}" is not a standard profile field`, `Pick fields from the list; put custom fields in "Custom Fields".`);
					}
				}
				const custom = toIdList(node, i, this.getNodeParameter('customFields', i, ''), 'Custom Fields', { maxLength: 100 });
				for (const tag of custom) {
					if (!CUSTOM_TAG.test(tag)) {
						throw parameterError(node, i, `Custom Fields: "${tag.slice(0, 50)}" is not a custom profile field name`, 'Write custom fields as Tag_Profile_Custom_ followed by up to 8 letters, digits or underscores, e.g. Tag_Profile_Custom_Tier.');
					}
				}
				const tags = [...standard, ...custom];
				if (tags.length === 0) throw parameterError(node, i, 'Fields is empty', 'Pick at least one field in "Fields", or name one in "Custom Fields".');
				return { batches, tags };
			},
			run: async (session, plan) => {
				const results: IDataObject[] = [];
				for (const batch of plan.batches) {
					// https://trtc.io/document/34917: one UserProfileItem per account, with its own ResultCode.
					const answer = await tencentRequest(this, account, session, 'profile/portrait_get', { To_Account: batch, TagList: plan.tags });
					for (const entry of Array.isArray(answer.UserProfileItem) ? (answer.UserProfileItem as IDataObject[]) : []) {
						results.push({
							userId: entry.To_Account,
							...profileFromItems(entry.ProfileItem),
							resultCode: entry.ResultCode ?? 0,
							resultInfo: entry.ResultInfo ?? '',
						});
					}
				}
				return results;
			},
		},
		account.pace,
	);
}
