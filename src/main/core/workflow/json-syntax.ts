/**
 * Finds where JSON text first breaks the grammar, with a plain description. JSON.parse only
 * sometimes says where ("Unexpected token '}'" carries no position), and a user fixing a file
 * needs the line and column. Runs only after JSON.parse has failed; iterative, so deep nesting
 * is no risk.
 */
export interface JsonSyntaxError {
  /** Offset in the text, in UTF-16 code units. */
  offset: number;
  line: number;
  column: number;
  message: string;
}

type State = 'value' | 'valueOrEnd' | 'key' | 'keyOrEnd' | 'colon' | 'commaOrEnd' | 'end';

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const ESCAPES = new Set(['"', '\\', '/', 'b', 'f', 'n', 'r', 't']);
const HEX4 = /^[0-9a-fA-F]{4}$/;

export function locateJsonSyntaxError(text: string): JsonSyntaxError | undefined {
  const stack: ('object' | 'array')[] = [];
  let state: State = 'value';
  let at = 0;
  const fail = (offset: number, message: string) => position(text, offset, message);
  const stateAfterValue = (): State => (stack.length === 0 ? 'end' : 'commaOrEnd');

  while (true) {
    while (at < text.length && ' \t\n\r'.includes(text[at]!)) at++;
    if (at >= text.length) {
      return state === 'end' ? undefined : fail(text.length, stack.length > 0 ? `the text ends inside an unclosed ${stack[stack.length - 1]}` : 'the text ends before a value');
    }
    const char = text[at]!;
    switch (state) {
      case 'end':
        return fail(at, `unexpected ${describe(char)} after the end of the JSON value`);
      case 'colon':
        if (char !== ':') return fail(at, `expected ":" after a property name, found ${describe(char)}`);
        at++;
        state = 'value';
        continue;
      case 'commaOrEnd': {
        const inObject = stack[stack.length - 1] === 'object';
        const close = inObject ? '}' : ']';
        if (char === ',') {
          at++;
          state = inObject ? 'key' : 'value';
        } else if (char === close) {
          at++;
          stack.pop();
          state = stateAfterValue();
        } else {
          return fail(at, `expected "," or "${close}", found ${describe(char)}`);
        }
        continue;
      }
      case 'key':
      case 'keyOrEnd': {
        if (state === 'keyOrEnd' && char === '}') {
          at++;
          stack.pop();
          state = stateAfterValue();
          continue;
        }
        if (char !== '"') return fail(at, `expected a property name in double quotes, found ${describe(char)}`);
        const end = stringEnd(text, at);
        if (typeof end !== 'number') return fail(end.offset, end.message);
        at = end;
        state = 'colon';
        continue;
      }
      case 'value':
      case 'valueOrEnd': {
        if (state === 'valueOrEnd' && char === ']') {
          at++;
          stack.pop();
          state = stateAfterValue();
          continue;
        }
        if (char === '{' || char === '[') {
          stack.push(char === '{' ? 'object' : 'array');
          state = char === '{' ? 'keyOrEnd' : 'valueOrEnd';
          at++;
          continue;
        }
        if (char === '"') {
          const end = stringEnd(text, at);
          if (typeof end !== 'number') return fail(end.offset, end.message);
          at = end;
        } else if (char === '-' || (char >= '0' && char <= '9')) {
          NUMBER.lastIndex = at;
          if (!NUMBER.test(text)) return fail(at, 'a malformed number');
          at = NUMBER.lastIndex;
        } else {
          const literal = ['true', 'false', 'null'].find((word) => text.startsWith(word, at));
          if (!literal) {
            const hint = 'NIu'.includes(char) ? ' (JSON has no NaN, Infinity or undefined)' : char === "'" ? ' (JSON strings use double quotes)' : '';
            return fail(at, `unexpected ${describe(char)} where a value was expected${hint}`);
          }
          at += literal.length;
        }
        state = stateAfterValue();
        continue;
      }
    }
  }
}

/** The offset just past the string starting at `start` (a double quote), or what is wrong. */
function stringEnd(text: string, start: number): number | { offset: number; message: string } {
  for (let at = start + 1; at < text.length; at++) {
    const code = text.charCodeAt(at);
    if (code === 0x22) return at + 1;
    if (code < 0x20) return { offset: at, message: 'a control character inside a string (write it as an escape such as \\n)' };
    if (code === 0x5c) {
      const escape = text[at + 1];
      if (escape === 'u') {
        if (!HEX4.test(text.slice(at + 2, at + 6))) return { offset: at, message: 'a \\u escape without four hex digits' };
        at += 5;
      } else if (escape !== undefined && ESCAPES.has(escape)) {
        at++;
      } else {
        return { offset: at, message: `an invalid escape ${escape === undefined ? '\\' : `\\${escape}`} in a string` };
      }
    }
  }
  return { offset: start, message: 'a string that is never closed' };
}

function describe(char: string): string {
  return JSON.stringify(char);
}

function position(text: string, offset: number, message: string): JsonSyntaxError {
  let line = 1;
  let lineStart = 0;
  for (let at = text.indexOf('\n'); at !== -1 && at < offset; at = text.indexOf('\n', at + 1)) {
    line++;
    lineStart = at + 1;
  }
  return { offset, line, column: offset - lineStart + 1, message };
}
