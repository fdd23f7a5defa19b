/**
 * A value from data that would break a page if printed as markup: a script element, both quotes
 * (which end an attribute value) and an ampersand (which starts an entity).
 */
import { expect } from "vitest";

export const HOSTILE = `<script>alert("x")</script> & 'y'`;

/** HOSTILE as text, escaped by hand: the five characters & < > " ' each as its entity. */
export const HOSTILE_ESCAPED = "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;";

/** The markup shows HOSTILE `times` times, each time as text, and never runs or leaks it as markup. */
export function expectEscaped(markup: string, times = 1): void {
  expect(markup.split(HOSTILE_ESCAPED).length - 1).toBe(times);
  expect(markup).not.toContain("<script>alert");
  expect(markup).not.toContain(`"x"`);
  expect(markup).not.toContain("'y'");
}
