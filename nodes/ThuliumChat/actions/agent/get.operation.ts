import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { optionsCollection } from '../../../shared/paceOptions';
import { THULIUM_PACE } from '../../transport';
import { agentLoginField, readAgents } from './fields';

const properties: INodeProperties[] = [agentLoginField, optionsCollection(THULIUM_PACE)];

export const description = updateDisplayOptions({ show: { resource: ['agent'], operation: ['get'] } }, properties);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	// GET agents/{login}: https://api.thulium.com/docs/api/agents/get_agents_login
	return await readAgents(this, 'agent');
}
