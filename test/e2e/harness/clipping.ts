import type { Page } from 'playwright-core';

/**
 * Text that does not fit its box inside `scope`, one line per element ("scope: text (needs N px,
 * has M px)"). Checked: every element holding text of its own whose content is wider (or, when it
 * hides vertical overflow, taller) than its box — cut by overflow/ellipsis or spilling out — and
 * every SVG <text> (chart axes) reaching outside its chart. Screen-reader-only text is skipped.
 */
export async function clippedText(page: Page, scope: string): Promise<string[]> {
  return page.evaluate((selector) => {
    const found: string[] = [];
    const roots = Array.from(document.querySelectorAll<HTMLElement>(selector));
    const ownText = (el: Element) =>
      Array.from(el.childNodes)
        .filter((node) => node.nodeType === Node.TEXT_NODE)
        .map((node) => node.textContent ?? '')
        .join('')
        .trim();
    const hiddenForScreenReadersOnly = (el: Element) => el.closest('.visually-hidden') !== null;
    const shown = (el: HTMLElement) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
    for (const root of roots) {
      for (const el of Array.from(root.querySelectorAll<HTMLElement>('*'))) {
        if (el instanceof SVGElement || hiddenForScreenReadersOnly(el) || !shown(el)) continue;
        // Scroll areas are meant to hold more than they show.
        const style = getComputedStyle(el);
        if (/auto|scroll/.test(style.overflowX + style.overflowY)) continue;
        // A box that hides its overflow cuts whatever text it holds, its children's included (a cell
        // of spans); other boxes are judged by their own text spilling out.
        const clips = /hidden|clip/.test(style.overflowX);
        const text = ownText(el) || (clips || el.children.length === 0 ? (el.textContent ?? '').trim() : '');
        // 0 px: inline; 1 px: kept for screen readers only (the visually-hidden pattern).
        if (!text || el.clientWidth <= 1) continue;
        const wide = el.scrollWidth > el.clientWidth + 1;
        const tall = /hidden|clip/.test(style.overflowY) && el.scrollHeight > el.clientHeight + 1;
        if (wide || tall) {
          found.push(`${selector}: 「${text.slice(0, 40)}」 (${wide ? `needs ${el.scrollWidth} px, has ${el.clientWidth} px wide` : `needs ${el.scrollHeight} px, has ${el.clientHeight} px high`})`);
        }
      }
      // The region itself wider than its box: something in it is pushed out of view (the header at 1280).
      if (getComputedStyle(root).overflowX === 'visible' && root.scrollWidth > root.clientWidth + 1) {
        found.push(`${selector}: content needs ${root.scrollWidth} px, has ${root.clientWidth} px`);
      }
      for (const label of Array.from(root.querySelectorAll<SVGTextElement>('svg text'))) {
        const svg = label.ownerSVGElement;
        const text = (label.textContent ?? '').trim();
        if (!svg || !text) continue;
        const box = label.getBoundingClientRect();
        const frame = svg.getBoundingClientRect();
        if (box.left < frame.left - 1 || box.right > frame.right + 1 || box.top < frame.top - 1 || box.bottom > frame.bottom + 1) {
          found.push(`${selector}: chart label 「${text.slice(0, 40)}」 outside its chart`);
        }
      }
    }
    return found;
  }, scope);
}
