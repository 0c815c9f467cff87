/**
 * A callback ref that moves the focus to an element when it appears (give it tabIndex={-1}): for a
 * part of the page that replaces the one holding the focus, so keyboard and screen-reader users go on
 * from there instead of from the top of the page.
 */
export function focusOnMount(element: HTMLElement | null): void {
  element?.focus({ preventScroll: false });
}
