/**
 * Whether this page's script has run: false in the server's HTML, true once
 * the component has hydrated. A button that works only through the script is
 * disabled until then, so a press before it arrives is not silently lost, and
 * a form that only the script handles is not sent to the server, which would
 * reload the page and lose what was typed into it.
 */
export function scripted(): { readonly current: boolean } {
	let ran = $state(false);
	$effect(() => {
		ran = true;
	});
	return {
		get current() {
			return ran;
		}
	};
}
