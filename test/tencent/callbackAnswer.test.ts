// Callback → Answer through n8n-core's real WorkflowExecute, in the workflow it answers for: the
// Tencent Cloud Chat Trigger's item (as n8n starts a webhook execution) → the Tencent Cloud Chat
// node. The answer goes out through n8n's response mechanism (the execution's sendResponse hook,
// which resolves the webhook's pending response in the app). Answers as Tencent documents them:
// https://www.tencentcloud.com/document/product/1047/34364 (ErrorCode 0 allow, 1 reject, 2 drop,
// 120001-130000 custom rejection; MsgBody rewrites the message).
import { ExecutionLifecycleHooks, WorkflowExecute } from 'n8n-core';
import type { IDataObject, IExecuteResponsePromiseData, INode, INodeParameters, IRun, IWorkflowBase } from 'n8n-workflow';
import { Workflow, createRunExecutionData } from 'n8n-workflow';

import { PACKAGE_NAME, TestCredentialsHelper, engineAdditionalData, loadPackage } from '../helpers/engine';

const BEFORE_SEND: IDataObject = {
	SdkAppid: '1400123456',
	contenttype: 'json',
	CallbackCommand: 'C2C.CallbackBeforeSendMsg',
	From_Account: 'jared',
	To_Account: 'Jonh',
	MsgSeq: 48374,
	MsgRandom: 2837546,
	MsgTime: 1557481126,
	MsgBody: [{ MsgType: 'TIMTextElem', MsgContent: { Text: 'red packet' } }],
};

interface AnswerRun {
	responses: IExecuteResponsePromiseData[];
	output: IDataObject[];
	error?: string;
	run: IRun;
}

async function runAnswer(parameters: INodeParameters, options: { withTrigger?: boolean; items?: IDataObject[] } = {}): Promise<AnswerRun> {
	const pkg = await loadPackage();
	const trigger: INode = {
		id: 't',
		name: 'Tencent Cloud Chat Trigger',
		type: `${PACKAGE_NAME}.tencentCloudChatTrigger`,
		typeVersion: 1,
		position: [0, 0],
		parameters: { responseMode: 'responseNode', events: [], otherEvents: '', options: {} },
		credentials: { tencentCloudChatApi: { id: 'c', name: 'Tencent' } },
	};
	const start: INode = options.withTrigger === false ? { id: 's', name: 'Start', type: 'n8n-nodes-base.noOp', typeVersion: 1, position: [0, 0], parameters: {} } : trigger;
	const answer: INode = {
		id: 'a',
		name: 'Answer',
		type: `${PACKAGE_NAME}.tencentCloudChat`,
		typeVersion: 1,
		position: [200, 0],
		parameters: { resource: 'callback', operation: 'answer', ...parameters },
		credentials: { tencentCloudChatApi: { id: 'c', name: 'Tencent' } },
	};
	const nodes = options.withTrigger === false ? [answer] : [trigger, answer];
	const connections = options.withTrigger === false ? {} : { [trigger.name]: { main: [[{ node: answer.name, type: 'main' as const, index: 0 }]] } };
	const wf = { id: 'wf-answer', name: 'answer', active: true, nodes, connections, settings: {} };
	const workflow = new Workflow({ ...wf, nodeTypes: pkg.nodeTypes });
	const hooks = new ExecutionLifecycleHooks('webhook', 'exec-answer', wf as unknown as IWorkflowBase);
	const responses: IExecuteResponsePromiseData[] = [];
	hooks.addHandler('sendResponse', (response) => void responses.push(response));
	const finished = new Promise<IRun>((resolve) => hooks.addHandler('workflowExecuteAfter', (run) => resolve(run)));
	const credentialsHelper = new TestCredentialsHelper(pkg.credentialTypes, {
		tencentCloudChatApi: { region: 'china', sdkAppId: '1400123456', secretKey: 'k', adminIdentifier: 'administrator', callbackToken: 't' },
	});
	const additionalData = engineAdditionalData(hooks, credentialsHelper);
	const items = (options.items ?? [BEFORE_SEND]).map((json) => ({ json }));
	const first = options.withTrigger === false ? answer : start;
	const data = createRunExecutionData({ executionData: { nodeExecutionStack: [{ node: first, data: { main: [items] }, source: null }] } });
	await new WorkflowExecute(additionalData, 'webhook', data).processRunExecutionData(workflow).catch(() => undefined);
	const run = await finished;
	const task = run.data.resultData.runData.Answer?.[0];
	return {
		responses,
		output: (task?.data?.main?.[0] ?? []).map((i) => i.json),
		error: (run.data.resultData.error ?? task?.error)?.message,
		run,
	};
}

