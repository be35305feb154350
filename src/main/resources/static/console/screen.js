// Exporter: screen a transfer (POST /v1/transfers/screenings). Every `missing` fact of the answer becomes the next
// question on screen; answering it fills the form and screens again.
import { el, api, problemBox, summaryBlock, footerNote, findingsList, badge, cite, linkCitations, prune, busy, status, words, params } from './common.js';
import { specs, idOf, control, readControl, writeControl, setPath, getPath, questionBlocks } from './forms.js';

const USML = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII', 'XIII', 'XIV', 'XV', 'XVI', 'XVII', 'XVIII', 'XIX', 'XX', 'XXI'];
const EXAMPLES = [
  ['exempt-aukus-126-7', 'Wing kit (USML VIII(h)) to an Australian Authorized User'],
  ['undetermined-canada-supplement-no1-unknown', 'Actuator (USML VIII(h)) to Canada, Supplement No. 1 unknown'],
  ['prohibited-itar-russia', 'Radar (USML XI(a)) to Russia'],
  ['license-required-itar-india-dsp5', 'USML item to India (DSP-5)'],
  ['license-required-ear-600-series-germany-exceptions', 'Bracket 9A610.x to Germany'],
  ['undetermined-ear-paragraph-not-given', 'ECCN without its paragraph'],
  ['undetermined-from-item-facts-9a610x-germany', 'An item described by its facts, to Germany'],
  ['mixed-items-aukus-and-ear', 'Mixed ITAR and EAR items to Australia'],
];

/** Every control: its request path, kind, label and help. */
const TRANSFER = [
  { path: 'destination', type: 'text', label: 'Destination country (ISO code, e.g. AU)', pattern: '[A-Z]{2}', required: true, upper: true },
  { path: 'channel', type: 'select', label: 'Channel', options: [['DCS', 'Direct commercial sale (export license)'], ['FMS', 'Foreign Military Sale']], noUnknown: true },
  { path: 'asOf', type: 'date', label: 'Date the law is applied as of', help: 'Blank: today.' },
  { path: 'temporary', type: 'tri', label: 'Is the export temporary?' },
  { path: 'manufactureAbroad', type: 'tri', label: 'Does it involve the manufacture abroad of defense articles?', help: '22 CFR 124.1, 124.11' },
  { path: 'priorLicensedExport', type: 'tri', label: 'Were the articles first exported under a license or other approval?', help: 'For 22 CFR 126.7(c)-(d)' },
];
const PARTIES = [
  { path: 'endUser.type', type: 'select', label: 'Type of end user', options: [['GOVERNMENT', 'Government'], ['COMMERCIAL', 'Commercial'], ['INDIVIDUAL', 'Individual']] },
  { path: 'endUser.aukusAuthorizedUser', type: 'tri', label: 'Is the recipient an AUKUS Authorized User?', help: '22 CFR 126.7(b)(2)(iii)' },
  { path: 'endUser.canadianRegistered', type: 'tri', label: 'Is the end user a Canadian-registered person?', help: '22 CFR 126.5' },
  { path: 'endUser.treatyApprovedCommunity', type: 'tri', label: 'Is the recipient in a treaty Approved Community?', help: '22 CFR 126.16, 126.17' },
  { path: 'endUser.armedForcesSupport', type: 'tri', label: 'Is the transfer in support of the armed forces of Australia, the UK or the U.S.?', help: '22 CFR 126.7(c)-(d)' },
  { path: 'endUser.securityForces', type: 'tri', label: 'Is the end user an armed, police, intelligence or internal security force?', help: '22 CFR 126.1' },
  { path: 'endUser.usGovernmentOrNatoAgency', type: 'tri', label: 'Is it for U.S. Government personnel or a NATO agency?', help: '15 CFR 743.6' },
  { path: 'endUser.dualNationalities', type: 'list', label: 'Nationalities of dual or third-country national employees', help: 'ISO codes separated by commas; NONE for none; blank: unknown. 22 CFR 126.18' },
  { path: 'exporter.ddtcRegistered', type: 'tri', label: 'Is the exporter registered with DDTC?', help: '22 CFR 122.1' },
  { path: 'exporter.aukusAuthorizedUser', type: 'tri', label: 'Is the exporter an AUKUS Authorized User?' },
];
const SALE = [
  { path: 'sale.majorDefenseEquipmentValue', type: 'money', label: 'Value of major defense equipment ($)' },
  { path: 'sale.totalValue', type: 'money', label: 'Total value of the sale ($)' },
  { path: 'sale.designAndConstructionValue', type: 'money', label: 'Value of design and construction services ($)' },
  { path: 'sale.newSalesTerritory', type: 'list', label: 'New sales territory (countries)', help: 'ISO codes separated by commas; NONE for none; blank: unknown.' },
];
const ITEM = [
  { path: 'id', type: 'text', label: 'Item name', required: true },
  { path: 'value', type: 'money', label: 'Value ($)' },
];
const BY = {
  usml: [
    { path: 'usml.category', type: 'select', label: 'USML category', options: USML.map((c) => [c, 'Category ' + c]), noUnknown: true },
    { path: 'usml.paragraph', type: 'text', label: 'Paragraph (e.g. h or h(1))' },
    { path: 'usml.sme', type: 'tri', label: 'Significant military equipment?' },
    { path: 'usml.classified', type: 'tri', label: 'Classified?' },
    { path: 'usml.kind', type: 'select', label: 'Kind', options: [['HARDWARE', 'Hardware'], ['TECHNICAL_DATA', 'Technical data'], ['DEFENSE_SERVICE', 'Defense service']] },
    { path: 'usml.excludedTechnologyList', type: 'tri', label: 'On the AUKUS Excluded Technology List?', help: 'Supplement No. 2 to part 126' },
    { path: 'usml.supplementNo1Excluded', type: 'tri', label: "Excluded in the destination's column of Supplement No. 1 to part 126?" },
  ],
  eccn: [
    { path: 'eccn', type: 'text', label: 'ECCN with its paragraph (e.g. 9A610.x)' },
    { path: 'listedInPart746Supplement', type: 'tri', label: 'Listed in a supplement to part 746 (Russia, Belarus)?' },
  ],
  ear99: [
    { path: 'listedInPart746Supplement', type: 'tri', label: 'Listed in a supplement to part 746 (Russia, Belarus)?' },
  ],
  facts: [],
};
let questions = [];
let itemCount = 0;

