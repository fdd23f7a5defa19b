/**
 * HTML escaping for every string that comes from data or a scheme (names, labels, reasons). One
 * function for text and attribute values alike: it escapes the five characters that can end either.
 */
const ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

export function escapeHtml(value: unknown): string {
  return String(value ?? "").replace(/[&<>"']/g, (c) => ENTITIES[c]);
}
