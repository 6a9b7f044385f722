/**
 * Writes static/quiz.schema.json from the zod schema; a unit test fails when
 * the checked-in file is older than the schema.
 *   npm run quiz:schema
 */
import { writeFileSync } from 'node:fs';
import { SCHEMA_FILE, quizJsonSchemaText } from '../src/lib/quiz/json-schema.ts';

writeFileSync(SCHEMA_FILE, quizJsonSchemaText());
console.log(`wrote ${SCHEMA_FILE}`);