// ---- items -----------------------------------------------------------------------------------------------------

function questionSpec(q) {
  const base = { label: q.text, help: q.id + ' — ' + q.citation };
  if (q.answer === 'boolean') return Object.assign(base, { type: 'tri' });
  if (q.answer === 'USML|EAR') return Object.assign(base, { type: 'select', options: [['USML', 'USML'], ['EAR', 'EAR']] });
  if (q.answer === 'usml-category') return Object.assign(base, { type: 'select', options: USML.map((c) => [c, 'Category ' + c]) });
  return Object.assign(base, { type: 'text' });
}

function addItem() {
  const i = itemCount++;
  const prefix = 'items[' + i + '].';
  const box = el('fieldset', { class: 'item', dataset: { index: String(i) } }, el('legend', {}, 'Item ' + (i + 1)));
  const grid = el('div', { class: 'grid' }, ITEM.map((s) => control(s, prefix + s.path, idOf(prefix + s.path))));
  const byId = idOf(prefix + 'describedBy');
  const by = el('select', { id: byId, class: 'described-by' },
    el('option', { value: 'usml' }, 'USML category (ITAR)'), el('option', { value: 'eccn' }, 'ECCN (EAR)'),
    el('option', { value: 'ear99' }, 'EAR99'), el('option', { value: 'facts' }, 'I do not know: answer questions about the item'));
  grid.append(el('div', { class: 'field' }, el('label', { for: byId }, 'How is the item described?'), by));
  box.append(grid);
  const sections = {};
  for (const [key, list] of Object.entries(BY)) {
    const sec = el('div', { class: 'grid by-' + key, hidden: key !== 'usml' });
    const fields = key === 'facts' ? questions.map((q) => [questionSpec(q), 'jurisdictionFacts.' + q.field]) : list.map((s) => [s, s.path]);
    for (const [s, p] of fields) sec.append(control(s, prefix + p, idOf(prefix + (key === 'ear99' ? 'ear99-' : '') + p)));
    if (key === 'facts') {
      box.append(el('details', { class: 'by-facts-box', open: true, hidden: true },
        el('summary', {}, 'Questions of the order of review (answer what you know)'), sec));
      sec.hidden = false;
      sections[key] = sec.parentElement;
    } else {
      box.append(sec);
      sections[key] = sec;
    }
  }
  by.addEventListener('change', () => {
    for (const [key, sec] of Object.entries(sections)) sec.hidden = key !== by.value;
  });
  if (i > 0) {
    box.append(el('div', { class: 'actions' }, el('button', { type: 'button', class: 'secondary', 'aria-label': 'Remove item ' + (i + 1), onclick: () => box.remove() }, 'Remove')));
  }
  document.getElementById('items').append(box);
  return box;
}

