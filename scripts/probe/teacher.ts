/**
 * The teacher's side: the manage link, the teacher's cookie, the CSV and the
 * form that creates an assignment, attacked as a projector, a careless
 * browser, an odd title or a forged form would.
 */
import { Person } from './client.ts';
import { count, createAssignment, holds, HTML, JSON_ONLY, judged, short, teachForm, type AssignmentForm, type Probe } from './context.ts';

export const manageLink: Probe = {
	name: 'manage link shown once',
	async run(ctx) {
		const teacher = new Person(ctx.origin, 'teacher');
		const { id, manageToken, linkPage } = await createAssignment(teacher, { title: 'Link' }, ctx);
		if (!manageToken) return { verdict: 'OPEN', figures: `the link page (${linkPage.status}) showed no /m/<token> link at all` };
		const shownFirst = linkPage.text.split(manageToken).length - 1;
		const again = await teacher.get(`/manage/${id}/link`, { headers: { accept: HTML } });
		const dashboard = await teacher.get(`/manage/${id}`, { headers: { accept: HTML } });
		const data = await teacher.get(`/manage/${id}/__data.json`, { headers: { accept: JSON_ONLY } });
		const inAgain = again.text.includes(manageToken);
		const inDashboard = dashboard.text.includes(manageToken);
		const inData = data.text.includes(manageToken);
		// The token shown is the real one: it opens the dashboard in another browser.
		const phone = new Person(ctx.origin, 'teacher on a phone');
		const opened = await phone.get(`/m/${manageToken}`, { headers: { accept: HTML } });
		const opens = opened.status === 200 && opened.url.pathname === `/manage/${id}`;
		return judged(
			shownFirst > 0 && again.status === 200 && !inAgain && dashboard.status === 200 && !inDashboard && !inData && opens,
			'HANDLED',
			`first load shows it: ${shownFirst > 0 ? 'yes' : 'no'}; second load ${again.status}: ${inAgain ? 'token shown again' : 'no token'}; ` +
				`dashboard HTML ${dashboard.status}: ${inDashboard ? 'token' : 'no token'}, __data.json ${data.status}: ${inData ? 'token' : 'no token'}; ` +
				`the link opens the dashboard elsewhere: ${opens ? 'yes' : `no (${opened.status})`}`
		);
	}
};

export const csvNames: Probe = {
	name: 'CSV of non-Latin titles',
	async run(ctx) {
		const teacher = new Person(ctx.origin, 'teacher');
		const results: { title: string; status: number; extended: boolean; name: string }[] = [];
		for (const title of ['Łódź 7B', 'Класс 5', '新闻课']) {
			const { id } = await createAssignment(teacher, { title }, ctx);
			const csv = await teacher.get(`/manage/${id}/export.csv`);
			const disposition = csv.headers.get('content-disposition') ?? '';
			const extended = /filename\*=UTF-8''([^;\s]+)/.exec(disposition)?.[1];
			let name = '(none)';
			try {
				if (extended) name = decodeURIComponent(extended);
			} catch {
				name = '(undecodable)';
			}
			results.push({ title, status: csv.status, extended: extended !== undefined, name });
		}
		const good = count(results, (r) => r.status === 200 && r.extended);
		return judged(
			good === results.length,
			'HANDLED',
			`${good} of ${results.length} download (200) with filename*=UTF-8'': ` + results.map((r) => `"${r.title}" ${r.status} → ${r.name}`).join(', ')
		);
	}
};

export const cookiePile: Probe = {
	name: 'cookies do not pile up',
	async run(ctx) {
		const teacher = new Person(ctx.origin, 'teacher');
		const ids: string[] = [];
		for (let i = 1; i <= 5; i++) ids.push((await createAssignment(teacher, { title: `Period ${i}` }, ctx)).id);
		const ours = teacher.cookies().filter((c) => c.name.startsWith('whosays_'));
		let opening = 0;
		for (const id of ids) if ((await teacher.get(`/manage/${id}`, { headers: { accept: HTML } })).status === 200) opening++;
		return judged(
			ours.length === 1 && opening === ids.length,
			'HANDLED',
			`after 5 assignments the jar holds ${ours.length} whosays_* cookie(s) (${ours.map((c) => `${c.name} path ${c.path}`).join(', ')}); ` +
				`${opening} of 5 dashboards open with it`
		);
	}
};

/** Every string in an ActionResult's data (devalue's flat array), where a form's messages are. */
function strings(body: string): string[] {
	try {
		const result = JSON.parse(body) as { type?: string; status?: number; data?: string };
		const data: unknown = typeof result.data === 'string' ? JSON.parse(result.data) : [];
		return Array.isArray(data) ? data.filter((v): v is string => typeof v === 'string') : [];
	} catch {
		return [];
	}
}

interface DateCase {
	label: string;
	form: AssignmentForm;
	message: RegExp;
}

export const badDates: Probe = {
	name: 'bad dates and time zones',
	async run(ctx) {
		const cases: DateCase[] = [
			{ label: 'closesAtOffset=1e12', form: { closesAtOffset: '1e12', closesAt: '2030-01-01T10:00' }, message: /time zone/i },
			{ label: 'closesAt 9999-12-31T10:00', form: { closesAt: '9999-12-31T10:00' }, message: /clos/i },
			{ label: 'opensAt 2027-02-30T09:00', form: { opensAt: '2027-02-30T09:00' }, message: /date/i }
		];
		const teacher = new Person(ctx.origin, 'teacher');
		const lines: string[] = [];
		let held = true;
		for (const c of cases) {
			// As the page's script sends it (an ActionResult), and as a browser without script does (a page).
			const asJson = await teacher.post('/teach', { form: teachForm(c.form), headers: { accept: JSON_ONLY }, follow: false });
			const result = JSON.parse(asJson.text) as { type?: string; status?: number };
			const message = strings(asJson.text).find((s) => c.message.test(s) && s.split(' ').length > 3);
			const asPage = await teacher.post('/teach', { form: teachForm(c.form), headers: { accept: HTML }, follow: false });
			const pageSays = message !== undefined && holds(asPage.text, message);
			held &&= asJson.status < 500 && result.type === 'failure' && result.status === 400 && message !== undefined && asPage.status === 400 && pageSays;
			lines.push(`${c.label}: ${result.type} ${result.status} (HTTP ${asJson.status}), page ${asPage.status}, "${short(message ?? '(no message)', 48)}"`);
		}
		const created = teacher.cookie('whosays_teacher') !== undefined;
		return judged(held && !created, 'REFUSED', lines.join('; ') + (created ? '; an assignment was created' : ''));
	}
};

export const crossSite: Probe = {
	name: 'cross-site form post',
	async run(ctx) {
		const victim = new Person(ctx.origin, 'teacher lured to another site');
		const reply = await victim.post('/teach', {
			form: teachForm({ title: 'Forged' }),
			origin: 'http://evil.example',
			headers: { accept: HTML },
			follow: false
		});
		const said = /did not come from this site|forbidden/i.exec(reply.text)?.[0];
		const created = victim.cookie('whosays_teacher') !== undefined || reply.status === 303;
		return judged(
			reply.status === 403 && said !== undefined && !created,
			'REFUSED',
			`${reply.status} "${short(reply.text.replace(/\s+/g, ' '), 80)}"; assignment created: ${created ? 'yes' : 'no'}`
		);
	}
};
