import { describe, expect, it } from 'vitest';
import { checkQuizFile, fileNameProblem, fixedFileName } from './quiz-file.ts';
import { formatProblem } from './validate/format.ts';

const hint = (name: string) => fileNameProblem(`quizzes/${name}`)?.hint;

describe('a quiz file’s name', () => {
	it('gives the name to use when a browser or an editor changed it', () => {
		expect(hint('bus-routes.json (1).json')).toBe('rename it bus-routes.json');
		expect(hint('bus-routes (1).json')).toBe('rename it bus-routes.json');
		expect(hint('Bus-Routes.json')).toBe('rename it bus-routes.json');
		expect(hint('Café Closure.json')).toBe('rename it cafe-closure.json');
		expect(hint('Pool-Three.JSON')).toBe('rename it pool-three.json, ending in .json (lower case)');
		expect(hint('pool-two.json.txt')).toBe('rename it pool-two.json: an editor added ".txt" when it saved');
	});

	it('says only to rename a file when no name can be made from it', () => {
		expect(hint('???.json')).toBe('rename the file');
	});

	it('leaves a good name alone', () => {
		expect(fileNameProblem('quizzes/bus-routes.json')).toBeNull();
		expect(fixedFileName('quizzes/bus-routes.json')).toBeNull();
	});

	it('is told to the checker with the name to use', () => {
		const r = checkQuizFile('quizzes/bus-routes.json (1).json', '{}');
		expect(r.ok ? [] : r.problems.slice(0, 1).map((p) => formatProblem('quizzes/bus-routes.json (1).json', p))).toEqual([
			'quizzes/bus-routes.json (1).json error The file name "bus-routes.json (1).json" cannot be a web address (expected lower-case letters, digits and single hyphens, then .json, like "city-council-vote.json") hint: rename it bus-routes.json'
		]);
	});
});
