import { html, type SafeHtml } from '../html';

/**
 * A wide table on a phone scrolls sideways inside its own region instead of widening the page;
 * the region is focusable and named, so keyboard users can scroll it too (axe: scrollable-region-focusable).
 */
export const scrollRegion = (label: string, content: SafeHtml): SafeHtml => html`<div class="scroll" role="region" aria-label="${label}" tabindex="0">${content}</div>`;
