import { call, ApiError } from '/web/http.js';
import { diff } from '/web/diff.js';

const main = document.getElementById('main');
const announce = document.getElementById('announce');
let me = null;

// Builds an element; children are nodes or strings (always set as text, never parsed as HTML).
function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on')) element.addEventListener(name.substring(2), value);
    else element.setAttribute(name, value === true ? '' : value);
  }
  for (const child of children.flat()) {
    if (child === undefined || child === null || child === false) continue;
    element.append(child instanceof Node ? child : String(child));
  }
  return element;
}

const path = segment => encodeURIComponent(segment);
const words = status => status ? status.charAt(0) + status.substring(1).toLowerCase().replaceAll('_', ' ') : '';

function show(title, ...content) {
  main.replaceChildren(...content);
  document.title = title + ' · Rapporteur';
  const heading = main.querySelector('h1');
  if (heading) { heading.tabIndex = -1; heading.focus(); }
}

function failure(error) {
  return h('p', { class: 'error', role: 'alert' }, error instanceof ApiError ? error.message : 'Something went wrong: ' + error);
}

async function route() {
  const hash = location.hash || '#/';
  try {
    let match;
    if ((match = hash.match(/^#\/reports\/([^/]+)$/))) await workspace(decodeURIComponent(match[1]));
    else if (hash === '#/approvals') await approvals();
    else await reports();
  } catch (e) {
    show('Error', h('h1', {}, 'Something went wrong'), failure(e));
  }
}

// ---- Reports -----------------------------------------------------------------------------------

async function reports() {
  const list = await call('GET', '/api/reports');
  // The list carries title and status; body and session come from each report's draft.
  const drafts = await Promise.all(list.map(r => call('GET', '/api/reports/' + path(r.reportId)).catch(() => null)));
  const rows = list.map((r, i) => {
    const draft = drafts[i] || {};
    return h('tr', {},
      h('th', { scope: 'row' }, h('a', { href: '#/reports/' + path(r.reportId), lang: draft.language }, r.title)),
      h('td', { lang: draft.language }, draft.body || ''),
      h('td', {}, draft.sessionNumber ?? ''),
      h('td', {}, words(r.status)));
  });
  show('Reports',
    h('h1', {}, 'Reports'),
    list.length === 0
      ? h('p', {}, 'No reports yet.')
      : h('table', { class: 'reports' },
          h('thead', {}, h('tr', {}, ['Title', 'Body', 'Session', 'Status'].map(c => h('th', { scope: 'col' }, c)))),
          h('tbody', {}, rows)));
}

// ---- A report's workspace ----------------------------------------------------------------------

const DONE = new Set(['APPROVED', 'ADOPTED', 'WITHDRAWN']);

function mayDraft(unit) {
  if (me.role === 'SECRETARY') return true;
  return me.role === 'DELEGATE' && unit.authorEntity === me.entity;
}

async function workspace(reportId, minPosition) {
  const query = minPosition ? '?minPosition=' + minPosition : '';
  const draft = await call('GET', '/api/reports/' + path(reportId) + query);
  const lang = draft.language;
  const frozen = draft.status !== 'DRAFT';
  const base = '/api/reports/' + path(reportId);
  const reload = position => workspace(reportId, position);

  const chapters = [];
  for (const section of draft.sections) {
    let chapter = chapters[chapters.length - 1];
    if (!chapter || chapter.name !== section.chapter) chapters.push(chapter = { name: section.chapter, sections: [] });
    chapter.sections.push(section);
  }

  const body = chapters.map(chapter => h('section', { class: 'chapter', 'aria-labelledby': 'chapter-' + chapter.name },
    h('h2', { id: 'chapter-' + chapter.name }, 'Chapter ' + chapter.name),
    chapter.sections.map(section => h('section', { class: 'section', 'aria-labelledby': 'section-' + section.sectionId },
      h('h3', { id: 'section-' + section.sectionId },
        h('span', { class: 'num' }, section.letter + '.'), ' ', h('span', { lang }, section.title)),
      h('ol', { class: 'units' }, section.paragraphs.map(unit => unitView(unit, base, lang, frozen, reload))),
      !frozen && (me.role === 'SECRETARY' || me.role === 'DELEGATE')
        ? addParagraph(section, base, lang, reload) : null))));

  show(draft.title,
    h('p', { class: 'crumbs' }, h('a', { href: '#/' }, 'Reports')),
    h('h1', { lang }, draft.title),
    h('dl', { class: 'header' },
      h('dt', {}, 'Body'), h('dd', { lang }, draft.body),
      h('dt', {}, 'Session'), h('dd', {}, draft.sessionNumber),
      h('dt', {}, 'Venue'), h('dd', { lang }, draft.venue),
      h('dt', {}, 'Dates'), h('dd', {}, draft.startDate + ' to ' + draft.endDate),
      h('dt', {}, 'Status'), h('dd', { id: 'report-status' }, words(draft.status)),
      h('dt', {}, 'Position'), h('dd', {}, draft.position)),
    h('p', { class: 'documents' }, 'Documents: ',
      h('a', { href: base + '/document.html' }, 'HTML'), ' · ',
      h('a', { href: base + '/document.md' }, 'Markdown'), ' · ',
      h('a', { href: base + '/document.xml' }, 'Akoma Ntoso XML')),
    me.role === 'CHAIR' && !frozen ? adoption(draft, base, reload) : null,
    body.length ? body : h('p', {}, 'No sections yet.'));
}

function unitView(unit, base, lang, frozen, reload) {
  const isParagraph = Boolean(unit.paragraphId);
  const id = isParagraph ? unit.paragraphId : unit.decisionId;
  const kindLabel = isParagraph ? 'Paragraph' : 'Decision (' + words(unit.kind) + ')';
  const meta = [kindLabel, words(unit.status), unit.authorEntity ? 'by ' + unit.authorEntity : null,
    isParagraph ? 'revision ' + unit.revision : null].filter(Boolean).join(' · ');
  const actions = h('div', { class: 'actions' });
  const message = h('p', { class: 'error', role: 'alert', hidden: true });
  const item = h('li', { class: 'unit status-' + unit.status.toLowerCase(), id: 'unit-' + id, 'data-unit': id },
    h('span', { class: 'num', 'aria-hidden': unit.number == null ? null : 'true' }, unit.number == null ? '–' : unit.number + '.'),
    h('div', { class: 'body' },
      h('p', { class: 'text', lang }, unit.text),
      h('p', { class: 'meta' }, unit.number == null ? 'Unnumbered · ' + meta : 'No. ' + unit.number + ' · ' + meta),
      message, actions));

  const act = (label, run) => h('button', { type: 'button', onclick: async () => {
    message.hidden = true;
    try {
      const result = await run();
      announce.textContent = label + ': done.';
      await reload(result && result.position);
    } catch (e) {
      message.textContent = e.message;
      message.hidden = false;
    }
  } }, label);

  if (!frozen && isParagraph && unit.status !== 'WITHDRAWN') {
    const target = base + '/paragraphs/' + path(unit.paragraphId);
    if (mayDraft(unit)) {
      actions.append(h('button', { type: 'button', onclick: () => editor(item, unit, target, lang, reload) }, 'Revise'));
      if (unit.status === 'DRAFT' || unit.status === 'RETURNED') actions.append(act('Submit', () => call('POST', target + '/submission', {})));
      actions.append(act('Withdraw', () => call('DELETE', target)));
    }
    if (me.role === 'CHAIR' && unit.status === 'SUBMITTED') {
      actions.append(act('Approve revision ' + unit.revision, () => call('POST', target + '/approval', { revision: unit.revision })));
      actions.append(h('button', { type: 'button', onclick: () => returnForm(item, target, reload) }, 'Return'));
    }
  }
  if (!frozen && !isParagraph && me.role === 'CHAIR' && unit.status === 'PROPOSED') {
    actions.append(act('Adopt decision', () => call('POST', base + '/decisions/' + path(unit.decisionId) + '/adoption', {})));
  }
  return item;
}

function adoption(draft, base, reload) {
  const blockers = [];
  for (const section of draft.sections) {
    for (const unit of section.paragraphs) {
      if (!DONE.has(unit.status)) {
        blockers.push((unit.paragraphId ? 'paragraph ' : 'decision ') + (unit.number ?? '') + ' is ' + words(unit.status).toLowerCase());
      }
    }
  }
  const message = h('p', { class: 'error', role: 'alert', hidden: true });
  const button = h('button', { type: 'button', 'aria-describedby': 'adoption-blockers', 'aria-disabled': blockers.length ? 'true' : null,
    onclick: async () => {
      if (blockers.length) return;
      try {
        const result = await call('POST', base + '/adoption', {});
        announce.textContent = 'The report is adopted.';
        await reload(result && result.position);
      } catch (e) { message.textContent = e.message; message.hidden = false; }
    } }, 'Adopt the report');
  return h('div', { class: 'adoption' }, button,
    h('p', { id: 'adoption-blockers' }, blockers.length
      ? 'Cannot adopt yet: ' + blockers.join('; ') + '.'
      : 'Every paragraph is approved and every decision adopted.'),
    message);
}

function addParagraph(section, base, lang, reload) {
  const wrapper = h('div', { class: 'add' });
  const open = h('button', { type: 'button', onclick: () => {
    const fieldId = 'new-' + section.sectionId;
    const text = h('textarea', { id: fieldId, lang, rows: 4 });
    const message = h('p', { class: 'error', role: 'alert', hidden: true });
    const form = h('form', { class: 'editor', onsubmit: async event => {
      event.preventDefault();
      try {
        const result = await call('POST', base + '/paragraphs', { sectionId: section.sectionId, text: text.value });
        announce.textContent = 'Paragraph added.';
        await reload(result.position);
      } catch (e) { message.textContent = e.message; message.hidden = false; }
    } },
      h('label', { for: fieldId }, 'New paragraph in section ' + section.letter),
      text, message,
      h('div', { class: 'actions' }, h('button', { type: 'submit' }, 'Add paragraph'),
        h('button', { type: 'button', onclick: () => wrapper.replaceChildren(open) }, 'Cancel')));
    wrapper.replaceChildren(form);
    text.focus();
  } }, 'Add a paragraph to section ' + section.letter);
  wrapper.append(open);
  return wrapper;
}

function editor(item, unit, target, lang, reload) {
  const body = item.querySelector('.body');
  const previous = [...body.childNodes];
  const fieldId = 'edit-' + unit.paragraphId;
  const text = h('textarea', { id: fieldId, lang, rows: 5 });
  text.value = unit.text;
  let baseRevision = unit.revision;
  const message = h('p', { class: 'error', role: 'alert', hidden: true });
  const conflict = h('div', { class: 'conflict', hidden: true });
  const save = h('button', { type: 'submit' }, 'Save revision');
  const form = h('form', { class: 'editor', onsubmit: async event => {
    event.preventDefault();
    message.hidden = true;
    try {
      const result = await call('PUT', target, { text: text.value, baseRevision });
      announce.textContent = 'Paragraph saved as revision ' + result.revision + '.';
      await reload(result.position);
    } catch (e) {
      if (e.status === 409 && e.problem.currentRevision !== undefined) {
        // A stale edit: keep what the user typed, show it beside the current text, and let them
        // retry on top of the current revision once they have merged.
        baseRevision = e.problem.currentRevision;
        staleEdit(conflict, text, e.problem, lang);
        save.textContent = 'Save over revision ' + baseRevision;
      } else {
        message.textContent = e.message;
        message.hidden = false;
      }
    }
  } },
    h('label', { for: fieldId }, 'Text of the paragraph (revision ' + unit.revision + ')'),
    text, conflict, message,
    h('div', { class: 'actions' }, save, h('button', { type: 'button', onclick: () => body.replaceChildren(...previous) }, 'Cancel')));
  body.replaceChildren(form);
  text.focus();
}

function staleEdit(conflict, text, problem, lang) {
  const segments = diff(problem.currentText, text.value);
  conflict.replaceChildren(
    h('p', { class: 'error', role: 'alert' }, problem.detail || 'Someone else changed this paragraph.',
      ' It is now at revision ' + problem.currentRevision + '. Your text is kept below: merge the two, then save again.'),
    h('div', { class: 'columns' },
      h('div', {}, h('h4', {}, 'Current text (revision ' + problem.currentRevision + ')'),
        h('p', { class: 'current', lang }, problem.currentText),
        h('button', { type: 'button', onclick: () => { text.value = problem.currentText; text.focus(); } }, 'Start from the current text')),
      h('div', {}, h('h4', {}, 'Your text'), h('p', { class: 'yours', lang }, text.value))),
    h('h4', {}, 'Changes from the current text to yours'),
    h('p', { class: 'diff', lang }, segments.map(s => s.kind === 'same' ? s.text
      : h(s.kind === 'added' ? 'ins' : 'del', {}, s.text))));
  conflict.hidden = false;
}

function returnForm(item, target, reload) {
  const body = item.querySelector('.body');
  const previous = [...body.childNodes];
  const fieldId = 'return-' + item.dataset.unit;
  const comment = h('textarea', { id: fieldId, rows: 3 });
  const message = h('p', { class: 'error', role: 'alert', hidden: true });
  const form = h('form', { class: 'editor', onsubmit: async event => {
    event.preventDefault();
    try {
      const result = await call('POST', target + '/return', { comment: comment.value });
      announce.textContent = 'Returned to its author.';
      await reload(result && result.position);
    } catch (e) { message.textContent = e.message; message.hidden = false; }
  } },
    h('p', { class: 'text' }, previous.find(n => n.classList && n.classList.contains('text'))?.textContent || ''),
    h('label', { for: fieldId }, 'Comment for the author'), comment, message,
    h('div', { class: 'actions' }, h('button', { type: 'submit' }, 'Return with comment'),
      h('button', { type: 'button', onclick: () => body.replaceChildren(...previous) }, 'Cancel')));
  body.replaceChildren(form);
  comment.focus();
}

// ---- The chair's queue -------------------------------------------------------------------------

async function approvals() {
  const pending = await call('GET', '/api/approvals/pending');
  const rows = pending.map(entry => {
    const base = '/api/reports/' + path(entry.reportId);
    const message = h('p', { class: 'error', role: 'alert', hidden: true });
    const run = (label, request) => h('button', { type: 'button', onclick: async () => {
      try { await request(); announce.textContent = label + ': done.'; await approvals(); }
      catch (e) { message.textContent = e.message; message.hidden = false; }
    } }, label);
    const actions = entry.paragraphId
      ? [run('Approve revision ' + entry.revision, () => call('POST', base + '/paragraphs/' + path(entry.paragraphId) + '/approval', { revision: entry.revision })),
         h('a', { href: '#/reports/' + path(entry.reportId) }, 'Open to return')]
      : [run('Adopt decision', () => call('POST', base + '/decisions/' + path(entry.decisionId) + '/adoption', {}))];
    return h('tr', {},
      h('td', {}, h('a', { href: '#/reports/' + path(entry.reportId) }, entry.reportId)),
      h('td', {}, entry.paragraphId ? 'Paragraph, revision ' + entry.revision : 'Decision'),
      h('td', {}, entry.authorEntity || ''),
      h('td', { class: 'text' }, entry.text),
      h('td', {}, actions, message));
  });
  show('Approvals', h('h1', {}, 'Waiting for the chair'),
    pending.length === 0 ? h('p', {}, 'Nothing waits for approval.')
      : h('table', { class: 'queue' },
          h('thead', {}, h('tr', {}, ['Report', 'Unit', 'Author', 'Text', 'Actions'].map(c => h('th', { scope: 'col' }, c)))),
          h('tbody', {}, rows)));
}

// ---- Start -------------------------------------------------------------------------------------

document.getElementById('sign-out').addEventListener('click', async () => {
  try { await call('POST', '/session/sign-out', {}, { redirectOn401: false }); } catch (e) { /* signed out either way */ }
  location.assign('/sign-in');
});

(async () => {
  me = await call('GET', '/session');
  document.getElementById('who').textContent =
    'Signed in as ' + me.user + ' (' + words(me.role) + (me.entity ? ', ' + me.entity : '') + ')';
  document.getElementById('nav-approvals').hidden = me.role !== 'CHAIR';
  window.addEventListener('hashchange', route);
  await route();
  document.body.dataset.ready = 'true';
})();
