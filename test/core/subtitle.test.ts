// Each action node's subtitle (shown under the node on the canvas) names the selected operation in
// words, evaluated by n8n-workflow's real expression engine on the built package. n8n's lint wants
// the subtitle as a plain string in the node file: a lookup table from "resource:operation" to the
// operation's action in title words; when an operation is added, this test prints the new string.
import type { INode, INodeProperties } from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';

import { loadPackage, PACKAGE_NAME } from '../helpers/engine';

/** Short words kept lower-case inside a title, as in the nodes panel ("Send Message to Group"). */
const LOWER = new Set(['to', 'of', 'and', 'or', 'in', 'on', 'for', 'by', 'with', 'from']);

/** An operation's action in title words: "Send a message to a group" gives "Send Message to Group". */
function actionTitle(action: string): string {
	return action
		.split(/\s+/)
		.filter((word) => !/^(a|an|the)$/i.test(word))
		.map((word, i) => (i > 0 && LOWER.has(word) ? word : word.charAt(0).toUpperCase() + word.slice(1)))
		.join(' ');
}

/** The subtitle a node's operations call for (one flat object literal: no "}}" inside the expression). */
function operationSubtitle(properties: INodeProperties[]): string {
	const titles: Record<string, string> = {};
	for (const property of properties) {
		if (property.name !== 'operation' || property.type !== 'options') continue;
		for (const resource of property.displayOptions!.show!.resource as string[]) {
			for (const option of property.options as Array<{ value: string; action: string }>) {
				titles[`${resource}:${option.value}`] = actionTitle(option.action);
			}
		}
	}
	return `={{ (${JSON.stringify(titles)})[$parameter["resource"] + ":" + $parameter["operation"]] || $parameter["operation"] }}`;
}

const NODES = ['thuliumChat', 'tencentCloudChat', 'easemobIm'];

describe('actionTitle', () => {
	it.each([
		['Send a message', 'Send Message'],
		['Delete a conversation', 'Delete Conversation'],
		['Send a message to a group', 'Send Message to Group'],
		['Get many chats', 'Get Many Chats'],
	])('%s gives %s', (action, title) => expect(actionTitle(action)).toBe(title));
});

describe.each(NODES)('%s subtitle', (name) => {
	it('reads as the operation in words for every resource and operation', async () => {
		const { nodeTypes } = await loadPackage();
		const type = nodeTypes.getByNameAndVersion(`${PACKAGE_NAME}.${name}`, 1);
		const { subtitle, properties } = type.description;
		expect(subtitle).toBe(operationSubtitle(properties));
		const operations = properties.filter((p: INodeProperties) => p.name === 'operation');
		expect(operations.length).toBeGreaterThan(0);
		for (const property of operations) {
			for (const resource of property.displayOptions!.show!.resource as string[]) {
				for (const option of property.options as Array<{ value: string; action: string }>) {
					const node: INode = {
						id: '1',
						name: 'Node',
						type: `${PACKAGE_NAME}.${name}`,
						typeVersion: 1,
						position: [0, 0],
						parameters: { resource, operation: option.value },
					};
					const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes });
					const shown = workflow.expression.getSimpleParameterValue(node, subtitle!, 'internal', {});
					expect(shown).toBe(actionTitle(option.action));
					expect(shown).toMatch(/^[A-Z][a-z]+( [A-Za-z]+)+$/);
				}
			}
		}
	});
});
