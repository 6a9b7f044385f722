import adapter from '@sveltejs/adapter-node';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	compilerOptions: { runes: true },
	kit: {
		adapter: adapter(),
		alias: { $quizzes: 'quizzes' }
	}
};

export default config;
