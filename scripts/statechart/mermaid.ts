/**
 * Draws a machine as a Mermaid state diagram, straight from its definition,
 * so the picture in the docs cannot drift from the code (a test compares them).
 */
import type { AnyStateMachine, AnyStateNode } from 'xstate';

function eventName(type: string): string {
	return type.replace(/^xstate\.(done|error)\.actor\./, '$1: ');
}

function name(node: AnyStateNode): string {
	return node.path.join('_');
}

function guardOf(t: { guard?: unknown }): string {
	if (!t.guard) return '';
	return ` [${typeof t.guard === 'string' ? t.guard : (t.guard as { type: string }).type}]`;
}

/** Edges whose ends share a parent go inside that parent's block; Mermaid would otherwise move a state into it. */
function block(node: AnyStateNode, indent: string, outer: string[]): string[] {
	const out: string[] = [];
	if (node.initial?.target?.[0]) out.push(`${indent}[*] --> ${name(node.initial.target[0])}`);
	for (const child of Object.values(node.states) as AnyStateNode[]) {
		if (Object.keys(child.states).length) {
			out.push(`${indent}state ${name(child)} {`, ...block(child, `${indent}  `, outer), `${indent}}`);
		}
		for (const [type, transitions] of child.transitions) {
			for (const t of transitions) {
				const target: AnyStateNode = t.target?.[0] ?? child;
				const line = `${name(child)} --> ${name(target)} : ${eventName(type)}${guardOf(t)}`;
				if (target.parent === node) out.push(indent + line);
				else outer.push(`  ${line}`);
			}
		}
	}
	return out;
}

export function toMermaid(machine: AnyStateMachine): string {
	const root = machine.root as AnyStateNode;
	const outer: string[] = [];
	const body = block(root, '  ', outer);
	for (const [type, transitions] of root.transitions) {
		for (const t of transitions) {
			const to = t.target?.[0] ? name(t.target[0]) : 'intro';
			body.push(`  note right of ${to}\n    from any state: ${eventName(type)}${guardOf(t)}\n  end note`);
		}
	}
	return ['stateDiagram-v2', ...body, ...outer].join('\n');
}
