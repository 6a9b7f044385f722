/**
 * English attribution cues: how news writers say who says so. Pattern syntax
 * is described in ./types.ts. Weights order the families: a non-answer beats
 * the named speaker who gives it; an unnamed source or "reportedly" beats the
 * public facts mentioned beside it; a named or official speaker beats a mere
 * word of feeling.
 */
import type { Lexicon } from './types.ts';

const NUMBERS = ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'a dozen', 'dozens of'];

export const en: Lexicon = {
	language: 'en',
	fallbackCategory: 'fact',
	classes: {
		speech: [
			'said', 'says', 'say', 'told', 'tells', 'added', 'adds', 'stated', 'states', 'explained', 'explains',
			'wrote', 'writes', 'noted', 'notes', 'announced', 'announces', 'confirmed', 'confirms', 'insisted',
			'insists', 'argued', 'argues', 'acknowledged', 'acknowledges', 'admitted', 'admits', 'warned', 'warns',
			'testified', 'replied', 'responded', 'remarked', 'recalled', 'declared', 'stressed', 'emphasi[sz]ed',
			'asserted', 'maintained', 'predicted', 'posted', 'tweeted', 'pointed out', 'described', 'describes'
		],
		// People a reader cannot identify when no name comes with them.
		person: [
			'sources?', 'officials?', 'people', 'persons?', 'aides?', 'insiders?', 'employees?', 'staffers?',
			'managers?', 'executives?', 'workers?', 'advis[eo]rs?', 'diplomats?', 'members?', 'colleagues?',
			'associates?', 'allies', 'friends?', 'confidants?', 'residents?', 'teachers?', 'parents?', 'witnesses?',
			'investigators?', 'lawmakers?', 'officers?', 'agents?', 'analysts?', 'individuals?', 'someone', 'figures?',
			// The public, asked in the street: "Riders said the changes would hurt."
			'riders?', 'passengers?', 'commuters?', 'customers?', 'patients?', 'students?', 'voters?', 'neighbou?rs?',
			'locals?', 'fans?', 'players?', 'supporters?', 'opponents?', 'protesters?', 'families', 'nurses?',
			'doctors?', 'shoppers?', 'visitors?', 'users?', 'owners?', 'drivers?', 'tenants?', 'farmers?'
		],
		quant: [
			'a', 'an', 'the', 'some', 'several', 'many', 'multiple', 'numerous', 'other', 'those', 'these', 'more than',
			'a number of', 'a handful of', 'at least', 'another', '\\d+', ...NUMBERS
		],
		// A number of people, however they are described: "two nurses", "one of them".
		count: [
			'some', 'several', 'many', 'a few', 'a number of', 'a handful of', 'dozens of', 'both', 'at least \\d+',
			'more than \\d+', '\\d+', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'
		],
		// Roles that speak for an organisation on the record.
		role: [
			'spokesperson', 'spokesman', 'spokeswoman', 'spokespeople', 'spokespersons', 'representative',
			'press secretary', 'press officer', 'press office', 'communications director'
		],
		institution: [
			'company', 'firm', 'district', 'council', 'board', 'city', 'county', 'state', 'department', 'ministry',
			'agency', 'government', 'administration', 'office', 'police', 'union', 'school', 'university', 'hospital',
			'court', 'commission', 'committee', 'authority', 'campaign', 'party', 'club', 'league'
		],
		officeHolder: [
			'mayor', 'governor', 'president', 'senator', 'minister', 'secretary', 'superintendent', 'principal', 'chair',
			'chairman', 'chairwoman', 'chief executive', 'ceo', 'director', 'prosecutors?', 'judge', 'sheriff',
			'police chief', 'attorney general', 'council(l)?or', 'commissioner', 'headteacher', 'coach'
		],
		// Names of news outlets, and the last words that mark a name as an outlet's.
		outletName: [
			'ABC News', 'ABC', 'NBC News', 'NBC', 'CBS News', 'CBS', 'CNN', 'BBC', 'NPR', 'PBS', 'Fox News', 'Reuters',
			'Bloomberg', 'Associated Press', 'AP', 'AFP', 'Politico', 'Axios', 'Vox', 'Al Jazeera', 'Sky News'
		],
		outletHead: [
			'Times', 'Post', 'News', 'Journal', 'Herald', 'Gazette', 'Tribune', 'Courier', 'Daily', 'Chronicle',
			'Telegraph', 'Guardian', 'Observer', 'Standard', 'Independent', 'Examiner', 'Register', 'Globe', 'Star',
			'Sun', 'Mail', 'Mirror', 'Express', 'Bulletin', 'Ledger', 'Review', 'Magazine', 'Weekly', 'Radio', 'TV',
			'Television', 'Wire', 'Press', 'Monitor', 'Dispatch', 'Inquirer', 'Enquirer', 'Sentinel', 'Record'
		],
		outlet: [
			'(the )?{outletName}(?! \\p{Lu})',
			'(the )?(\\p{Lu}[\\p{L}’\'.&-]* ){0,3}{outletHead}(?! \\p{Lu})'
		],
		// Papers a reader could ask for or look up: "according to the meeting’s agenda".
		record: [
			'minutes', 'records?', 'documents?', 'filings?', 'court papers', 'data', 'figures', 'budget', 'transcripts?',
			'census', 'accounts', 'register', 'ledger', 'audit', 'report', 'agendas?', 'memos?', 'notices?', 'letters?',
			'statements?', 'handbooks?', 'polic(y|ies)', 'contracts?', 'invoices?', 'websites?', 'schedules?', 'timetables?'
		],
		recordVerb: [
			'show', 'shows', 'showed', 'state', 'states', 'stated', 'reveal', 'reveals', 'revealed', 'indicate',
			'indicates', 'indicated', 'list', 'lists', 'listed', 'confirm', 'confirms', 'confirmed', 'say', 'says'
		],
		weekday: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'],
		month: [
			'January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October',
			'November', 'December'
		],
		// Capitalised words that open sentences or name times, never a speaker.
		notName: [
			'he', 'she', 'it', 'they', 'we', 'i', 'you', 'the', 'a', 'an', 'this', 'that', 'these', 'those', 'his',
			'her', 'their', 'its', 'our', 'my', 'your', 'but', 'and', 'or', 'so', 'then', 'when', 'after', 'before',
			'while', 'as', 'if', 'in', 'on', 'at', 'by', 'for', 'with', 'from', 'to', 'of', 'asked', 'according',
			'some', 'many', 'several', 'one', 'two', 'three', 'four', 'five', 'both', 'all', 'no', 'none', 'there',
			'meanwhile', 'however', 'still', 'yet', 'now', 'later', 'earlier', 'also', 'officials', 'sources',
			'aides', 'people', 'critics', 'experts', 'reports', 'police', 'prosecutors', 'why', 'what', 'who', 'how',
			'{weekday}', '{month}', 'today', 'yesterday', 'tomorrow',
			// A sentence's first word is capitalised: "Riders said…" is no one's name.
			'{person}'
		],
		nonAnswerVerb: [
			'say', 'comment', 'confirm', 'deny', 'discuss', 'answer', 'elaborate', 'specify', 'respond', 'reply',
			'address', 'disclose', 'name', 'speculate', 'explain', 'return', 'give details', 'provide details',
			'go into details?', 'release', 'be interviewed', 'estimate', 'predict', 'reveal', 'identify', 'share',
			'detail', 'characteri[sz]e', 'quantify', 'guess', 'put a (figure|number) on', 'give a (figure|number|timeline)'
		]
	},
	cues: [
		{
			rule: 'non-answer',
			category: 'non-answer',
			weight: 1,
			patterns: [
				'(declined|declines|decline|refused|refuses|refuse) to {nonAnswerVerb}',
				'declined (comment|requests? for comment|an interview|interview requests)',
				'(would|will|could|can|did|does|do)( not|n\'t) (immediately )?{nonAnswerVerb}',
				'(said|would say|will say|could say) only that',
				'would only say',
				'(gave|gives|offered|offers|provided|provides) no (details|explanation|answer|timeline|figures?|reason|comment)',
				'(won\'t|can\'t|cannot) (immediately )?{nonAnswerVerb}',
				'(has|have|had)( not|n\'t)( yet)? (responded|replied|commented|answered|discussed|returned|said|confirmed)',
				'(has|have|had)( not|n\'t)( yet)? (had|held) (a |any )?(discussion|conversation)s?',
				'no comment',
				'(could|can)( not|n\'t|not) be reached',
				'(was|were|is|are) not available (for|to) comment',
				'unavailable for comment',
				'not going to (get into|go into|comment|discuss|speculate|say)',
				'(won\'t|will not) (get|go) into',
				'(would )?neither confirm nor deny',
				'not in a position to (say|comment|confirm|discuss)',
				'(did|do|does)( not|n\'t) (want|wish) to (comment|discuss|say)',
				'(would not|wouldn\'t|refused to|declined to) be drawn',
				'(ducked|dodged|sidestepped|evaded|deflected)( the| a)?( question| questions| it)?'
			]
		},
		{
			rule: 'unnamed-source',
			category: 'anonymous',
			weight: 0.9,
			framesSentence: true,
			// News copy misspells these ("familar"); a missed unnamed source would pass for a fact.
			toleratesTypos: true,
			patterns: [
				'({quant}|unnamed|anonymous|senior|informed|reliable)( [\\p{Ll}-]+){0,2} sources?',
				'sources? (said|say|says|told|close to|familiar with|with knowledge of|who)',
				'{person} (familiar with|close to|with (direct |first-hand )?knowledge of|briefed on|involved in)',
				'{person} who (spoke|speak|asked|requested|insisted|declined to be|did not want to be|would speak only|(was|were|is|are) not authori[sz]ed)',
				'(on|under) (the )?(condition|promise|understanding) of anonymity',
				'anonymously',
				'(asked|requested|insisted on|declined|refused) (not )?to be (named|identified)',
				'(asked|requested|insisted|on (the )?condition) that (their|his|her) names? (not|be withheld)',
				'(requested|was granted|were granted|was given|were given) anonymity',
				'not authori[sz]ed to (speak|discuss|comment|talk)',
				'(unnamed|anonymous|unidentified) {person}',
				'citing ({quant} )?([\\p{Ll}-]+ ){0,2}{person}',
				'according to ({quant} )?([\\p{Ll}-]+ ){0,2}{person}',
				'({quant} )?(of (the|his|her|their|its) )?([\\p{Ll}-]+ ){0,2}{person} {speech}',
				// Counted people are unnamed whatever the noun: "two nurses at the plant said".
				'{count}( other)? ([\\p{Ll}-]+ )?\\p{Ll}+( (of|at|in|from|for|with|on) (the |a |an )?([\\p{L}’\'-]+ ){0,2}?[\\p{L}’\'-]+)?,? {speech}',
				'{count} of (them|those|these|the [\\p{Ll}-]+)( [\\p{Ll}-]+)? {speech}',
				'{count} ([\\p{Ll}-]+ )?\\p{Ll}+, [^,;“”"]{1,100}, {speech}'
			]
		},
		{
			rule: 'public-record',
			category: 'fact',
			weight: 0.9,
			framesSentence: true,
			patterns: [
				'(the )?([\\p{Ll}’\'-]+ ){0,2}{record} {recordVerb}',
				'according to (the |a )?([\\p{L}’\'-]+ ){0,2}{record}',
				'in a (court |regulatory |public |written )?(filing|statement|letter|press release|news release)',
				'(court|public|county|city|state|federal|police|property|official) records'
			]
		},
		{
			rule: 'hedge',
			category: 'anonymous',
			weight: 0.85,
			patterns: [
				'reportedly',
				'allegedly',
				'purportedly',
				'supposedly',
				'reputedly',
				'rumou?red',
				'(is|are|was|were|has been|have been|had been)( also| still| now| widely| \\p{Ll}+ly)? (said|reported|believed|thought|understood|rumou?red|alleged) to',
				'it is (said|believed|thought|understood|rumou?red|alleged) that'
			]
		},
		{
			rule: 'second-hand',
			category: 'anonymous',
			weight: 0.85,
			framesSentence: true,
			patterns: [
				'according to {outlet}',
				'{outlet} (said|says|reported|reports|wrote|writes|revealed|first reported|has reported|had reported)',
				'(first )?reported by {outlet}',
				'(the )?([\\p{Ll}-]+ )?(stories|reports|reporting|accounts|rumou?rs) (say|said|report|reported|suggest|suggested|claim|claimed|swirled|circulated|indicate|indicated|have said)',
				'(news|media|press) reports',
				'(it was|it has been|it had been|as was|as first) reported',
				'according to (the )?(reports?|stories|media reports|news reports)',
				'citing (a |the )?(report|reports|reporting) (by|in|from)'
			]
		},
		{
			rule: 'public-act',
			category: 'fact',
			weight: 0.8,
			patterns: [
				'publicly',
				'in public',
				'(out )?into the open',
				'on the record',
				'at a (press|news) conference',
				'at (a|the)( [\\p{Ll}]+)? briefing',
				'told reporters',
				'in an interview',
				'on (Twitter|X|Facebook|Instagram|television|TV|live television)',
				'in a (televised|public) (address|speech)'
			]
		},
		{
			rule: 'named-speaker',
			category: 'fact',
			weight: 0.7,
			framesSentence: true,
			patterns: [
				'{Name} {speech}',
				'{speech} {Name}',
				'{Name}, [^,;“”"]{1,80}, {speech}',
				'{Name}, {speech}',
				'according to {Name}'
			]
		},
		{
			rule: 'role-speaker',
			category: 'fact',
			weight: 0.6,
			framesSentence: true,
			patterns: [
				'(a|an|the)( [\\p{L}’\'-]+){0,3}? {role}',
				'(the|a|an|its|his|her|their) ([\\p{Ll}’\'-]+ ){0,2}({institution}|{officeHolder}) {speech}',
				'according to (the|a|an) ([\\p{Ll}’\'-]+ ){0,2}({institution}|{officeHolder}|{role})',
				'(police|prosecutors|investigators|authorities) {speech}'
			]
		},
		{
			rule: 'public-act',
			category: 'fact',
			weight: 0.6,
			patterns: [
				'(signed|signs|voted|votes|approved|passed|adopted|ratified|enacted|vetoed|appointed|nominated|elected)',
				'(recused|blocked|ruled|overturned|struck down|fired|dismissed|sacked|hired|resigned)',
				'(filed|sued|charged|indicted|convicted|sentenced|acquitted|testified)',
				'(published|announced|issued|unveiled|awarded)',
				'(recuse|recuses|recusing) (himself|herself|themselves|itself)',
				'(recusal|firing|resignation|appointment|nomination|vote|ruling|verdict|indictment|veto|testimony|lawsuit)',
				'(held|hold|holds|will hold) a (vote|hearing|meeting|press conference|news conference|briefing|rally)',
				'public (hearing|meeting|vote|statement|session|event)'
			]
		},
		{
			rule: 'private-state',
			category: 'anonymous',
			weight: 0.45,
			patterns: [
				'(blame|blames|blamed|blaming)',
				'(angry|angered|anger|ire|furious|fury|frustrated|frustration|peeved|irritated|annoyed|upset|livid)',
				'(resentful|resented|dissatisfied|dissatisfaction|displeased|displeasure|worried|fears|feared|fearful)',
				'(privately|in private|behind closed doors|behind the scenes|behind-the-scenes|closed-door|confided|quietly|secretly)',
				'told (his |her |their )?(aides|associates|allies|friends|confidants|advis[eo]rs|colleagues)',
				'(willing to|wanted|wants|intends? to|intended to|considering|weighing|mulling)',
				'(believes|believed|thinks|thought that|felt|feels|hoped|hopes|worries|fears)',
				'(talks|negotiations|private discussions|private conversations)'
			]
		},
		{
			rule: 'public-act',
			category: 'fact',
			weight: 0.3,
			// A dated event is likelier a checkable one; but a date says nothing of who says so.
			notSourceWords: true,
			patterns: [
				'(on )?{weekday}( (morning|afternoon|evening|night))?',
				'(in|on|since|by) {month}( \\d{1,2})?(,? \\d{4})?',
				'in (1[89]|20)\\d\\d'
			]
		}
	],
	sentences: {
		titles: [
			'Mr.', 'Mrs.', 'Ms.', 'Dr.', 'Prof.', 'Gov.', 'Sen.', 'Rep.', 'Gen.', 'Col.', 'Lt.', 'Sgt.', 'Capt.',
			'Cmdr.', 'Adm.', 'Rev.', 'Hon.', 'Pres.', 'Supt.', 'Det.', 'Insp.', 'Maj.', 'Fr.', 'Mt.'
		],
		abbreviations: [
			'Inc.', 'Corp.', 'Ltd.', 'Co.', 'Bros.', 'Jr.', 'Sr.', 'St.', 'Ave.', 'Jan.', 'Feb.', 'Mar.', 'Apr.',
			'Jun.', 'Jul.', 'Aug.', 'Sep.', 'Sept.', 'Oct.', 'Nov.', 'Dec.', 'No.', 'Nos.', 'vs.', 'etc.', 'e.g.',
			'i.e.', 'a.m.', 'p.m.', 'approx.', 'Dept.', 'Univ.', 'Assn.'
		],
		openers: [
			'The', 'A', 'An', 'He', 'She', 'It', 'They', 'We', 'I', 'You', 'This', 'That', 'These', 'Those', 'His',
			'Her', 'Their', 'Its', 'Our', 'But', 'And', 'In', 'On', 'At', 'After', 'Before', 'When', 'While', 'As',
			'If', 'Some', 'Many', 'Several', 'There', 'Asked', 'According', 'Meanwhile', 'However', 'Still', 'Yet',
			'So', 'Then', 'Now', 'Last', 'For', 'With', 'By', 'From'
		]
	},
	clauses: {
		coordinators: ['and', 'but', 'yet'],
		subordinators: ['even though', 'although', 'though', 'as soon as', 'when', 'while', 'whereas', 'as', 'after', 'before'],
		subordinatorAdverbs: ['shortly', 'soon', 'just', 'right', 'long', 'only', 'immediately', 'even', 'weeks', 'days', 'months', 'years', 'hours'],
		relatives: ['which'],
		eventLinks: ['following'],
		subjectRelatives: ['who'],
		pronouns: ['he', 'she', 'it', 'they', 'we', 'i', 'you'],
		determiners: [
			'the', 'a', 'an', 'this', 'that', 'these', 'those', 'his', 'her', 'their', 'its', 'our', 'my', 'your',
			'some', 'many', 'several', 'no', 'each', 'every', 'all', 'both', ...NUMBERS
		],
		finiteVerbs: [
			'is', 'are', 'was', 'were', 'has', 'have', 'had', 'did', 'does', 'do', 'will', 'would', 'could', 'can',
			'should', 'may', 'might', 'must', 'made', 'took', 'told', 'said', 'brought', 'gave', 'got', 'went', 'came',
			'met', 'left', 'found', 'kept', 'held', 'began', 'knew', 'thought', 'felt', 'saw', 'led', 'ran', 'sent',
			'spent', 'won', 'lost', 'put', 'set', 'let', 'cut', 'paid', 'sold', 'built', 'became', 'wrote', 'spoke',
			'chose', 'rose', 'fell', 'drew', 'grew', 'threw', 'broke', 'stood', 'understood', 'heard', 'sat', 'meant',
			'bought', 'caught', 'taught', 'fought', 'sought', 'struck', 'hit', 'shut', 'quit', 'fled', 'won\'t',
			'can\'t', 'didn\'t', 'wasn\'t', 'weren\'t', 'hasn\'t', 'haven\'t', 'hadn\'t', 'isn\'t', 'aren\'t'
		],
		regularVerb: '\\p{Ll}+ed',
		pluralNoun: '\\p{Ll}+s',
		complementTakers: [
			'said', 'says', 'say', 'told', 'tells', 'show', 'shows', 'showed', 'shown', 'announced', 'reported',
			'confirmed', 'clear', 'aware', 'angry', 'frustrated', 'worried', 'upset', 'believe', 'believes', 'believed',
			'know', 'knows', 'knew', 'think', 'thinks', 'thought', 'argued', 'insisted', 'warned', 'noted', 'added',
			'claimed', 'suggest', 'suggests', 'suggested', 'indicate', 'indicates', 'indicated', 'learned', 'feared',
			'hoped', 'decided', 'agreed', 'so', 'such', 'now', 'given', 'ensure', 'means', 'meant', 'fact', 'news',
			'asked', 'ask', 'explain', 'explained', 'disclosed', 'specified', 'wondered', 'sure', 'unsure', 'unclear'
		],
		restrictiveRelatives: ['that', 'which'],
		publicActVerbs: [
			'signed', 'approved', 'passed', 'voted', 'appointed', 'nominated', 'elected', 'blocked', 'ruled',
			'overturned', 'vetoed', 'enacted', 'filed', 'issued', 'adopted', 'ratified', 'struck down', 'fired',
			'hired', 'announced', 'published', 'unveiled', 'awarded', 'banned'
		]
	}
};
