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

/**
 * Text drawn over other text inside `scope`, one line per pair ("scope: 「a」 over 「b」"): the
 * glyph boxes of two different text nodes (a reading's ruby and the row above it, a badge over a
 * name) cross by more than a pixel each way. Boxes come from the text itself (Range rects), not
 * from the elements, so a wide cell with short text is judged by its text.
 */
export async function overlappingText(page: Page, scope: string): Promise<string[]> {
  return page.evaluate((selector) => {
    const found: string[] = [];
    const boxes: { text: string; rect: DOMRect }[] = [];
    // What of a text box is on screen: cut by every box around it that hides its overflow (a list
    // scrolled past it, the 1 px screen-reader-only pattern) or clips it.
    const visiblePart = (rect: DOMRect, from: Element): DOMRect => {
      let { left, top, right, bottom } = rect;
      for (let el: Element | null = from; el && el !== document.documentElement; el = el.parentElement) {
        const style = getComputedStyle(el);
        if (style.clip !== 'auto' && style.position === 'absolute') return new DOMRect(0, 0, 0, 0);
        if (style.overflowX === 'visible' && style.overflowY === 'visible') continue;
        const box = el.getBoundingClientRect();
        left = Math.max(left, box.left);
        top = Math.max(top, box.top);
        right = Math.min(right, box.right);
        bottom = Math.min(bottom, box.bottom);
      }
      return new DOMRect(left, top, Math.max(0, right - left), Math.max(0, bottom - top));
    };
    for (const root of Array.from(document.querySelectorAll<HTMLElement>(selector))) {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = (node.textContent ?? '').trim();
        const parent = node.parentElement;
        if (!text || !parent || parent.closest('.visually-hidden, rp')) continue;
        // The closed part of a disclosure is not drawn (Chromium still gives it boxes).
        if (parent.closest('details:not([open]) > :not(summary)')) continue;
        if (getComputedStyle(parent).visibility === 'hidden') continue;
        const range = document.createRange();
        range.selectNodeContents(node);
        for (const rect of Array.from(range.getClientRects())) {
          const seen = visiblePart(rect, parent);
          if (seen.width > 1 && seen.height > 1) boxes.push({ text, rect: seen });
        }
      }
    }
    const overlap = (a: DOMRect, b: DOMRect) => Math.min(a.right, b.right) - Math.max(a.left, b.left) > 1 && Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 1;
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        if (overlap(boxes[i]!.rect, boxes[j]!.rect)) found.push(`${selector}: 「${boxes[i]!.text.slice(0, 30)}」 over 「${boxes[j]!.text.slice(0, 30)}」`);
      }
    }
    return found;
  }, scope);
}
