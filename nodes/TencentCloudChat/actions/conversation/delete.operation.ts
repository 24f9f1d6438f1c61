import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { operationDisplayOptions } from '../../../shared/displayOptions';
import { toBoolean } from '../../../shared/parameters';
import { runOverItems } from '../../../shared/runItems';
import { tencentAccount, tencentRequest } from '../../transport';
import { optionsField } from '../fields';
import { conversationTargetFields, readConversationTarget, targetOutput } from './target';

const properties: INodeProperties[] = [
	...conversationTargetFields('The UserID whose conversation is deleted. The other side keeps its copy.', 'The ID of the group whose conversation is deleted'),
	{
		displayName: 'Clear Roaming Messages',
		name: 'clearRoamingMessages',
		type: 'boolean',
		default: false,
		description: "Whether to also delete the conversation's messages stored in the cloud for this user (sent as ClearRamble)",
	},
	optionsField(),
];

export const description = operationDisplayOptions({ show: { resource: ['conversation'], operation: ['delete'] } }, properties);

interface DeletePlan {
	body: IDataObject;
	output: IDataObject;
}

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const account = await tencentAccount(this);
	const node = this.getNode();
	return await runOverItems<DeletePlan>(
		this,
		{
			prepare: (i) => {
				const target = readConversationTarget(this, i);
				const clearRoamingMessages = toBoolean(node, i, this.getNodeParameter('clearRoamingMessages', i, false), 'Clear Roaming Messages');
				const body: IDataObject = { From_Account: target.fromAccount, Type: target.conversationType === 'c2c' ? 1 : 2 };
				// The delete command spells it ToGroupid (lowercase "id"), unlike the other commands.
				if (target.conversationType === 'c2c') body.To_Account = target.peer;
				else body.ToGroupid = target.peer;
				body.ClearRamble = clearRoamingMessages ? 1 : 0;
				return { body, output: { deleted: true, ...targetOutput(target), clearRoamingMessages } };
			},
			run: async (session, plan) => {
				await tencentRequest(this, account, session, 'recentcontact/delete', plan.body);
				return plan.output;
			},
		},
		account.pace,
	);
}
