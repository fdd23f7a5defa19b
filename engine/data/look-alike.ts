/**
 * Ids that a reader cannot tell apart: the same after Unicode compatibility normalisation (NFKC:
 * full-width `Ｅ001` is `E001`), without invisible characters (zero-width spaces, joiners, BOM, soft
 * hyphens: Unicode's default-ignorable and format characters), and with the Cyrillic and Greek
 * letters that are drawn as Latin ones read as those (after Unicode's confusables.txt, for the
 * capital and small letters an id is likely to hold).
 */
const CONFUSABLES: Record<string, string> = {
  // Cyrillic
  А: "A", В: "B", Е: "E", К: "K", М: "M", Н: "H", О: "O", Р: "P", С: "C", Т: "T", Х: "X", У: "Y", Ү: "Y",
  Ѕ: "S", І: "I", Ӏ: "I", Ј: "J", Ԛ: "Q", Ԝ: "W",
  а: "a", е: "e", о: "o", р: "p", с: "c", х: "x", у: "y", ѕ: "s", і: "i", ј: "j", һ: "h", ԁ: "d", ԛ: "q", ԝ: "w", ӏ: "l",
  // Greek
  Α: "A", Β: "B", Ε: "E", Ζ: "Z", Η: "H", Ι: "I", Κ: "K", Μ: "M", Ν: "N", Ο: "O", Ρ: "P", Τ: "T", Υ: "Y", Χ: "X",
  ο: "o", ν: "v", ι: "i", ρ: "p", υ: "u",
};
const CONFUSABLE = new RegExp(`[${Object.keys(CONFUSABLES).join("")}]`, "gu");
const INVISIBLE = /[\p{Default_Ignorable_Code_Point}\p{Cf}]/gu;

/** The id as it looks: equal for ids a reader would take for the same. */
export function lookAlikeKey(s: string): string {
  return s.normalize("NFKC").replace(INVISIBLE, "").replace(CONFUSABLE, (c) => CONFUSABLES[c]).trim();
}

/** The characters of `s` that look like others or are invisible, as `U+0415`, for a message. */
export function deceptiveCharacters(s: string): string[] {
  return [...new Set([...s].filter((c) => lookAlikeKey(c) !== c && c.trim() !== "").map((c) => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`))];
}
