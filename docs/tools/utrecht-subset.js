// Keeps only the rules of the components Loket uses from @utrecht/component-library-css.
const fs = require('fs');
const css = fs.readFileSync(process.argv[2], 'utf8');
const keep = /\.utrecht-(alert|button|button-group|document|form-field|form-field-description|form-field-error-message|form-fieldset|form-label|heading-1|heading-2|heading-3|link|page-body|page-content|page-footer|page-header|paragraph|radio-button|skip-link|textarea|textbox|unordered-list)(?![a-z-])(?:--[a-z0-9-]+|__[a-z0-9-]+)*/;
const wanted = /\.utrecht-(alert|button|button-group|document|form-field|form-field-description|form-field-error-message|form-fieldset|form-label|heading-1|heading-2|heading-3|link|page-body|page-content|page-footer|page-header|paragraph|radio-button|skip-link|textarea|textbox|unordered-list)(?=[^a-z-]|--|__|$)/;
// strip comments, parse blocks with brace matching
const src = css.replace(/\/\*[\s\S]*?\*\//g, '');
function parse(s) {
  const out = []; let i = 0;
  while (i < s.length) {
    const open = s.indexOf('{', i); const semi = s.indexOf(';', i);
    if (open < 0) break;
    if (semi >= 0 && semi < open) { const stmt = s.slice(i, semi + 1).trim(); if (stmt) out.push({ stmt }); i = semi + 1; continue; }
    const prelude = s.slice(i, open).trim();
    let depth = 1, j = open + 1;
    while (depth > 0 && j < s.length) { if (s[j] === '{') depth++; else if (s[j] === '}') depth--; j++; }
    out.push({ prelude, body: s.slice(open + 1, j - 1) });
    i = j;
  }
  return out;
}
// split a selector list on top-level commas only (not inside :is(), :not(), [..])
function splitSelectors(list) {
  const out = []; let depth = 0, cur = '';
  for (const ch of list) {
    if (ch === '(' || ch === '[') depth++;
    if (ch === ')' || ch === ']') depth--;
    if (ch === ',' && depth === 0) { out.push(cur.trim()); cur = ''; } else { cur += ch; }
  }
  if (cur.trim()) out.push(cur.trim());
  return out;
}
function emit(nodes) {
  let o = '';
  for (const n of nodes) {
    if (n.stmt) continue; // @charset, @import: none needed
    if (n.prelude.startsWith('@media') || n.prelude.startsWith('@supports') || n.prelude.startsWith('@layer')) {
      const inner = emit(parse(n.body)); if (inner.trim()) o += n.prelude + '{' + inner + '}\n';
    } else if (n.prelude.startsWith('@')) {
      continue;
    } else {
      const sels = splitSelectors(n.prelude).filter(x => wanted.test(x));
      if (sels.length) o += sels.join(',') + '{' + n.body.trim().replace(/\s*\n\s*/g, ' ') + '}\n';
    }
  }
  return o;
}
process.stdout.write(emit(parse(src)));
