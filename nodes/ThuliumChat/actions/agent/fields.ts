import type { INodeProperties } from 'n8n-workflow';

export const agentLoginField: INodeProperties = {
	displayName: 'Agent Login',
	name: 'login',
	type: 'string',
	default: '',
	required: true,
	placeholder: 'e.g. jkowalski',
	description: "The agent's login in Thulium, as in chat webhooks (agent_login) and chat lists (user_login)",
};
