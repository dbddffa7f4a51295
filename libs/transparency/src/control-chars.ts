/** True when `s` holds an ASCII control character (below U+0020, or DEL if asked) not in `allowed`. */
export function hasControlChar(s: string, allowed = '', includeDel = false): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if ((c < 0x20 || (includeDel && c === 0x7f)) && !allowed.includes(s[i] as string)) return true;
  }
  return false;
}
