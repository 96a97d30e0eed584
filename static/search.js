// Search in the browser: reads the index (internal/search) only once the
// reader searches.
'use strict';
(() => {
  const $ = id => document.getElementById(id);
  const form = $('search'), status = $('search-status'), list = $('search-results'), more = $('search-more'), badges = $('search-badges');
  if (!form || !window.fetch) return;
  const base = new URL(form.dataset.index, location.href), box = form.elements.q, files = new Map();
  let run = 0, found = [], shown = 0;

  // Each file once; the manifest revalidated, the others versioned by it.
  const get = (name, v) => {
    const url = new URL(name + (v ? '?v=' + v : ''), base).href;
    if (!files.has(url)) {
      files.set(url, fetch(url, {cache: v ? 'default' : 'no-cache'})
        .then(r => { if (!r.ok) throw Error(r.status); return r.json(); })
        .catch(e => { files.delete(url); throw e; }));
    }
    return files.get(url);
  };

  // Words as internal/search/words.go cuts and folds them: no invisible
  // joiners, lowercased, ё read as е, decomposed with compatibility
  // forms as plain ones (NFKD), lowercased again, no marks on Latin
  // letters nor stress marks on Cyrillic, composed again, folds spelled
  // out. script_test.go runs these lines, to the blank one, in node.
  const runes = s => [...s].length, folds = {ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', ł: 'l', đ: 'd', ð: 'd', þ: 'th', ħ: 'h', ŧ: 't', ı: 'i', ё: 'е', ς: 'σ', ə: 'e',
    ә: 'а', ғ: 'г', қ: 'к', ң: 'н', ө: 'о', ұ: 'у', ү: 'у', һ: 'х', і: 'и', ҳ: 'х', ҷ: 'ч', ӣ: 'и', ӯ: 'у', ў: 'у'};
  const words = q => (q.replace(/[\u00ad\u200c\u200d\u2060\ufeff]/g, '').toLowerCase().replace(/ё/g, 'е')
    .replace(/[\p{L}\p{M}\p{N}]+/gu, w => w.normalize('NFKD').toLowerCase())
    .replace(/(\p{sc=Latin}|\p{sc=Cyrillic})(\p{M}+)/gu, (_, b, m) => /\p{sc=Latin}/u.test(b) ? b : b + m.replace(/[\u0300\u0301]/g, ''))
    .normalize('NFC').replace(/[^\0-~]/gu, c => folds[c] || c)
    .match(/[\p{L}\p{M}\p{N}]+/gu) || []).filter(w => runes(w) > 1);

  // FNV-1a of the UTF-8 of the word's first letters.
  const shardOf = (w, m) => {
    let h = 0x811c9dc5;
    for (const b of new TextEncoder().encode([...w].slice(0, m.k).join(''))) h = Math.imul(h ^ b, 16777619);
    return (h >>> 0) % m.s;
  };

  // Postings: gaps less one, base 32; digits of the second half lead.
  const ids = s => {
    const out = [];
    let v = 0, prev = -1;
    for (const c of s) {
      const x = '0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-_'.indexOf(c);
      v = v * 32 + (x & 31);
      if (x < 32) { prev += v + 1; out.push(prev); v = 0; }
    }
    return out;
  };

  // A word's documents, or null for a stop word: by its form or its
  // completions, else by the longest stem that begins it.
  const find = async (w, prefix, m) => {
    const shard = await get('s' + shardOf(w, m) + '.json', m.v);
    let got = null, best = '';
    for (const [stem, p, ...forms] of shard) {
      for (const f of forms) {
        const form = f[0] === '!' ? f.slice(1) : stem + f;
        if (form === w && !stem) return null;
        if (form === w || (prefix && runes(w) >= m.k && form.startsWith(w))) {
          got = [...new Set([...got || [], ...ids(p)])].sort((x, y) => x - y);
          break;
        }
      }
    }
    for (const [stem, p] of got ? [] : shard) {
      for (const v of [w, w.replace(/y$/, 'i')]) {
        if (stem && v.startsWith(stem) && runes(v) - runes(stem) <= 4 && stem.length > best.length) { best = stem; got = ids(p); }
      }
    }
    return got || [];
  };

  // Documents with every word, newest first; the last is also a prefix
  // unless a space follows it.
  const search = async (q, m) => {
    const ws = words(q), prefix = !/[\s\p{P}]$/u.test(q);
    let all = null;
    for (let i = 0; i < ws.length; i++) {
      const got = await find(ws[i], prefix && i === ws.length - 1, m);
      if (got) all = all ? all.filter(Set.prototype.has, new Set(got)) : got;
    }
    return (all || []).reverse();
  };

  const el = (tag, props, ...kids) => {
    const e = Object.assign(document.createElement(tag), props);
    e.append(...kids);
    return e;
  };

  // Adds the next ten results, marked up as the site's lists are.
  const show = async (mine, m) => {
    const next = await Promise.all(found.slice(shown, shown + 10).map(async id => {
      const c = await get('d' + Math.floor(id / m.c) + '.json', m.v), d = c.d[id % m.c];
      return [d[0], c.p + d[1], d[2], d[3], d[4], d[5].split(' ').filter(Boolean).map(i => c.k[i]), d[6]];
    }));
    if (mine !== run) return;
    for (const [title, href, date, iso, summary, countries, lang] of next) {
      const a = el('a', {href}, title), h = el('h2', {}, a), meta = el('p', {className: 'meta'}, el('time', {dateTime: iso}, date));
      const badge = lang && badges && badges.content.querySelector('[lang="' + lang + '"]');
      if (lang) a.lang = a.hreflang = lang;
      if (badge) h.append('\u00a0', badge.parentNode.cloneNode(true));
      for (const [name, page] of countries) meta.append(' · ', page ? el('a', {href: page}, name) : name);
      const li = el('li', {}, h, meta), p = summary && li.appendChild(el('p', {}, summary));
      if (p && lang) p.lang = lang;
      list.append(li);
    }
    shown += next.length;
    more.hidden = shown >= found.length;
  };

  // Searches for what is typed. The word being typed (last: no space
  // follows it) is found only whole while shorter than a shard's key: if
  // nothing is found then, the status asks for more letters rather than
  // saying there is nothing.
  const go = async () => {
    const q = box.value, mine = ++run, ws = words(q), last = q.match(/[\p{L}\p{M}\p{N}]+$/u);
    list.textContent = '';
    more.hidden = true;
    found = [];
    shown = 0;
    $('search-browse').hidden = ws.length > 0;
    if (!ws.length && !last) return status.textContent = '';
    try {
      const m = await get(base.href), got = ws.length ? await search(q, m) : [];
      if (mine !== run) return;
      found = got;
      const s = status.dataset, short = !found.length && last && runes(words(last[0])[0] || '') < m.k && s.short;
      status.textContent = short ? short.replace('{n}', m.k)
        : (s['count' + new Intl.PluralRules(document.documentElement.lang).select(found.length)] || s.countother).replace('{n}', found.length);
      $('search-browse').hidden = found.length > 0; // nothing found: the ways to browse stay
      await show(mine, m);
    } catch (e) {
      if (mine !== run) return;
      status.textContent = status.dataset.error;
      $('search-browse').hidden = false; // the message sends the reader to them
    }
  };

  form.hidden = false;
  $('search-nojs').hidden = true;
  form.addEventListener('submit', e => {
    e.preventDefault();
    history.replaceState(null, '', '?q=' + encodeURIComponent(box.value));
    go();
  });
  box.addEventListener('input', go);
  more.addEventListener('click', async () => show(run, await get(base.href)));
  box.value = new URLSearchParams(location.search).get('q') || '';
  if (box.value) go();
})();
