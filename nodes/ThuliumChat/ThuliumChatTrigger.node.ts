import type {
	IDataObject,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { triggerOptions, pastedWebhookMethods, refuseUnlistedCaller, respondJson } from '../shared/webhook';

import { basicAuthMatches, thuliumWebhookCredentialTest } from './trigger/basicAuth';
import { THULIUM_EVENTS, normalizeEvent, parseRawBody } from './trigger/events';

/** Thulium events are small documents; anything larger is not from Thulium. */
export const MAX_EVENT_BYTES = 1024 * 1024;

export class ThuliumChatTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Thulium Chat Trigger',
		name: 'thuliumChatTrigger',
		icon: { light: 'file:../../icons/thulium.svg', dark: 'file:../../icons/thulium.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{ ($parameter["events"] || []).join(", ") || "All events" }}',
		description: 'Starts the workflow when Thulium sends a chat event to its webhook',
		defaults: { name: 'Thulium Chat Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		// Basic auth as on n8n's Webhook node, in a credential of this package (community nodes may not use
		// n8n's own Basic Auth credential): the password is stored encrypted.
		credentials: [{ name: 'thuliumWebhookApi', required: true, testedBy: 'thuliumWebhookCredentialTest', displayOptions: { show: { authentication: ['basicAuth'] } } }],
		webhooks: [{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'webhook' }],
		properties: [
			{
				displayName:
					'Paste this node\'s webhook URL into Thulium: Administration → Advanced → Webhooks, pick the events and, if you like, a user and password for HTTP Basic auth (enter the same ones below). Use the Production URL once the workflow is active. The node does not register the webhook itself: Thulium\'s API can create a webhook but cannot delete one, so a registration would keep firing after the workflow is deactivated.',
				name: 'notice',
				type: 'notice',
				default: '',
			},
			{
				displayName: 'Events',
				name: 'events',
				type: 'multiOptions',
				default: [],
				description: 'Which events start the workflow. Leave empty for every event Thulium sends to this URL.',
				options: THULIUM_EVENTS,
			},
			{
				displayName: 'Other Events',
				name: 'otherEvents',
				type: 'string',
				default: '',
				placeholder: 'e.g. CALL_STARTED, TICKET_CLOSED',
				description: 'More event names from your Thulium system\'s event list, separated by commas',
			},
			{
				displayName: 'Authentication',
				name: 'authentication',
				type: 'options',
				default: 'none',
				options: [
					{ name: 'Basic Auth', value: 'basicAuth', description: 'Thulium sends the user and password set on the webhook (kept in a Basic Auth credential)' },
					{ name: 'None', value: 'none' },
				],
			},
			triggerOptions(),
		],
	};

	methods = {
		credentialTest: {
			thuliumWebhookCredentialTest,
		},
	};

	// The URL is pasted into Thulium by hand (see the notice), so there is nothing to register.
	webhookMethods = pastedWebhookMethods;

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const request = this.getRequestObject();
		const answer = (status: number, body: IDataObject, headers: Record<string, string> = {}): IWebhookResponseData =>
			respondJson(this, status, body, headers);

		const unlisted = refuseUnlistedCaller(this, (status, message) => answer(status, { message }));
		if (unlisted) return unlisted;

		if (this.getNodeParameter('authentication', 'none') === 'basicAuth') {
			const credentials = await this.getCredentials('thuliumWebhookApi');
			const user = String(credentials.user ?? '');
			const password = String(credentials.password ?? '');
			if (!basicAuthMatches(this.getHeaderData().authorization, user, password)) {
				return answer(401, { message: 'Authorization is required' }, { 'WWW-Authenticate': 'Basic realm="Thulium webhook"' });
			}
		}

		let body: IDataObject | undefined = this.getBodyData();
		const rawBody = (request as { rawBody?: unknown }).rawBody;
		const size = Buffer.isBuffer(rawBody) ? rawBody.length : Buffer.byteLength(typeof body === 'string' ? body : JSON.stringify(body ?? {}), 'utf8');
		if (size > MAX_EVENT_BYTES) return answer(413, { message: 'The event is too large' });
		if ((!body || Object.keys(body).length === 0) && rawBody !== undefined) {
			body = parseRawBody(Buffer.isBuffer(rawBody) ? rawBody.toString('utf8') : String(rawBody));
		} else if (typeof body === 'string') {
			body = parseRawBody(body);
		}
		if (!body || typeof body !== 'object' || Array.isArray(body)) {
			return answer(400, { message: 'Expected a JSON or form-encoded object' });
		}

		// Every Thulium event names its action; a body without one is not a Thulium event.
		if (typeof body.action !== 'string' || body.action.trim() === '') {
			return answer(400, { message: 'Expected an event with an action' });
		}

		const event = normalizeEvent(body);
		const wanted = [
			...(this.getNodeParameter('events', []) as string[]),
			...String(this.getNodeParameter('otherEvents', ''))
				.split(',')
				.map((name) => name.trim().toUpperCase())
				.filter(Boolean),
		];
		if (wanted.length > 0 && !wanted.includes(String(event.action ?? ''))) {
			// Acknowledge, so Thulium does not treat the event as failed, but start nothing.
			return answer(200, { received: true, ignored: true });
		}
		// Answered here: n8n's own answer for a trigger without response data is not JSON.
		return { ...answer(200, { received: true }), workflowData: [this.helpers.returnJsonArray([event])] };
	}
}
