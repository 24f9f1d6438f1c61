import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { parameterError } from '../../../shared/errors';
import { toBoolean, toInteger } from '../../../shared/parameters';
import { runOverItems } from '../../../shared/runItems';
import { tencentAccount, tencentRequest } from '../../transport';
import { collection, optionsField } from '../fields';
import { PROFILE_BYTES, PROFILE_TEXT_FIELDS, applyJoinOptionField, fieldCollection, groupIdField, profileTextProperties, readGroupId, readJoinOption, readProfileText } from './common';

const properties: INodeProperties[] = [
	groupIdField('The group to change, e.g. @TGS#1NVTZEAE4'),
	fieldCollection(
		[
			applyJoinOptionField,
			...profileTextProperties(),
			{
				displayName: 'Group Name',
				name: 'name',
				type: 'string',
				default: '',
				description: 'The new name, at most 30 bytes (UTF-8; a Chinese character takes 3)',
			},
			{
				displayName: 'Max Members',
				name: 'maxMemberNum',
				type: 'number',
				typeOptions: { minValue: 1, numberPrecision: 0 },
				default: 200,
				description: 'Most members the group may have (at most the limit of the app edition)',
			},
			{
				displayName: 'Mute All Members',
				name: 'muteAllMember',
				type: 'boolean',
				default: false,
				description: 'Whether only the owner and admins may send messages',
			},
		],
		'updateFields',
		'Update Fields',
	),
	optionsField(),
];

export const description = updateDisplayOptions({ show: { resource: ['group'], operation: ['update'] } }, properties);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const account = await tencentAccount(this);
	const node = this.getNode();
	return await runOverItems<{ body: IDataObject }>(
		this,
		{
			prepare: (i) => {
				const body: IDataObject = { GroupId: readGroupId(this, i) };
				const fields = collection(this, 'updateFields', i);
				// An empty text would be sent as a change to empty; only names with a value are sent.
				if (fields.name !== undefined) body.Name = readProfileText(this, i, fields.name, 'Group Name', PROFILE_BYTES.Name, true);
				for (const { name, field, displayName } of PROFILE_TEXT_FIELDS) {
					// Introduction, notice and avatar may be cleared: an empty value is sent as "".
					if (fields[name] !== undefined) body[field] = readProfileText(this, i, fields[name], displayName, PROFILE_BYTES[field]);
				}
				if (fields.maxMemberNum !== undefined) body.MaxMemberNum = toInteger(node, i, fields.maxMemberNum, 'Max Members', { min: 1, max: 100_000, required: true });
				if (fields.applyJoinOption !== undefined) body.ApplyJoinOption = readJoinOption(this, i, fields.applyJoinOption);
				if (fields.muteAllMember !== undefined) body.MuteAllMember = toBoolean(node, i, fields.muteAllMember, 'Mute All Members') ? 'On' : 'Off';
				if (Object.keys(body).length === 1) {
					throw parameterError(node, i, 'Update Fields is empty', 'Add at least one field to change under "Update Fields".');
				}
				return { body };
			},
			run: async (session, { body }) => {
				// https://trtc.io/document/34962 (zh https://cloud.tencent.com/document/product/269/1620)
				await tencentRequest(this, account, session, 'group_open_http_svc/modify_group_base_info', body);
				return { ...body, updated: true };
			},
		},
		account.pace,
	);
}
