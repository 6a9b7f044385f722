/** Writes docs/statechart.md from the quiz machine. */
import { writeFileSync } from 'node:fs';
import { quizMachine } from '../src/lib/machines/quiz.machine.ts';
import { toMermaid } from './statechart/mermaid.ts';

const doc = `# The quiz flow

Generated from \`src/lib/machines/quiz.machine.ts\` by \`npm run docs:statechart\`;
a unit test fails when this picture and the machine differ.

\`\`\`mermaid
${toMermaid(quizMachine)}
\`\`\`

- **intro**: the quiz's title, outlet, length and time; the student picks practice or test mode
  (\`mode.choose\`, kept across reloads; an assignment fixes the mode). Question 1 is already open
  under it: its answer is built here (\`answer.change\`), and its one form sends \`quiz.start\` and
  then the answer to check.
- **answering**: the student builds an answer (\`answer.change\`), kept across reloads.
- **checking**: the \`grade\` actor checks it. Open practice grades in the browser; an assignment
  grades on the server. A failure returns to answering with the answer kept.
- **feedback** (practice only): right or wrong, the explanation, the cue words, why not the
  student's choice.
- **finishing**: the \`finish\` actor returns the results the page does not hold yet, merged over those it does
  (test mode reveals them only now);
  on failure the student can try again without losing anything.
- **summary**: score, score per category, confusions, the missed items with explanations.
- **review**: each question in turn with its feedback.
- **retry**: \`quiz.retryMissed\` starts a round of only the missed questions.

Progress is saved after every step as XState's persisted snapshot, per quiz and quiz version.
`;
writeFileSync('docs/statechart.md', doc);
console.log('wrote docs/statechart.md');
