/** A piece of a shell line, classed for highlighting; the pieces joined give the line back exactly. */
export interface ShellToken {
  kind: 'plain' | 'keyword' | 'string' | 'variable' | 'operator' | 'comment';
  text: string;
}

const KEYWORDS = new Set(['if', 'then', 'else', 'elif', 'fi', 'for', 'in', 'do', 'done', 'while', 'until', 'case', 'esac', 'function', 'select', 'time', 'exec', 'eval', 'sudo']);

const PATTERNS: readonly [ShellToken['kind'], RegExp][] = [
  ['comment', /^#[^\n]*/],
  ['string', /^'[^']*'?/],
  ['string', /^"(?:\\.|[^"\\])*"?/],
  ['variable', /^\$(?:\{[^}]*\}?|\(|[A-Za-z_][A-Za-z0-9_]*|[0-9@*#?$!-])/],
  ['operator', /^(?:&&|\|\||;;|>>|<<|[|;&<>()`])/],
];

/**
 * Splits shell text for display. A reader's aid, not a parser: it never decides what runs, so
 * an odd construct at worst shows in the wrong colour, and every character is kept.
 */
export function shellTokens(source: string): ShellToken[] {
  const tokens: ShellToken[] = [];
  const push = (kind: ShellToken['kind'], text: string) => {
    const last = tokens[tokens.length - 1];
    if (last && last.kind === kind && kind === 'plain') last.text += text;
    else tokens.push({ kind, text });
  };
  let rest = source;
  let atWordStart = true;
  while (rest.length > 0) {
    const match = PATTERNS.find(([kind, pattern]) => (kind !== 'comment' || atWordStart) && pattern.test(rest));
    if (match) {
      const text = match[1].exec(rest)![0];
      push(match[0], text);
      rest = rest.slice(text.length);
      atWordStart = match[0] === 'operator';
      continue;
    }
    const word = /^[A-Za-z_][A-Za-z0-9_-]*/.exec(rest)?.[0];
    if (word) {
      const next = rest.charAt(word.length);
      push(atWordStart && KEYWORDS.has(word) && (next === '' || /[\s;]/.test(next)) ? 'keyword' : 'plain', word);
      rest = rest.slice(word.length);
      atWordStart = false;
      continue;
    }
    const char = rest.charAt(0);
    push('plain', char);
    rest = rest.slice(1);
    atWordStart = /\s/.test(char);
  }
  return tokens;
}