const response = (body: IDataObject) => ({ body, headers: { 'content-type': 'application/json; charset=utf-8' }, statusCode: 200 });

describe('Tencent Cloud Chat → Callback → Answer', () => {
	it('allows: ErrorCode 0', async () => {
		const { responses, output } = await runAnswer({ decision: 'allow' });
		expect(responses).toEqual([response({ ActionStatus: 'OK', ErrorCode: 0, ErrorInfo: '' })]);
		expect(output).toEqual([{ answered: true, callbackCommand: 'C2C.CallbackBeforeSendMsg', answer: { ActionStatus: 'OK', ErrorCode: 0, ErrorInfo: '' } }]);
	});

	it('allows with a rewritten MsgBody, from an expression over the callback', async () => {
		const { responses } = await runAnswer({
			decision: 'allowModified',
			messageBody: '={{ JSON.stringify($json.MsgBody.map(e => ({ ...e, MsgContent: { Text: e.MsgContent.Text.replace("red", "***") } }))) }}',
		});
		expect(responses).toEqual([
			response({ ActionStatus: 'OK', ErrorCode: 0, ErrorInfo: '', MsgBody: [{ MsgType: 'TIMTextElem', MsgContent: { Text: '*** packet' } }] }),
		]);
	});

	it('rejects (ErrorCode 1, or a custom code with its text) and drops (ErrorCode 2)', async () => {
		expect((await runAnswer({ decision: 'reject' })).responses).toEqual([response({ ActionStatus: 'OK', ErrorCode: 1, ErrorInfo: '' })]);
		expect((await runAnswer({ decision: 'reject', errorCode: 120001, errorInfo: 'Blocked word' })).responses).toEqual([
			response({ ActionStatus: 'OK', ErrorCode: 120001, ErrorInfo: 'Blocked word' }),
		]);
		expect((await runAnswer({ decision: 'drop' })).responses).toEqual([response({ ActionStatus: 'OK', ErrorCode: 2, ErrorInfo: '' })]);
	});

	it('refuses a code outside 120001-130000 and a body that is not a list of elements, answering nothing', async () => {
		const code = await runAnswer({ decision: 'reject', errorCode: 5 });
		expect(code.error).toBe('Error Code 5 is not a custom rejection code [item 0]');
		expect(code.responses).toEqual([]);
		const body = await runAnswer({ decision: 'allowModified', messageBody: '{"Text":"x"}' });
		expect(body.error).toBe('Message Body is not a list of message elements [item 0]');
		expect(body.responses).toEqual([]);
	});

	it('needs the Tencent Cloud Chat Trigger before it', async () => {
		const { error, responses } = await runAnswer({ decision: 'allow' }, { withTrigger: false });
		expect(error).toBe('Callback → Answer needs the Tencent Cloud Chat Trigger before it');
		expect(responses).toEqual([]);
	});

	it('does not answer an after-callback (the trigger answered it at once) and says so', async () => {
		const { responses, output } = await runAnswer({ decision: 'reject' }, { items: [{ ...BEFORE_SEND, CallbackCommand: 'C2C.CallbackAfterSendMsg' }] });
		expect(responses).toEqual([]);
		expect(output[0]).toMatchObject({ answered: false, callbackCommand: 'C2C.CallbackAfterSendMsg' });
	});

	it('refuses more than one item: a callback has exactly one answer', async () => {
		const { error, responses } = await runAnswer({ decision: 'allow' }, { items: [BEFORE_SEND, BEFORE_SEND] });
		expect(error).toBe('Callback → Answer received 2 items, but a callback has exactly one answer');
		expect(responses).toEqual([]);
	});
});