function readRequest() {
  const request = {};
  for (const input of document.querySelectorAll('#transfer [data-path], #parties [data-path], #sale [data-path]')) {
    const v = readControl(input);
    if (v !== undefined) setPath(request, input.dataset.path, v);
  }
  request.items = [];
  document.querySelectorAll('#items fieldset.item').forEach((box) => {
    const item = {};
    const by = box.querySelector('.described-by').value;
    for (const input of box.querySelectorAll('[data-path]')) {
      if (input.closest('[hidden]')) continue;
      const local = input.dataset.path.replace(/^items\[\d+\]\./, '');
      const v = readControl(input);
      if (v !== undefined) setPath(item, local, v);
    }
    if (by === 'ear99') item.ear99 = true;
    const pruned = prune(item);
    // nothing answered yet is still an item described by its facts: the determination asks the first question
    if (by === 'facts' && !pruned.jurisdictionFacts) pruned.jurisdictionFacts = {};
    request.items.push(pruned);
  });
  const items = request.items;
  const out = prune(Object.assign({}, request, { items: [] }));
  out.items = items;
  return out;
}

function fill(request) {
  document.getElementById('items').replaceChildren();
  itemCount = 0;
  for (const input of document.querySelectorAll('#transfer [data-path], #parties [data-path], #sale [data-path]')) {
    writeControl(input, getPath(request, input.dataset.path));
  }
  (request.items || []).forEach((item) => {
    const box = addItem();
    const by = box.querySelector('.described-by');
    by.value = item.usml ? 'usml' : item.eccn ? 'eccn' : item.ear99 ? 'ear99' : item.jurisdictionFacts ? 'facts' : 'usml';
    by.dispatchEvent(new Event('change'));
    for (const input of box.querySelectorAll('[data-path]')) {
      const local = input.dataset.path.replace(/^items\[\d+\]\./, '');
      if (!input.closest('[hidden]')) writeControl(input, getPath(item, local));
    }
  });
  if (!itemCount) addItem();
}

// ---- the answer --------------------------------------------------------------------------------------------------

const TONE = { PROHIBITED: 'bad', LICENSE_REQUIRED: 'warn', UNDETERMINED: 'unknown', EXEMPT: 'good', NO_LICENSE_REQUIRED: 'good' };
const CONDITION = { ExemptionApplies: 'met', ExemptionNotAvailable: 'failed', ExemptionUndetermined: 'unknown' };
const CONDITION_WORDS = { met: 'conditions met', failed: 'a condition fails', unknown: 'a condition is unknown' };

function itemCard(item, index) {
  const exemptions = item.findings.filter((f) => CONDITION[f.rule]);
  const rest = item.findings.filter((f) => !CONDITION[f.rule]);
  return el('article', { class: 'item-card ' + (TONE[item.outcome] || ''), dataset: { item: item.id } },
    el('h3', {}, 'Item ' + (index + 1) + ': ' + item.id + ' ', badge(item.outcome)),
    el('p', {}, 'Jurisdiction: ', el('strong', {}, item.jurisdiction === 'UNDETERMINED' ? 'not yet determined' : item.jurisdiction),
      item.licenseType ? el('span', { class: 'license' }, '; license form: ', el('strong', {}, item.licenseType)) : null,
      item.exemption ? el('span', { class: 'exemption' }, '; exemption: ', el('strong', {}, linkCitations('22 CFR ' + item.exemption))) : null, '.'),
    exemptions.length ? el('div', {}, el('h4', {}, 'Exemptions checked'),
      el('ul', { class: 'conditions' }, exemptions.map((f) => el('li', { dataset: { status: CONDITION[f.rule] } },
        el('strong', {}, CONDITION_WORDS[CONDITION[f.rule]] + ': '), linkCitations(f.message), ' ', el('span', { class: 'meta' }, '— ', cite(f.citation)))))) : null,
    item.licenseExceptions && item.licenseExceptions.length ? el('div', {}, el('h4', {}, 'License exceptions to consider (candidates, not applied)'),
      el('ul', { class: 'exceptions' }, item.licenseExceptions.map((x) => el('li', { dataset: { code: x.code } },
        el('strong', {}, x.code), ' (', cite(x.citation), ')', x.conditions.length ? el('ul', {}, x.conditions.map((c) => el('li', {}, linkCitations(c)))) : null)))) : null,
    item.determination ? el('div', { class: 'determination' }, el('h4', {}, 'Jurisdiction determination ', badge(item.determination.outcome)),
      summaryBlock(item.determination.summary)) : null,
    findingsList(rest));
}

