// Text from a corpus printed to a terminal: control and format characters shown as escapes, so a crafted title
// cannot clear the screen, set the window title or hide text.
export function printable(text: string): string {
  return text.replace(/[\p{Cc}\p{Cf}]/gu, (c) => `\\u${c.codePointAt(0)!.toString(16).padStart(4, '0')}`);
}
