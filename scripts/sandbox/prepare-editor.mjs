// After `n8n start` in the sandbox: creates the owner account on the first start (or logs in), then
// publishes the given workflows (the examples that listen for calls), as the editor's Publish does.
//   node prepare-editor.mjs <n8n base URL> <email> <password> [workflowId...]
const [base, email, password, ...publish] = process.argv.slice(2);
let cookie = '';

async function rest(method, path, body) {
	const response = await fetch(`${base}${path}`, {
		method,
		headers: { 'content-type': 'application/json', 'browser-id': 'ncc-sandbox-start', ...(cookie ? { cookie } : {}) },
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	const match = /n8n-auth=([^;]*)/.exec(response.headers.get('set-cookie') ?? '');
	if (match) cookie = `n8n-auth=${match[1]}`;
	const text = await response.text();
	let json;
	try {
		json = JSON.parse(text);
	} catch {
		json = undefined;
	}
	return { status: response.status, text, json };
}

const setup = await rest('POST', '/rest/owner/setup', { email, password, firstName: 'Sandbox', lastName: 'Owner' });
if (setup.status === 200) {
	console.log('    owner account created');
} else {
	const login = await rest('POST', '/rest/login', { emailOrLdapLoginId: email, password });
	if (login.status !== 200) {
		console.error(`!! could not log in as ${email} (${login.status}: ${login.text.slice(0, 200)}); if you changed the password, delete the sandbox folder (.n8n-sandbox) to start afresh`);
		process.exit(1);
	}
}
const published = [];
for (const id of publish) {
	const workflow = await rest('GET', `/rest/workflows/${id}`);
	const data = workflow.json?.data;
	if (workflow.status !== 200 || !data) {
		console.error(`    (workflow ${id} is not in the sandbox; skipped)`);
		continue;
	}
	if (data.active && data.activeVersionId === data.versionId) {
		published.push(id);
		continue;
	}
	const result = await rest('POST', `/rest/workflows/${id}/activate`, { versionId: data.versionId });
	if (result.status !== 200) {
		console.error(`!! publishing ${id} failed: ${result.status} ${result.text.slice(0, 300)}`);
		process.exit(1);
	}
	published.push(id);
}
if (published.length) console.log(`    published: ${published.join(', ')}`);
