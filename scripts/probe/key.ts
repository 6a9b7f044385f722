/**
 * The answer key: a student looks for it in open practice, before answering
 * or in a second tab during a test.
 */
import { Person } from './client.ts';
import { createAssignment, holds, HTML, JSON_ONLY, joined, judged, keyTexts, quiz, SLUG, wrongAnswer, type Probe } from './context.ts';

const texts = keyTexts();
const found = (body: string) => texts.filter((t) => holds(body, t.text));

export const answerKey: Probe = {
	name: 'answer key in open practice',
	async run(ctx) {
		const student = new Person(ctx.origin, 'student');
		const page = await student.get(`/quiz/${SLUG}`, { headers: { accept: HTML } });
		const data = await student.get(`/quiz/${SLUG}/__data.json`, { headers: { accept: JSON_ONLY } });
		const inPage = found(page.text).length + (data.status === 200 ? found(data.text).length : 0);

		// Each check reveals its own question's texts, and no other's.
		let others = 0;
		// And the search itself works on what the server sends: each check's own explanation is found in it.
		let ownShown = 0;
		const statuses = new Set<number>();
		for (const question of quiz.questions) {
			const check = await student.post(`/quiz/${SLUG}/check`, {
				json: { questionId: question.id, answer: wrongAnswer(question) },
				headers: { accept: JSON_ONLY }
			});
			statuses.add(check.status);
			const own = new Set(texts.filter((t) => t.questionId === question.id).map((t) => t.text));
			others += found(check.text).filter((t) => t.questionId !== question.id && !own.has(t.text)).length;
			if (holds(check.text, question.explanation)) ownShown++;
		}
		const checksOk = statuses.size === 1 && statuses.has(200);
		const n = quiz.questions.length;
		return judged(
			page.status === 200 && inPage === 0 && others === 0 && checksOk && ownShown === n,
			'HANDLED',
			`page ${page.status}, __data.json ${data.status}: texts found: ${inPage} of ${texts.length}; ` +
				`${n} checks (${[...statuses].join('/')}): other questions' texts found: ${others}, own explanation shown: ${ownShown} of ${n}`
		);
	}
};

export const secondTab: Probe = {
	name: 'second tab during a test',
	async run(ctx) {
		const teacher = new Person(ctx.origin, 'teacher');
		const { code } = await createAssignment(teacher, { title: 'Test: Eastfield', mode: 'test' }, ctx);
		const student = new Person(ctx.origin, 'student');
		await joined(student, code, 'Noah', ctx);
		// The same browser, another tab: the same cookies.
		const page = await student.get(`/quiz/${SLUG}`, { headers: { accept: HTML } });
		const saysTest = /taking a test on this quiz/i.test(page.text);
		const inPage = found(page.text).length;
		const question = quiz.questions[0]!;
		const check = await student.post(`/quiz/${SLUG}/check`, {
			json: { questionId: question.id, answer: wrongAnswer(question) },
			headers: { accept: JSON_ONLY }
		});
		const results = await student.post(`/quiz/${SLUG}/results`, {
			json: { answers: { [question.id]: wrongAnswer(question) } },
			headers: { accept: JSON_ONLY }
		});
		return judged(
			page.status === 200 && saysTest && inPage === 0 && check.status === 403 && results.status === 403,
			'REFUSED',
			`practice page ${page.status}, says a test is under way: ${saysTest ? 'yes' : 'no'}, texts found: ${inPage}; ` +
				`check ${check.status}; results ${results.status}`
		);
	}
};