/** The open questions: each `missing` fact, as the control that answers it, with "Answer and screen again". */
function questionsFor(response) {
  const entries = [];
  const seen = new Set();
  const add = (raw, source) => {
    const [path, ...more] = raw.split(':');
    const key = raw;
    if (seen.has(key)) return;
    seen.add(key);
    entries.push({ path: path.trim(), detail: more.join(':').trim(), source, raw });
  };
  response.items.forEach((it) => (it.missing || []).forEach((m) => add(m, it)));
  ((response.notification && response.notification.missing) || []).forEach((m) => add(m.includes('.') ? m : 'sale.' + m, null));
  ((response.earNotification && response.earNotification.missing) || []).forEach((m) => add(m, null));
  if (!entries.length) return null;
  const boxes = [...document.querySelectorAll('#items fieldset.item')];
  for (const e of entries) {
    // items[k] of the request is the k-th item on screen (whatever its control ids)
    e.path = e.path.replace(/^items\[(\d+)\]/, (all, k) => (boxes[k] ? 'items[' + boxes[k].dataset.index + ']' : all));
    e.help = e.detail;
    const next = e.source && e.source.determination && e.source.determination.nextQuestion;
    if (next && e.path.endsWith('jurisdictionFacts.' + next.field)) {
      e.text = next.text;
      e.help = next.id + ' — ' + next.citation;
    }
    if (e.source) e.about = 'For item ' + e.source.id + '.';
  }
  const blocks = questionBlocks(entries, document.getElementById('screening'), run, 'Answer and screen again');
  return el('div', { id: 'open-questions' }, el('h3', {}, 'To decide, answer ' + (entries.length === 1 ? 'this question' : 'these questions')), blocks);
}

function render(response, request) {
  const section = document.getElementById('result');
  section.hidden = false;
  const dest = request.destination;
  document.getElementById('verdict').replaceChildren(
    el('p', { class: 'summary' }, badge(response.outcome), ' '),
    summaryBlock(response.summary),
    el('p', {}, 'Destination profile on ' + response.asOf + ': ',
      el('a', { href: '/country.html?code=' + encodeURIComponent(dest) + '&asOf=' + response.asOf, id: 'country-link' }, dest)));
  const q = questionsFor(response);
  document.getElementById('questions').replaceChildren(q || '');
  document.getElementById('item-results').replaceChildren(el('h3', {}, 'Item by item'), ...response.items.map(itemCard));
  const n = response.notification;
  const earN = response.earNotification;
  document.getElementById('notification').replaceChildren(
    n ? el('div', { class: 'panel', id: 'notification-panel' }, el('h3', {}, 'Congressional notification (section ' + n.section.replace(/^36/, '36') + ') ', badge(n.outcome)),
      summaryBlock(n.summary), findingsList(n.findings)) : '',
    earN ? el('div', { class: 'panel' }, el('h3', {}, 'EAR notification (15 CFR 743.6) ', badge(earN.outcome)), el('p', {}, cite(earN.citation))) : '');
  document.getElementById('transfer-findings').replaceChildren(findingsList(response.findings, { label: 'About the whole transfer' }) || '');
  document.getElementById('footer').replaceChildren(footerNote(response));
  (document.querySelector('#open-questions .question select, #open-questions .question input') || section).focus();
}

async function run() {
  const button = document.getElementById('run');
  const errors = document.getElementById('error');
  errors.replaceChildren();
  const request = readRequest();
  busy(button, true);
  status('Screening…');
  try {
    const { json } = await api('/v1/transfers/screenings', { method: 'POST', json: request });
    render(json, request);
    status('Screened: ' + words(json.outcome) + '.');
  } catch (err) {
    status('');
    errors.append(problemBox(err));
    errors.querySelector('.problem').focus?.();
  } finally {
    busy(button, false);
  }
}

// ---- start -------------------------------------------------------------------------------------------------------

async function start() {
  document.getElementById('transfer-fields').append(...TRANSFER.map((s) => control(s, s.path, idOf(s.path))));
  document.getElementById('party-fields').append(...PARTIES.map((s) => control(s, s.path, idOf(s.path))));
  document.getElementById('sale-fields').append(...SALE.map((s) => control(s, s.path, idOf(s.path))));
  const select = document.getElementById('example');
  EXAMPLES.forEach(([file, label]) => select.append(el('option', { value: file }, label)));
  try {
    questions = (await api('/v1/jurisdictions/questions')).json;
  } catch (err) {
    document.getElementById('error').append(problemBox(err));
  }
  const decision = params().get('decision');
  if (decision) {
    const { json } = await api('/v1/decisions/' + encodeURIComponent(decision));
    fill(json.request);
  } else {
    addItem();
  }
  document.getElementById('screening').dataset.ready = 'true';
}

document.getElementById('add-item').addEventListener('click', () => addItem());
document.getElementById('load-example').addEventListener('click', async () => {
  const name = document.getElementById('example').value;
  if (!name) return;
  const { json } = await api('/console/samples/screenTransfer/' + name + '.json');
  fill(json);
  status('Loaded the example “' + document.getElementById('example').selectedOptions[0].textContent + '”.');
});
document.getElementById('screening').addEventListener('submit', (e) => { e.preventDefault(); run(); });
start();
