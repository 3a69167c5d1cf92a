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

let stream = null;
let quiet = false; // a live refresh redraws the page without moving the keyboard focus

function show(title, ...content) {
  main.replaceChildren(...content.flat(Infinity).filter(c => c !== null && c !== undefined && c !== false));
  document.title = title + ' · Rapporteur';
  const heading = main.querySelector('h1');
  if (heading) { heading.tabIndex = -1; if (!quiet) heading.focus(); }
}

function failure(error) {
  return h('p', { class: 'error', role: 'alert' }, error instanceof ApiError ? error.message : 'Something went wrong: ' + error);
}

async function route() {
  const hash = location.hash || '#/';
  if (stream) { stream.close(); stream = null; }
  try {
    let match;
    if ((match = hash.match(/^#\/reports\/([^/]+)$/))) await workspace(decodeURIComponent(match[1]));
    else if ((match = hash.match(/^#\/reports\/([^/]+)\/session$/))) await session(decodeURIComponent(match[1]));
    else if ((match = hash.match(/^#\/reports\/([^/]+)\/audit(?:\?(.*))?$/))) await audit(decodeURIComponent(match[1]), new URLSearchParams(match[2] || ''));
    else if ((match = hash.match(/^#\/reports\/([^/]+)\/at\/(\d+)$/))) await pastDraft(decodeURIComponent(match[1]), Number(match[2]));
    else if ((match = hash.match(/^#\/reports\/([^/]+)\/paragraphs\/([^/]+)$/))) await history(decodeURIComponent(match[1]), decodeURIComponent(match[2]));
    else if ((match = hash.match(/^#\/reports\/([^/]+)\/setup$/))) await setup(decodeURIComponent(match[1]));
    else if (hash === '#/new-report') newReport();
    else if (hash === '#/approvals') await approvals();
    else await reports();
  } catch (e) {
    if (e instanceof ApiError && e.status === 404) {
      // A report the user may not see answers as one that does not exist: say so, and no more.
      show('Not found', h('h1', {}, 'Not found'),
        h('p', { class: 'error', role: 'alert' }, sentence(e.message)),
        h('p', {}, 'It does not exist, or it is not open to you. ', h('a', { href: '#/' }, 'Back to the reports')));
    } else {
      show('Error', h('h1', {}, 'Something went wrong'), failure(e));
    }
  }
}

// The position each report reached by the user's own last write: the next read of that report
// waits for it (read your own writes), whichever screen it lands on.
const written = new Map();
const noteWrite = (reportId, result) => {
  if (result && result.position) written.set(reportId, Math.max(written.get(reportId) || 0, result.position));
};
const readDraft = reportId => call('GET', '/api/reports/' + path(reportId)
  + (written.has(reportId) ? '?minPosition=' + written.get(reportId) : ''));

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
    me.role === 'SECRETARY' ? h('p', {}, h('a', { href: '#/new-report' }, 'Create a report')) : null,
    list.length === 0
      ? h('p', {}, 'No reports yet.')
      : h('table', { class: 'reports' },
          h('thead', {}, h('tr', {}, ['Title', 'Body', 'Session', 'Status'].map(c => h('th', { scope: 'col' }, c)))),
          h('tbody', {}, rows)));
}

// ---- A report's workspace ----------------------------------------------------------------------

const DONE = new Set(['APPROVED', 'ADOPTED', 'WITHDRAWN']);

// A unit's number as the document prints it: "12", or "12 bis" for one inserted in session.
const unitNumber = unit => unit.number == null ? null : unit.number + (unit.numberSuffix ? ' ' + unit.numberSuffix : '');
const unitName = unit => (unit.paragraphId ? 'paragraph ' : 'decision ') + (unitNumber(unit) ?? '(unnumbered)');

// A section is named by its letter where it has one; a chapter's only section has none.
const sectionName = section => section.letter ? 'section ' + section.letter : '“' + section.title + '”';

function mayDraft(unit) {
  if (me.role === 'SECRETARY') return true;
  return me.role === 'DELEGATE' && unit.authorEntity === me.entity;
}

async function workspace(reportId, minPosition) {
  noteWrite(reportId, { position: minPosition });
  const draft = await readDraft(reportId);
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
        section.letter ? [h('span', { class: 'num' }, section.letter + '.'), ' '] : null, h('span', { lang }, section.title)),
      h('ol', { class: 'units' }, section.paragraphs.map(unit => unitView(unit, base, lang, frozen, reload))),
      !frozen && (me.role === 'SECRETARY' || me.role === 'DELEGATE')
        ? [addParagraph(section, base, lang, reload), addDecision(section, base, lang, reload)] : null))));

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
      h('a', { href: base + '/document.xml' }, 'Akoma Ntoso XML'), ' · ',
      h('a', { href: '#/reports/' + path(reportId) + '/setup' }, 'Agenda, sections and participants'), ' · ',
      h('a', { href: '#/reports/' + path(reportId) + '/audit' }, 'Audit trail'), ' · ',
      h('a', { href: '#/reports/' + path(reportId) + '/at/' + draft.position }, 'Earlier versions'), ' · ',
      h('a', { href: '#/reports/' + path(reportId) + '/session' }, 'Adoption session')),
    h('p', { id: 'live', role: 'status' }),
    draft.status === 'IN_SESSION' ? h('p', { class: 'notice' }, 'The meeting is adopting this report in session: the text changes only there. ',
      h('a', { href: '#/reports/' + path(reportId) + '/session' }, 'Go to the adoption session')) : null,
    me.role === 'CHAIR' && !frozen ? adoption(draft, base, reload) : null,
    body.length ? body : h('p', {}, 'No sections yet. ',
      h('a', { href: '#/reports/' + path(reportId) + '/setup' }, 'Lay out the sections')));
  follow(reportId, draft.position, position => workspace(reportId, position));
}

// Other users' changes, live: the query side's server-sent events carry each new position (their
// id, so the browser resumes with Last-Event-ID after a dropped connection). The draft is redrawn
// at once, unless the user is typing: then a notice offers the redraw, and nothing typed is lost.
function follow(reportId, shownPosition, redraw) {
  if (stream && stream.reportId === reportId) { stream.shown = shownPosition; stream.redraw = redraw; return; }
  if (stream) stream.close();
  stream = new EventSource('/api/reports/' + path(reportId) + '/events');
  stream.reportId = reportId;
  stream.shown = shownPosition;
  stream.redraw = redraw;
  stream.addEventListener('position', async event => {
    const position = JSON.parse(event.data).position;
    if (position <= stream.shown) return;
    const live = document.getElementById('live');
    if (main.querySelector('form.editor')) {
      if (live) live.replaceChildren('The draft has changed (position ' + position + '). ',
        h('button', { type: 'button', onclick: () => stream.redraw(position) }, 'Show the changes'));
      return;
    }
    stream.shown = position;
    quiet = true;
    try { await stream.redraw(position); } finally { quiet = false; }
    const updated = document.getElementById('live');
    if (updated) updated.textContent = 'Updated live to position ' + position + '.';
  });
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
    h('span', { class: 'num', 'aria-hidden': unit.number == null ? null : 'true' }, unit.number == null ? '–' : unitNumber(unit) + '.'),
    h('div', { class: 'body' },
      h('p', { class: 'text', lang }, unit.text),
      h('p', { class: 'meta' }, unit.number == null ? 'Unnumbered · ' + meta : 'No. ' + unitNumber(unit) + ' · ' + meta),
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

  if (isParagraph) {
    actions.append(h('a', { href: '#/reports/' + path(base.substring('/api/reports/'.length)) + '/paragraphs/' + path(unit.paragraphId),
      'aria-label': 'History of paragraph ' + (unitNumber(unit) ?? unit.paragraphId) }, 'History'));
  }
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
        blockers.push((unit.paragraphId ? 'paragraph ' : 'decision ') + (unitNumber(unit) ?? '') + ' is ' + words(unit.status).toLowerCase());
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
      h('label', { for: fieldId }, 'New paragraph in ' + sectionName(section)),
      text, message,
      h('div', { class: 'actions' }, h('button', { type: 'submit' }, 'Add paragraph'),
        h('button', { type: 'button', onclick: () => wrapper.replaceChildren(open) }, 'Cancel')));
    wrapper.replaceChildren(form);
    text.focus();
  } }, 'Add a paragraph to ' + sectionName(section));
  wrapper.append(open);
  return wrapper;
}

const DECISION_KINDS = ['AGREED', 'DECIDED', 'NOTED', 'RECALLED', 'REQUESTED', 'WELCOMED'];

// A decision takes its place among the section's numbered units; the chair adopts it.
function addDecision(section, base, lang, reload) {
  const wrapper = h('div', { class: 'add' });
  const open = h('button', { type: 'button', onclick: () => {
    const fieldId = 'decision-' + section.sectionId;
    const kind = h('select', { id: fieldId + '-kind' }, DECISION_KINDS.map(k => h('option', { value: k }, words(k))));
    const text = h('textarea', { id: fieldId, lang, rows: 4 });
    const message = h('p', { class: 'error', role: 'alert', hidden: true });
    const form = h('form', { class: 'editor', onsubmit: async event => {
      event.preventDefault();
      try {
        const result = await call('POST', base + '/decisions', { sectionId: section.sectionId, kind: kind.value, text: text.value });
        announce.textContent = 'Decision proposed.';
        await reload(result.position);
      } catch (e) { message.textContent = e.message; message.hidden = false; }
    } },
      h('label', { for: fieldId + '-kind' }, 'Kind of decision'), kind,
      h('label', { for: fieldId }, 'Text of the decision in ' + sectionName(section)),
      text, message,
      h('div', { class: 'actions' }, h('button', { type: 'submit' }, 'Propose the decision'),
        h('button', { type: 'button', onclick: () => wrapper.replaceChildren(open) }, 'Cancel')));
    wrapper.replaceChildren(form);
    kind.focus();
  } }, 'Propose a decision in ' + sectionName(section));
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

const sentence = text => /[.!?。]$/.test(text.trim()) ? text.trim() : text.trim() + '.';

function staleEdit(conflict, text, problem, lang) {
  const segments = diff(problem.currentText, text.value);
  conflict.replaceChildren(
    h('p', { class: 'error', role: 'alert' }, sentence(problem.detail || 'Someone else changed this paragraph'),
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

// ---- Setting a report up: creating it, its agenda, sections, participants and members ----------

// A form of labelled fields whose submit sends one command; its error is shown in words beside it.
function commandForm({ id, legend, fields, submit, send }) {
  const message = h('p', { class: 'error', role: 'alert', hidden: true });
  const inputs = {};
  const rows = fields.map(field => {
    const fieldId = id + '-' + field.name;
    let input;
    if (field.options) {
      input = h('select', { id: fieldId, name: field.name }, field.options.map(([value, label]) => h('option', { value }, label)));
    } else if (field.choices) {
      // A group of checkboxes (none may be ticked): a fieldset names it.
      input = h('fieldset', { id: fieldId, class: 'choices' }, h('legend', {}, field.label),
        field.choices.length === 0 ? h('p', { class: 'meta' }, field.none) : field.choices.map(([value, label], i) => h('label', {},
          h('input', { type: 'checkbox', name: field.name, value, id: fieldId + '-' + i }), ' ', label)));
      inputs[field.name] = input;
      return h('div', { class: 'field' }, input);
    } else {
      input = h('input', { id: fieldId, name: field.name, type: field.type || 'text', value: field.value, required: field.required,
        'aria-describedby': field.hint ? fieldId + '-hint' : null, lang: field.lang, inputmode: field.inputmode, min: field.min });
    }
    inputs[field.name] = input;
    return h('p', { class: 'field' }, h('label', { for: fieldId }, field.label), input,
      field.hint ? h('span', { class: 'hint', id: fieldId + '-hint' }, field.hint) : null);
  });
  const value = name => {
    const input = inputs[name];
    if (input.tagName === 'FIELDSET') return [...input.querySelectorAll('input:checked')].map(box => box.value);
    return input.value.trim();
  };
  const form = h('form', { class: 'command', id, 'aria-labelledby': id + '-legend', onsubmit: async event => {
    event.preventDefault();
    message.hidden = true;
    try {
      await send(value);
    } catch (e) {
      message.textContent = e.message;
      message.hidden = false;
      message.scrollIntoView({ block: 'nearest' });
    }
  } }, h('h3', { id: id + '-legend' }, legend), rows, message, h('p', {}, h('button', { type: 'submit' }, submit)));
  return form;
}

const optional = text => text === '' ? undefined : text;
const codes = text => text.split(/[\s,]+/).filter(Boolean).map(code => code.toUpperCase());

function newReport() {
  if (me.role !== 'SECRETARY') {
    show('Create a report', h('h1', {}, 'Create a report'), h('p', {}, 'Only the secretariat creates reports.'));
    return;
  }
  show('Create a report',
    h('p', { class: 'crumbs' }, h('a', { href: '#/' }, 'Reports')),
    h('h1', {}, 'Create a report'),
    h('p', {}, 'The header of the report, as its first page will read. The agenda, sections and participants come next.'),
    commandForm({ id: 'create', legend: 'Header', submit: 'Create the report', fields: [
      { name: 'title', label: 'Title', required: true },
      { name: 'body', label: 'Meeting body', required: true, hint: 'e.g. Inter-Agency Meeting on Outer Space Activities' },
      { name: 'sessionNumber', label: 'Session number', type: 'number', min: 1, required: true, inputmode: 'numeric' },
      { name: 'venue', label: 'Venue', required: true },
      { name: 'startDate', label: 'First day', type: 'date', required: true },
      { name: 'endDate', label: 'Last day', type: 'date', required: true },
      { name: 'language', label: 'Language of the report', value: 'en', required: true, hint: 'A language tag, e.g. en, fr, zh' },
      { name: 'symbol', label: 'Document symbol (optional)', hint: 'e.g. A/AC.105/1234' },
      { name: 'memberEntities', label: 'Member entities (optional)', hint: 'Codes of the delegations that draft in it, separated by commas, e.g. ITU, WMO' },
    ], send: async value => {
      const result = await call('POST', '/api/reports', {
        title: value('title'), body: value('body'), sessionNumber: value('sessionNumber') === '' ? undefined : Number(value('sessionNumber')),
        venue: value('venue'), startDate: optional(value('startDate')), endDate: optional(value('endDate')),
        language: value('language'), symbol: optional(value('symbol')), memberEntities: codes(value('memberEntities')),
      });
      noteWrite(result.reportId, result);
      announce.textContent = 'The report is created.';
      location.hash = '#/reports/' + path(result.reportId) + '/setup';
    } }));
}

async function setup(reportId) {
  const draft = await readDraft(reportId);
  const lang = draft.language;
  const base = '/api/reports/' + path(reportId);
  const frozen = draft.status !== 'DRAFT';
  const secretary = me.role === 'SECRETARY';
  const agendaAdopted = draft.agenda.some(item => item.status === 'ADOPTED');
  const agendaOpen = !frozen && !agendaAdopted;
  const liveItems = draft.agenda.filter(item => item.status !== 'WITHDRAWN');
  // After a command, the screen is drawn again once the projection holds it; the keyboard focus
  // goes back to the form that sent it, ready for the next entry.
  const done = async (label, result) => {
    noteWrite(reportId, result);
    const form = document.activeElement && document.activeElement.closest('form');
    quiet = true;
    try { await setup(reportId); } finally { quiet = false; }
    announce.textContent = label + ': done.';
    const again = form && form.id && document.getElementById(form.id);
    (again ? again.querySelector('input, select') : main.querySelector('h1')).focus();
  };
  const button = (label, request, attributes = {}) => {
    const message = h('span', { class: 'error', role: 'alert', hidden: true });
    return h('span', { class: 'inline' }, h('button', { type: 'button', ...attributes, onclick: async () => {
      message.hidden = true;
      try { await done(label, await request()); } catch (e) { message.textContent = e.message; message.hidden = false; }
    } }, label), ' ', message);
  };
  const itemName = item => '“' + item.title + '”';

  const agendaRows = draft.agenda.map(item => {
    const row = h('li', { class: 'agenda-item status-' + item.status.toLowerCase() },
      h('span', { class: 'num' }, item.number ? item.number + '.' : '–'), ' ',
      h('span', { lang, class: 'title' }, item.title), ' ',
      h('span', { class: 'meta' }, '(' + words(item.status) + ')'));
    if (agendaOpen && secretary && item.status === 'PROPOSED') {
      const amend = event => {
        event.currentTarget.hidden = true;
        const form = commandForm({ id: 'amend-' + item.itemId, legend: 'Amend ' + itemName(item), submit: 'Save the title',
          fields: [{ name: 'title', label: 'New title', value: item.title, lang, required: true }],
          send: async value => done('Agenda item amended', await call('PUT', base + '/agenda-items/' + path(item.itemId), { title: value('title') })) });
        row.append(form);
        form.querySelector('input').focus();
      };
      row.append(h('span', { class: 'actions' },
        h('button', { type: 'button', onclick: amend, 'aria-label': 'Amend ' + itemName(item) }, 'Amend'),
        button('Withdraw', () => call('DELETE', base + '/agenda-items/' + path(item.itemId)), { 'aria-label': 'Withdraw ' + itemName(item) })));
    }
    return row;
  });

  const sectionRows = draft.sections.map(section => h('tr', {},
    h('td', {}, section.chapter), h('td', {}, section.letter || ''),
    h('td', { lang }, section.title),
    h('td', {}, section.agendaItemIds.map(id => {
      const item = draft.agenda.find(i => i.itemId === id);
      return item ? (item.number ? item.number + '. ' : '') + item.title : id;
    }).join(', '))));

  const participantRows = draft.participants.map(p => h('tr', {},
    h('td', {}, p.entity), h('td', { lang }, p.name), h('td', {}, words(p.role)),
    secretary && !frozen ? h('td', {}, button('Remove', () => call('DELETE', base + '/participants/' + path(p.participantId)),
      { 'aria-label': 'Remove ' + p.name })) : null));

  const memberRows = draft.members.map(m => h('li', {}, h('strong', {}, m.entity), ' since ',
    h('time', { datetime: m.since }, m.since.replace('T', ' ').replace(/\.\d+Z$/, 'Z')), ' ',
    secretary ? button('Remove', () => call('DELETE', base + '/members/' + path(m.entity)), { 'aria-label': 'Remove member ' + m.entity }) : null));

  show('Set-up of ' + draft.title,
    h('p', { class: 'crumbs' }, h('a', { href: '#/' }, 'Reports'), ' › ', h('a', { href: '#/reports/' + path(reportId), lang }, draft.title)),
    h('h1', {}, 'Agenda, sections and participants'),
    h('p', {}, h('span', { lang }, draft.title), ' · session ' + draft.sessionNumber + ' · ' + words(draft.status) + ' · ',
      h('a', { href: '#/reports/' + path(reportId) }, 'Go to the draft')),

    h('section', { 'aria-labelledby': 'agenda-heading' },
      h('h2', { id: 'agenda-heading' }, 'Agenda'),
      h('p', { id: 'agenda-status' }, agendaAdopted ? 'The agenda is adopted: its items are numbered and fixed.'
        : draft.agenda.length ? 'The agenda is proposed, not adopted yet.' : 'No agenda item yet.'),
      draft.agenda.length ? h('ol', { class: 'agenda' }, agendaRows) : null,
      agendaOpen && (secretary || me.role === 'DELEGATE') ? commandForm({ id: 'propose', legend: 'Propose an agenda item',
        submit: 'Propose the item', fields: [{ name: 'title', label: 'Title of the item', lang, required: true }],
        send: async value => done('Agenda item proposed', await call('POST', base + '/agenda-items', { title: value('title') })) }) : null,
      agendaOpen && me.role === 'CHAIR' && liveItems.length
        ? button('Adopt the agenda', () => call('POST', base + '/agenda/adoption', {})) : null),

    h('section', { 'aria-labelledby': 'sections-heading' },
      h('h2', { id: 'sections-heading' }, 'Sections'),
      draft.sections.length ? h('table', { class: 'sections' },
        h('thead', {}, h('tr', {}, ['Chapter', 'Letter', 'Title', 'Agenda items'].map(c => h('th', { scope: 'col' }, c)))),
        h('tbody', {}, sectionRows)) : h('p', {}, 'No section yet.'),
      secretary && !frozen ? commandForm({ id: 'add-section', legend: 'Lay out a section', submit: 'Add the section', fields: [
        { name: 'chapter', label: 'Chapter', required: true, hint: 'A Roman numeral, e.g. I or II; sections of one chapter are lettered A, B, C' },
        { name: 'title', label: 'Title of the section', lang, required: true },
        { name: 'agendaItemIds', label: 'Agenda items it covers', none: 'No agenda item to choose.',
          choices: liveItems.map(item => [item.itemId, (item.number ? item.number + '. ' : '') + item.title]) },
      ], send: async value => done('Section added', await call('POST', base + '/sections', {
        chapter: value('chapter').toUpperCase(), title: value('title'), agendaItemIds: value('agendaItemIds') })) }) : null),

    h('section', { 'aria-labelledby': 'participants-heading' },
      h('h2', { id: 'participants-heading' }, 'Participants'),
      draft.participants.length ? h('table', { class: 'participants' },
        h('thead', {}, h('tr', {}, ['Entity', 'Name', 'Role'].concat(secretary && !frozen ? ['Actions'] : [])
          .map(c => h('th', { scope: 'col' }, c)))),
        h('tbody', {}, participantRows)) : h('p', {}, 'No participant yet.'),
      secretary && !frozen ? commandForm({ id: 'add-participant', legend: 'Add a participant', submit: 'Add the participant', fields: [
        { name: 'entity', label: 'Entity', required: true, hint: 'The entity code, e.g. ITU' },
        { name: 'name', label: 'Name', lang, required: true },
        { name: 'role', label: 'Role', options: [['REPRESENTATIVE', 'Representative'], ['CHAIR', 'Chair'], ['SECRETARY', 'Secretary']] },
      ], send: async value => done('Participant added', await call('POST', base + '/participants', {
        entity: value('entity').toUpperCase(), name: value('name'), role: value('role') })) }) : null),

    h('section', { 'aria-labelledby': 'members-heading' },
      h('h2', { id: 'members-heading' }, 'Member entities'),
      h('p', {}, 'Only delegates of a member entity see this report and draft in it.'),
      draft.members.length ? h('ul', { class: 'members' }, memberRows) : h('p', {}, 'No member entity yet.'),
      secretary ? commandForm({ id: 'add-member', legend: 'Add a member entity', submit: 'Add the member', fields: [
        { name: 'entity', label: 'Entity code', required: true, hint: 'e.g. WMO' },
      ], send: async value => done('Member added', await call('POST', base + '/members', { entity: value('entity').toUpperCase() })) }) : null));
}

// ---- The adoption session ----------------------------------------------------------------------

// The meeting adopts its report paragraph by paragraph (ADR 0013). The chair runs the session from
// this screen; the secretary records what the floor says (oral amendments, reservations, inserted
// paragraphs); everyone else follows it live. Each action is offered only to the roles the API lets act.


async function session(reportId, minPosition, focusId) {
  const base = '/api/reports/' + path(reportId);
  const draft = await call('GET', base + (minPosition ? '?minPosition=' + minPosition : ''));
  const lang = draft.language;
  const chair = me.role === 'CHAIR';
  const clerk = chair || me.role === 'SECRETARY';
  const open = draft.status === 'IN_SESSION';
  const reload = async (position, focus) => {
    // The actor's own redraw keeps the keyboard where it was: on the unit just acted on.
    // The stream's notice of this very position then redraws nothing a second time.
    if (stream && position) stream.shown = Math.max(stream.shown, position);
    quiet = Boolean(focus);
    try { await session(reportId, position, focus); } finally { quiet = false; }
  };

  // An action of the chair or the secretary: the problem detail in words on failure, else a redraw
  // at the position the command reached (read your own write).
  const act = (label, message, run, focus, attributes = {}) => h('button', { type: 'button', ...attributes, onclick: async () => {
    message.hidden = true;
    try {
      const result = await run();
      announce.textContent = (attributes['aria-label'] || label) + ': done.';
      await reload(result && result.position, focus);
    } catch (e) { message.textContent = e.message; message.hidden = false; }
  } }, label);

  const units = [];
  for (const section of draft.sections) for (const unit of section.paragraphs) units.push({ section, unit });
  const pending = units.filter(({ unit }) => unit.paragraphId && unit.status !== 'ADOPTED' && unit.status !== 'WITHDRAWN');
  const reservations = draft.reservations || [];

  const topMessage = h('p', { class: 'error', role: 'alert', hidden: true });
  const controls = [];
  if (chair && draft.status === 'DRAFT') {
    controls.push(act('Open the adoption session', topMessage, () => call('POST', base + '/session')));
  }
  if (chair && open) {
    const adReferendum = h('input', { type: 'checkbox', id: 'ad-referendum' });
    controls.push(h('div', { class: 'report-adoption' },
      h('p', { id: 'session-progress' }, pending.length
        ? 'Not yet adopted in session: ' + pending.map(p => unitName(p.unit)).join(', ') + '.'
        : 'Every paragraph is adopted in session.'),
      h('div', { class: 'check' }, adReferendum, h('label', { for: 'ad-referendum' }, 'Ad referendum (the report awaits confirmation)')),
      act('Adopt the report', topMessage,
        () => call('POST', base + '/adoption', { adReferendum: adReferendum.checked }), null, { 'aria-describedby': 'session-progress' })));
  }
  if (chair && draft.status === 'ADOPTED_AD_REFERENDUM') {
    controls.push(act('Confirm the adoption', topMessage, () => call('POST', base + '/confirmation')));
  }

  const items = units.map(({ section, unit }) => sessionUnit(unit, section, { base, lang, chair, clerk, open, act, reload,
    members: draft.memberEntities || [],
    reservations: reservations.filter(r => unit.paragraphId ? r.paragraphId === unit.paragraphId : r.decisionId === unit.decisionId) }));

  show('Adoption session: ' + draft.title,
    h('p', { class: 'crumbs' }, h('a', { href: '#/' }, 'Reports'), ' › ', h('a', { href: '#/reports/' + path(reportId) }, 'Workspace')),
    h('h1', {}, 'Adoption session: ', h('span', { lang }, draft.title)),
    h('dl', { class: 'header' },
      h('dt', {}, 'Status'), h('dd', { id: 'report-status' }, words(draft.status)),
      h('dt', {}, 'Position'), h('dd', {}, draft.position)),
    h('p', { class: 'documents' }, 'Document: ', h('a', { href: base + '/document.html' }, 'HTML')),
    h('p', { id: 'live', role: 'status' }),
    controls.length ? h('div', { class: 'adoption' }, controls, topMessage) : null,
    units.length ? h('ol', { class: 'units session' }, items) : h('p', {}, 'No paragraphs yet.'));
  follow(reportId, draft.position, position => session(reportId, position));
  const target = focusId && document.getElementById(focusId);
  if (target) target.focus();
}

function sessionUnit(unit, section, { base, lang, chair, clerk, open, act, reload, members, reservations }) {
  const isParagraph = Boolean(unit.paragraphId);
  const id = 'session-' + (isParagraph ? unit.paragraphId : unit.decisionId);
  const number = unitNumber(unit);
  const name = unitName(unit);
  const message = h('p', { class: 'error', role: 'alert', hidden: true });
  const bracketed = unit.status === 'BRACKETED';
  const meta = [isParagraph ? 'Paragraph' : 'Decision (' + words(unit.kind) + ')', words(unit.status),
    unit.orallyAmended ? 'orally amended' : null, unit.authorEntity ? 'by ' + unit.authorEntity : null].filter(Boolean).join(' · ');
  const proposals = (unit.oralAmendments || []).filter(a => !a.accepted);
  const body = h('div', { class: 'body' },
    h('p', { class: 'text', lang }, bracketed ? '[' + unit.text + ']' : unit.text),
    h('p', { class: 'meta' }, (number == null ? 'Unnumbered' : 'No. ' + number) + ' · ' + meta),
    reservations.map(r => h('p', { class: 'reservation' },
      (r.kind === 'RESERVATION' ? 'Reservation' : 'Explanation of position') + ' (' + r.entity + '): ', h('span', { lang }, r.text))),
    message);
  const aside = proposals.length ? h('div', { class: 'amendments', role: 'group', 'aria-label': 'Oral amendments to ' + name },
    h('h2', {}, 'Proposed oral amendments'),
    h('ul', {}, proposals.map(a => h('li', { class: 'amendment' },
      h('p', { class: 'meta' }, 'Proposed by ' + a.proposedBy
        + (a.baseRevision === unit.revision ? '' : ' on revision ' + a.baseRevision + ', since amended: propose it again')),
      h('p', { class: 'diff', lang }, diff(unit.text, a.text).map(d => d.kind === 'same' ? d.text
        : h(d.kind === 'added' ? 'ins' : 'del', {}, d.text))),
      chair && open && unit.status !== 'ADOPTED'
        ? act('Accept', message, () => call('POST', base + '/paragraphs/' + path(unit.paragraphId) + '/oral-amendments/'
          + path(a.amendmentId) + '/acceptance'), id, { 'aria-label': 'Accept the amendment by ' + a.proposedBy + ' to ' + name })
        : null)))) : null;
  const actions = h('div', { class: 'actions' });
  const item = h('li', { class: 'unit status-' + unit.status.toLowerCase(), id, tabindex: -1, 'data-unit': id },
    h('span', { class: 'num', 'aria-hidden': number == null ? null : 'true' }, number == null ? '–' : number + '.'),
    h('div', { class: 'columns' }, h('div', {}, body, actions), aside));

  if (!open || unit.status === 'WITHDRAWN') return item;
  const target = base + '/paragraphs/' + path(unit.paragraphId);
  // A small form in place of the unit's buttons; Cancel or Escape puts them back, focus on the opener.
  const form = (label, fields, submit, send) => {
    const opener = h('button', { type: 'button', onclick: () => {
      const formMessage = h('p', { class: 'error', role: 'alert', hidden: true });
      const previous = [...actions.childNodes];
      const cancel = () => { actions.replaceChildren(...previous); opener.focus(); };
      const element = h('form', { class: 'editor', onkeydown: event => { if (event.key === 'Escape') cancel(); }, onsubmit: async event => {
        event.preventDefault();
        try {
          const result = await send();
          announce.textContent = submit + ': done.';
          await reload(result && result.position, id);
        } catch (e) { formMessage.textContent = e.message; formMessage.hidden = false; }
      } }, fields, formMessage, h('div', { class: 'actions' }, h('button', { type: 'submit' }, submit),
        h('button', { type: 'button', onclick: cancel }, 'Cancel')));
      actions.replaceChildren(element);
      element.querySelector('textarea, select, input').focus();
    } }, label);
    return opener;
  };
  const field = (label, fieldId, input) => h('p', {}, h('label', { for: fieldId }, label), input);
  const select = (fieldId, options) => h('select', { id: fieldId }, options.map(([value, label]) => h('option', { value }, label)));

  if (isParagraph && clerk && unit.status !== 'ADOPTED') {
    const text = h('textarea', { id: id + '-amendment', lang, rows: 4 });
    text.value = unit.text;
    const by = select(id + '-proposed-by', members.map(m => [m, m]));
    actions.append(form('Oral amendment to ' + name, [field('Amended text of ' + name, text.id, text), field('Proposed by', by.id, by)],
      'Record the oral amendment', () => call('POST', target + '/oral-amendments', { text: text.value, proposedBy: by.value })));
  }
  if (isParagraph && chair && unit.status !== 'ADOPTED') {
    if (!bracketed) actions.append(act('Bracket ' + name, message, () => call('POST', target + '/brackets'), id));
    // The API lifts brackets only by adopting the paragraph or deleting it: the button says so.
    actions.append(act('Adopt ' + name + (bracketed ? ' (removes the brackets)' : ''), message,
      () => call('POST', target + '/session-adoption'), id));
    actions.append(act('Delete ' + name, message, () => call('DELETE', target)));
  }
  if (isParagraph && clerk) {
    const text = h('textarea', { id: id + '-insert', lang, rows: 4 });
    actions.append(form('Insert after ' + name, field('Text of the paragraph to insert after ' + name, text.id, text), 'Insert the paragraph',
      () => call('POST', base + '/paragraphs', { sectionId: section.sectionId, text: text.value, afterParagraphId: unit.paragraphId })));
  }
  if (clerk) {
    const entity = select(id + '-entity', members.map(m => [m, m]));
    const kind = select(id + '-kind', [['RESERVATION', 'Reservation'], ['EXPLANATION_OF_POSITION', 'Explanation of position']]);
    const statement = h('textarea', { id: id + '-reservation', lang, rows: 3 });
    actions.append(form('Reservation on ' + name, [field('Delegation', entity.id, entity), field('Kind', kind.id, kind),
      field('Text of the statement on ' + name, statement.id, statement)], 'Record the reservation',
      () => call('POST', base + '/reservations', { entity: entity.value, kind: kind.value, ...(isParagraph ? { paragraphId: unit.paragraphId } : { decisionId: unit.decisionId }), text: statement.value })));
  }
  return item;
}

// ---- Auditing ----------------------------------------------------------------------------------

const EVENT_TYPES = ['ReportCreated', 'AgendaItemProposed', 'AgendaItemAmended', 'AgendaItemWithdrawn', 'AgendaAdopted',
  'SectionAdded', 'ParticipantAdded', 'ParticipantRemoved', 'ParagraphDrafted', 'ParagraphRevised', 'ParagraphSubmitted',
  'ParagraphReturned', 'ParagraphApproved', 'ParagraphWithdrawn', 'DecisionProposed', 'DecisionAdopted', 'ReportAdopted',
  'AdoptionSessionOpened', 'OralAmendmentProposed', 'OralAmendmentAccepted', 'ParagraphBracketed', 'ParagraphAdoptedInSession',
  'ReservationRecorded', 'ReportAdoptedAdReferendum', 'ReportAdoptionConfirmed', 'CorrigendumIssued'];

async function audit(reportId, filters) {
  const query = new URLSearchParams();
  for (const name of ['actor', 'type', 'paragraphId']) if (filters.get(name)) query.set(name, filters.get(name));
  for (const name of ['from', 'to']) if (filters.get(name)) query.set(name, new Date(filters.get(name)).toISOString());
  const entries = await call('GET', '/api/reports/' + path(reportId) + '/audit?' + query);
  const field = (name, label, input) => h('p', {}, h('label', { for: 'filter-' + name }, label), input);
  const value = name => filters.get(name) || undefined;
  const form = h('form', { class: 'filters', onsubmit: event => {
    event.preventDefault();
    const chosen = new URLSearchParams();
    for (const element of form.elements) if (element.name && element.value) chosen.set(element.name, element.value);
    location.hash = '#/reports/' + path(reportId) + '/audit' + (chosen.toString() ? '?' + chosen : '');
  } },
    field('actor', 'Actor (user name)', h('input', { id: 'filter-actor', name: 'actor', value: value('actor') })),
    field('type', 'Event type', h('select', { id: 'filter-type', name: 'type' }, h('option', { value: '' }, 'Any'),
      EVENT_TYPES.map(t => h('option', { value: t, selected: filters.get('type') === t }, t)))),
    field('from', 'From', h('input', { id: 'filter-from', name: 'from', type: 'datetime-local', value: value('from') })),
    field('to', 'To', h('input', { id: 'filter-to', name: 'to', type: 'datetime-local', value: value('to') })),
    field('paragraphId', 'Paragraph id', h('input', { id: 'filter-paragraphId', name: 'paragraphId', value: value('paragraphId') })),
    h('p', {}, h('button', { type: 'submit' }, 'Filter')));
  const rows = entries.map(entry => {
    const payload = entry.payload || {};
    const about = payload.paragraphId
      ? h('a', { href: '#/reports/' + path(reportId) + '/paragraphs/' + path(payload.paragraphId) }, 'paragraph ' + payload.paragraphId)
      : (payload.decisionId ? 'decision ' + payload.decisionId : '');
    return h('tr', {},
      h('td', {}, h('a', { href: '#/reports/' + path(reportId) + '/at/' + entry.position,
        'aria-label': 'The draft at position ' + entry.position }, entry.position)),
      h('td', {}, h('time', { datetime: entry.timestamp }, entry.timestamp.replace('T', ' ').replace(/\.\d+Z$/, 'Z'))),
      h('td', {}, entry.type),
      h('td', {}, entry.actor.user + ' (' + words(entry.actor.role) + (entry.actor.entity ? ', ' + entry.actor.entity : '') + ')'),
      h('td', {}, about, payload.text ? h('span', { class: 'snippet' }, ' ', payload.text) : null,
        payload.comment ? h('span', { class: 'snippet' }, ' “', payload.comment, '”') : null));
  });
  show('Audit trail',
    h('p', { class: 'crumbs' }, h('a', { href: '#/' }, 'Reports'), ' › ', h('a', { href: '#/reports/' + path(reportId) }, reportId)),
    h('h1', {}, 'Audit trail'), form,
    h('p', { role: 'status' }, entries.length + (entries.length === 1 ? ' event' : ' events')),
    h('table', { class: 'audit' },
      h('thead', {}, h('tr', {}, ['Position', 'Time (UTC)', 'Event', 'Actor', 'About'].map(c => h('th', { scope: 'col' }, c)))),
      h('tbody', {}, rows)));
}

async function pastDraft(reportId, position) {
  const current = await call('GET', '/api/reports/' + path(reportId));
  const draft = await call('GET', '/api/reports/' + path(reportId) + '?atPosition=' + position);
  const lang = draft.language;
  const go = value => { location.hash = '#/reports/' + path(reportId) + '/at/' + value; };
  const slider = h('input', { id: 'position', type: 'range', min: 1, max: current.position, value: position,
    onchange: () => go(slider.value) });
  const sections = draft.sections.map(section => h('section', { class: 'section' },
    h('h3', {}, 'Chapter ' + section.chapter + ', ', section.letter ? [h('span', { class: 'num' }, section.letter + '.'), ' '] : null,
      h('span', { lang }, section.title)),
    h('ol', { class: 'units' }, section.paragraphs.map(unit => h('li', { class: 'unit status-' + unit.status.toLowerCase() },
      h('span', { class: 'num' }, unit.number == null ? '–' : unitNumber(unit) + '.'),
      h('div', { class: 'body' }, h('p', { class: 'text', lang }, unit.text),
        h('p', { class: 'meta' }, [words(unit.status), unit.authorEntity ? 'by ' + unit.authorEntity : null,
          unit.revision ? 'revision ' + unit.revision : null].filter(Boolean).join(' · '))))))));
  show('Draft at position ' + position,
    h('p', { class: 'crumbs' }, h('a', { href: '#/' }, 'Reports'), ' › ', h('a', { href: '#/reports/' + path(reportId) }, reportId)),
    h('h1', {}, 'The draft at position ' + draft.position + ' of ' + current.position),
    h('div', { class: 'travel' },
      h('label', { for: 'position' }, 'Position in the record'), slider,
      h('div', { class: 'actions' },
        h('button', { type: 'button', disabled: position <= 1, onclick: () => go(position - 1) }, 'Earlier'),
        h('button', { type: 'button', disabled: position >= current.position, onclick: () => go(position + 1) }, 'Later'),
        h('a', { href: '/api/reports/' + path(reportId) + '/document.html' }, 'Current document'))),
    h('h2', { lang }, draft.title), h('p', {}, 'Status: ' + words(draft.status)),
    sections.length ? sections : h('p', {}, 'No sections yet at this position.'));
}

async function history(reportId, paragraphId) {
  const revisions = await call('GET', '/api/reports/' + path(reportId) + '/paragraphs/' + path(paragraphId) + '/history');
  const draft = await call('GET', '/api/reports/' + path(reportId));
  const lang = draft.language;
  show('Paragraph history',
    h('p', { class: 'crumbs' }, h('a', { href: '#/' }, 'Reports'), ' › ', h('a', { href: '#/reports/' + path(reportId) }, reportId)),
    h('h1', {}, 'History of paragraph ' + paragraphId),
    h('ol', { class: 'revisions' }, revisions.map(revision => h('li', { class: 'revision' },
      h('h2', {}, 'Revision ' + revision.revision),
      h('p', { class: 'meta' }, 'By ' + revision.author.user + (revision.author.entity ? ' (' + revision.author.entity + ')' : '') + ' at ' + revision.at),
      h('p', { class: 'diff', lang }, revision.diff.length
        ? revision.diff.map(d => d.op === 'EQUAL' ? d.text : h(d.op === 'INSERT' ? 'ins' : 'del', {}, d.text))
        : revision.text),
      revision.statusChanges.length ? h('ul', { class: 'changes' }, revision.statusChanges.map(change => h('li', {},
        words(change.status) + ' by ' + change.actor.user + ' at ' + change.at + (change.comment ? ': “' + change.comment + '”' : '')))) : null))));
}

// ---- The chair's queue -------------------------------------------------------------------------

// The text the chair approved last, from the paragraph's history: what the new revision changes.
function lastApproved(revisions, before) {
  let text = null;
  for (const revision of revisions || []) {
    if (revision.revision < before && revision.statusChanges.some(c => c.status === 'APPROVED')) text = revision.text;
  }
  return text;
}

async function approvals(after) {
  if (after && after.position) {
    // Read your own write: the queue is answered once the projection holds the decision just sent.
    await call('GET', '/api/approvals/pending?reportId=' + encodeURIComponent(after.reportId) + '&minPosition=' + after.position);
  }
  const pending = await call('GET', '/api/approvals/pending');
  const histories = await Promise.all(pending.map(entry => entry.paragraphId
    ? call('GET', '/api/reports/' + path(entry.reportId) + '/paragraphs/' + path(entry.paragraphId) + '/history').catch(() => null)
    : null));
  const rows = pending.map((entry, index) => {
    const approved = entry.paragraphId ? lastApproved(histories[index], entry.revision) : null;
    const base = '/api/reports/' + path(entry.reportId);
    const message = h('p', { class: 'error', role: 'alert', hidden: true });
    const run = (label, request) => h('button', { type: 'button', onclick: async () => {
      try {
        const result = await request();
        announce.textContent = label + ': done.';
        await approvals({ reportId: entry.reportId, position: result && result.position });
      }
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
      h('td', { class: 'text' }, approved === null
        ? [entry.paragraphId ? h('p', { class: 'meta' }, 'Never approved before.') : null, h('p', {}, entry.text)]
        : [h('p', { class: 'meta' }, 'Changes since the last approved text:'),
           h('p', { class: 'diff' }, diff(approved, entry.text).map(d => d.kind === 'same' ? d.text
             : h(d.kind === 'added' ? 'ins' : 'del', {}, d.text)))]),
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
