import type { ICredentialType, INodeProperties } from 'n8n-workflow';

/**
 * The HTTP Basic auth user and password set on a webhook in Thulium, checked by the Thulium Chat
 * Trigger. Its own credential (with the fields of n8n's Basic Auth credential) because community
 * nodes may only use credentials of their own package.
 */
export class ThuliumWebhookApi implements ICredentialType {
	name = 'thuliumWebhookApi';

	displayName = 'Thulium Webhook Basic Auth API';

	icon = { light: 'file:../icons/thulium.svg', dark: 'file:../icons/thulium.dark.svg' } as const;

	documentationUrl = 'https://support.thulium.com/en/show/150';

	properties: INodeProperties[] = [
		{
			displayName: 'User',
			name: 'user',
			type: 'string',
			default: '',
			required: true,
			description: 'The HTTP auth user entered on the webhook in Thulium (Administration → Advanced → Webhooks)',
		},
		{
			displayName: 'Password',
			name: 'password',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'The HTTP auth password entered on the webhook in Thulium',
		},
	];
}
