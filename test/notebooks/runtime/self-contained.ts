/** Every way a page could load something from elsewhere, looked for outside inline script text. */
export function externalReferences(html: string): string[] {
  const markup = html.replace(/(<script\b[^>]*>)[\s\S]*?(<\/script>)/gi, "$1$2");
  const found: string[] = [];
  for (const m of markup.matchAll(/\b(src|href|action|poster|srcset|formaction|data|background)\s*=\s*["']?([^"'\s>]*)/gi)) {
    if (/^(https?:|\/\/|ftp:)/i.test(m[2]) || (m[1].toLowerCase() !== "href" && m[2] !== "" && !m[2].startsWith("data:"))) found.push(m[0]);
  }
  for (const m of markup.matchAll(/url\(\s*["']?(?!data:|#)[^)]*\)|@import|<link\b|<iframe\b|<object\b|<embed\b/gi)) found.push(m[0]);
  for (const m of markup.matchAll(/<script\b[^>]*\bsrc\s*=/gi)) found.push(m[0]);
  return found;
}
