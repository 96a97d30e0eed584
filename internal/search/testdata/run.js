// Runs static/search.js in node for the tests of script_test.go, with as
// much of a page as the script touches.
//
//   node run.js words SCRIPT < strings.json
//     prints the words the script cuts each string into: the block of the
//     script from its comment "Words as internal/search/words.go cuts"
//     up to the first blank line defines words.
//   node run.js folds SCRIPT < null
//     prints the script's table of folds, which that block defines too.
//   node run.js search SCRIPT ROOT LANG < queries.json
//     types each query into a search page whose index is under ROOT, and
//     prints what the page then shows: the live region's text, the
//     results' titles, and whether the links to browse are shown.
'use strict';
const fs = require('fs'), path = require('path'), vm = require('vm');
const [mode, script, root, lang] = process.argv.slice(2);
const source = fs.readFileSync(script, 'utf8');
const input = JSON.parse(fs.readFileSync(0, 'utf8'));

if (mode === 'words' || mode === 'folds') {
  const lines = source.split('\n');
  const start = lines.findIndex(l => l.includes('// Words as internal/search/words.go cuts'));
  if (start < 0) throw Error('no words block in ' + script);
  let end = start;
  while (end < lines.length && lines[end].trim() !== '') end++;
  const [words, folds] = new Function(lines.slice(start, end).join('\n') + '\nreturn [words, folds];')();
  process.stdout.write(JSON.stringify(mode === 'folds' ? folds : input.map(s => words(s))));
  return;
}

// An element as the script uses one: its text is its children's.
class Element {
  constructor(tag) { this.tag = tag; this.kids = []; this.hidden = false; this.dataset = {}; this.listeners = {}; }
  append(...kids) { this.kids.push(...kids); }
  appendChild(kid) { this.kids.push(kid); return kid; }
  addEventListener(type, f) { this.listeners[type] = f; }
  get textContent() { return this.kids.map(k => typeof k === 'string' ? k : k.textContent).join(''); }
  set textContent(s) { this.kids = s === '' ? [] : [String(s)]; }
  find(tag) { return this.kids.filter(k => typeof k !== 'string').flatMap(k => k.tag === tag ? [k] : k.find(tag)); }
}

const page = async q => {
  const byId = {};
  for (const id of ['search', 'search-status', 'search-results', 'search-more', 'search-browse', 'search-nojs', 'q']) byId[id] = new Element(id);
  const form = byId.search, status = byId['search-status'], box = byId.q;
  form.dataset.index = '/' + lang + '/search/manifest.json';
  form.elements = {q: box};
  box.value = '';
  Object.assign(status.dataset, {countone: '{n} result', countother: '{n} results', error: 'error',
    short: 'at least {n} letters'});
  const fetch = async url => {
    const file = path.join(root, decodeURIComponent(new URL(url).pathname));
    if (!fs.existsSync(file)) return {ok: false, status: 404};
    const data = fs.readFileSync(file, 'utf8');
    return {ok: true, json: async () => JSON.parse(data)};
  };
  const document = {
    getElementById: id => byId[id] || null,
    createElement: tag => new Element(tag),
    documentElement: {lang},
  };
  const context = {document, fetch, URL, URLSearchParams, TextEncoder, Intl,
    location: {href: 'http://site.test/' + lang + '/search/', search: ''}, history: {replaceState() {}}};
  context.window = context;
  vm.runInNewContext(source, context);
  box.value = q;
  await box.listeners.input();
  return {
    status: status.textContent,
    titles: byId['search-results'].find('h2').flatMap(h => h.find('a')).map(a => a.textContent),
    browse: !byId['search-browse'].hidden,
  };
};

(async () => {
  const out = [];
  for (const q of input) out.push(await page(q));
  process.stdout.write(JSON.stringify(out));
})().catch(e => { console.error(e); process.exit(1); });
