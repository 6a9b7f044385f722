/**
 * Where a student stands in an assignment, in the one set of words the
 * dashboard, a student's page and the class sheet all use, so a teacher who
 * reads "Answering" on the screen finds "Answering" in the spreadsheet too.
 */
export type StudentStatus = 'not-started' | 'in-progress' | 'finished';

export const STATUS_TEXT: Readonly<Record<StudentStatus, string>> = {
	// Joined, so the teacher knows they are in the class: "Not started" read as not there yet.
	'not-started': 'Joined, no answers yet',
	'in-progress': 'Answering',
	finished: 'Finished'
};
