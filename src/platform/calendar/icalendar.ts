// iCalendar (RFC 5545) text, written by hand: text escaped (§3.3.11), lines folded at 75 octets
// (§3.1) without cutting a UTF-8 sequence, CRLF line ends.

export const escapeIcsText = (value: string) =>
  value.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');

const fold = (line: string) => {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = Buffer.byteLength(char);
    const limit = parts.length ? 74 : 75;
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
};

/** The file's text from its unfolded lines. */
export const icalendarText = (lines: string[]) => `${lines.map(fold).join('\r\n')}\r\n`;
