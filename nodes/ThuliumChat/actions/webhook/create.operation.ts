import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { parameterError } from '../../../shared/errors';
import { optionsCollection } from '../../../shared/paceOptions';
import { textParameter, toChoice, toIdList } from '../../../shared/parameters';
import { runOverItems } from '../../../shared/runItems';
import { THULIUM_PACE, thuliumAccount, thuliumRequest } from '../../transport';
import { THULIUM_EVENTS } from '../../trigger/events';
import { withoutPassword } from './password';

const properties: INodeProperties[] = [
	{
		displayName: 'URL',
		name: 'subscriptionUrl',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. https://n8n.example.com/webhook/abc/webhook',
		description: 'The https:// address Thulium sends the events to, e.g. the Production URL of a Thulium Chat Trigger',
	},
	{
		displayName: 'Events',
		name: 'actions',
		type: 'multiOptions',
		default: [],
		description: 'The events Thulium sends to the URL (at least one here or under Other Events)',
		options: THULIUM_EVENTS,
	},
	{
		displayName: 'Other Events',
		name: 'otherActions',
		type: 'string',
		default: '',
		placeholder: 'e.g. CALL_STARTED',
		description: "More event names from your Thulium system's event list, separated by commas",
	},
	{
		displayName: 'Authentication',
		name: 'authentication',
		type: 'options',
		default: 'none',
		description: 'Whether Thulium sends an HTTP Basic auth user and password with each event',
		options: [
			{ name: 'Basic Auth', value: 'basicAuth', description: 'The user and password of a Thulium Webhook Basic Auth credential, as the Thulium Chat Trigger checks them' },
			{ name: 'None', value: 'none' },
		],
	},
	optionsCollection(THULIUM_PACE),
];

export const description = updateDisplayOptions({ show: { resource: ['webhook'], operation: ['create'] } }, properties);

const EVENT = /^[A-Z][A-Z0-9_]*$/;

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const account = await thuliumAccount(this);
	const node = this.getNode();
	let auth: { user: string; password: string } | undefined;
	return await runOverItems<IDataObject>(
		this,
		{
			prepare: async (i) => {
				const url = textParameter(this, 'subscriptionUrl', i, 'URL', { required: true, maxLength: 2000 });
				let parsed: URL | undefined;
				try {
					parsed = new URL(url);
				} catch {
					parsed = undefined;
				}
				if (!parsed || (parsed.protocol !== 'https:' && parsed.protocol !== 'http:')) {
					throw parameterError(node, i, `URL "${url.slice(0, 100)}" is not an http(s) address`, 'Enter the full address, e.g. https://n8n.example.com/webhook/abc/webhook.');
				}
				const actions = [
					...toIdList(node, i, this.getNodeParameter('actions', i, []), 'Events', { maxLength: 100 }),
					...toIdList(node, i, this.getNodeParameter('otherActions', i, ''), 'Other Events', { maxLength: 100 }).map((name) => name.toUpperCase()),
				];
				const unique = [...new Set(actions)];
				if (unique.length === 0) throw parameterError(node, i, 'Events is empty: no event chosen', 'Pick at least one event under "Events" or name one under "Other Events".');
				const bad = unique.find((name) => !EVENT.test(name));
				if (bad) throw parameterError(node, i, `Events: "${bad.slice(0, 60)}" is not an event name`, 'Event names are upper-case words joined by "_", e.g. CHAT_CONVERSATION_CREATED.');
				const body: IDataObject = { actions: unique, subscription_url: url };
				if (toChoice(node, i, this.getNodeParameter('authentication', i, 'none'), 'Authentication', ['none', 'basicAuth'] as const) === 'basicAuth') {
					if (!auth) {
						const credentials = await this.getCredentials('thuliumWebhookApi', i);
						auth = { user: String(credentials.user ?? ''), password: String(credentials.password ?? '') };
					}
					if (auth.user === '' || auth.password === '') {
						throw parameterError(node, i, 'The Thulium Webhook Basic Auth credential has no user or no password', 'Fill in both in the credential, or set Authentication to None.');
					}
					body.http_auth_user = auth.user;
					body.http_auth_password = auth.password;
				}
				return body;
			},
			run: async (session, body) => {
				// https://api.thulium.com/docs/api/webhooks/post_webhooks
				// The webhook's password is kept out of any error text as the API password is.
				const secrets = auth ? [...account.secrets, auth.password] : account.secrets;
				const answer = await thuliumRequest(this, { ...account, secrets }, session, {
					method: 'POST',
					path: '/webhooks',
					body,
					idempotent: false,
					unclearOutcome: 'the webhook may have been created',
				});
				return answer && typeof answer === 'object' && !Array.isArray(answer) ? withoutPassword(answer as IDataObject) : { created: true };
			},
		},
		account.pace,
	);
}
