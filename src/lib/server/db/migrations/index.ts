/**
 * Every migration, in order. Listed in code rather than read from a folder so
 * the bundled server (adapter-node) carries them with it.
 */
import type { Migration } from 'kysely';
import * as initial from './001-initial.ts';
import * as teacherSessions from './002-teacher-sessions.ts';
import * as fairNames from './003-fair-names.ts';
import * as optionOrder from './004-option-order.ts';
import * as sharedLimits from './005-shared-limits.ts';
import * as joinKeys from './006-join-keys.ts';
import * as rightMeansWhole from './007-right-means-whole.ts';
import * as nameLookAlikes from './008-name-look-alikes.ts';

export const migrations: Record<string, Migration> = {
	'001-initial': initial,
	'002-teacher-sessions': teacherSessions,
	'003-fair-names': fairNames,
	'004-option-order': optionOrder,
	'005-shared-limits': sharedLimits,
	'006-join-keys': joinKeys,
	'007-right-means-whole': rightMeansWhole,
	'008-name-look-alikes': nameLookAlikes
};
