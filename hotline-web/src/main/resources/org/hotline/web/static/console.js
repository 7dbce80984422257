// Operator console: suggestions and similar past cases for the demand being typed, refreshed after a pause.
(function () {
  'use strict';

  const DEBOUNCE_MS = 300;
  const TOP_K = 5;
  const SIMILAR = 5;
  const $ = (id) => document.getElementById(id);
  let timer = null;
  let generation = 0;

  function el(tag, className, text, title) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = text; // textContent: record text is never HTML
    if (title) node.title = title;
    return node;
  }

  async function postJson(url, body) {
    const response = await fetch(url, {
      method: 'POST',
      headers: {'Content-Type': 'application/json'},
      body: JSON.stringify(body)
    });
    const data = await response.json();
    if (!response.ok) throw new Error(data.error || ('HTTP ' + response.status));
    return data;
  }

  function schedule() {
    clearTimeout(timer);
    timer = setTimeout(refresh, DEBOUNCE_MS);
  }

  function refresh() {
    const title = $('title').value.trim();
    const content = $('content').value.trim();
    const mine = ++generation;
    if (!title && !content) {
      clear();
      return;
    }
    $('status').textContent = '分析中…';
    // Independent requests: suggestions still show when the case index is unavailable.
    const suggest = postJson('/api/suggest', {title: title, content: content, topK: TOP_K})
      .then((data) => { if (mine === generation) renderSuggestions(data); });
    const similar = postJson('/api/similar', {title: title, content: content, size: SIMILAR})
      .then((data) => { if (mine === generation) renderSimilar(data.cases); });
    Promise.allSettled([suggest, similar]).then((results) => {
      if (mine !== generation) return; // a newer keystroke's answers win
      const failed = results.filter((r) => r.status === 'rejected').map((r) => r.reason.message);
      $('status').textContent = failed.length ? '出错了 (error): ' + failed.join('；') : '';
    });
  }

  function clear() {
    $('suggestions').replaceChildren();
    $('similar').replaceChildren();
    $('review').hidden = true;
    $('model').textContent = '';
    $('status').textContent = '';
  }

  function percent(score) {
    return Math.round(score * 1000) / 10 + '%';
  }

  function renderSuggestions(data) {
    $('review').hidden = !data.needsReview;
    $('suggestions').replaceChildren(...data.suggestions.map(suggestionItem));
    $('model').textContent = '模型 ' + data.modelVersion + ' · ' + data.tookMicros + ' µs';
  }

  function suggestionItem(s) {
    const item = el('li', 'suggestion');
    item.append(el('div', 'path', s.path.join(' › '), 'Taxonomy path'));
    const bar = el('div', 'bar', null, 'Confidence ' + percent(s.score));
    const fill = el('span');
    fill.style.width = Math.max(1, Math.round(s.score * 100)) + '%';
    bar.append(fill);
    item.append(bar);
    const facts = el('div', 'facts');
    facts.append(el('span', 'score', '置信度 ' + percent(s.score), 'Confidence'));
    if (s.department) facts.append(el('span', 'department', s.department, 'Responsible department'));
    if (s.slaDays) facts.append(el('span', 'sla', '时限 ' + s.slaDays + ' 天', 'SLA: days allowed to answer'));
    item.append(facts);
    return item;
  }

  function renderSimilar(cases) {
    if (!cases.length) {
      $('similar').replaceChildren(el('li', 'muted', '没有相似案例', 'No similar past case'));
      return;
    }
    $('similar').replaceChildren(...cases.map(caseItem));
  }

  function caseItem(c) {
    const item = el('li', 'case');
    item.dataset.id = c.id;
    item.append(el('div', 'case-title', c.title || '（无标题）', 'Title'));
    const meta = [c.district, c.receivedAt ? c.receivedAt.substring(0, 10) : null, (c.path || []).join(' › ')]
      .filter(Boolean).join(' · ');
    item.append(el('div', 'meta', meta, 'District · received · tagged path'));
    item.append(el('p', 'snippet', c.snippet, 'Content (masked)'));
    if (c.reply) {
      const reply = el('div', 'reply', null, 'Official reply');
      const who = [c.reply.department, c.reply.repliedAt ? c.reply.repliedAt.substring(0, 10) : null]
        .filter(Boolean).join(' · ');
      reply.append(el('div', 'reply-head', '官方答复' + (who ? '（' + who + '）' : '')));
      reply.append(el('p', 'reply-text', c.reply.text));
      item.append(reply);
    } else {
      item.append(el('div', 'no-reply muted', '暂无答复', 'No reply yet'));
    }
    return item;
  }

  $('title').addEventListener('input', schedule);
  $('content').addEventListener('input', schedule);
})();
