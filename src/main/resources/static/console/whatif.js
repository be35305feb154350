// Policy staff: threshold what-if over a batch of sales (POST /v1/notifications/simulations, CSV upload;
// large files as a batch job, POST /v1/notifications/simulations/jobs). Everything shown comes from the API's
// answer: the page counts and decides nothing itself.
import { el, api, ApiError, problemBox, summaryBlock, footerNote, money, busy, status, download, csvCell, linkCitations, words } from './common.js';

const form = document.getElementById('whatif');
const fileInput = document.getElementById('sales');
const scenarioHost = document.getElementById('scenarios');
const LARGE_ROWS = 5000;
let chosen = null; // {file, name, rows}
let last = null; // {response, sales}
let counter = 0;
let jobUrl = null;

// ---- the sales file ----------------------------------------------------------------------------------------------

/** Splits CSV text into rows of cells (quoted cells allowed); only to show the sales' own values beside results. */
export function parseCsv(text) {
  const rows = [];
  let row = [], cell = '', quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { cell += '"'; i++; }
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(cell); cell = ''; }
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(cell); cell = '';
      if (row.length > 1 || row[0].trim() !== '') rows.push(row);
      row = [];
    } else cell += c;
  }
  if (cell !== '' || row.length) { row.push(cell); if (row.length > 1 || row[0].trim() !== '') rows.push(row); }
  if (!rows.length) return new Map();
  const header = rows[0].map((h) => h.trim());
  const byId = new Map();
  for (const r of rows.slice(1)) {
    const o = {};
    header.forEach((h, i) => { o[h] = (r[i] || '').trim(); });
    if (o.id) byId.set(o.id, o);
  }
  return byId;
}

async function choose(file, name) {
  const text = await file.text();
  const sales = parseCsv(text);
  chosen = { file, name, sales };
  document.getElementById('file-status').textContent = 'Using ' + name + ': ' + sales.size + ' sales.';
}

fileInput.addEventListener('change', () => {
  if (fileInput.files.length) choose(fileInput.files[0], fileInput.files[0].name);
});

document.getElementById('use-sample').addEventListener('click', async () => {
  const r = await fetch('/console/samples/fms-2022-2024.csv');
  const blob = await r.blob();
  fileInput.value = '';
  await choose(new File([blob], 'fms-2022-2024.csv', { type: 'text/csv' }), 'the bundled sample fms-2022-2024.csv');
});

// ---- scenarios ---------------------------------------------------------------------------------------------------

const KIND_LABEL = { STATUTORY: 'Statutory thresholds', FACTOR: 'Inflation factor', CPI_U: 'CPI-U to a year', CUSTOM: 'Custom thresholds' };
const TIERS = [['standard', 'Standard'], ['natoPlus5', 'NATO+5']];
const AMOUNTS = [['majorDefenseEquipment', 'MDE'], ['defenseArticlesAndServices', 'Defense articles and services'], ['designAndConstruction', 'Design and construction']];

function numberField(id, label, value, attrs = {}) {
  return el('div', { class: 'field' }, el('label', { for: id }, label),
    el('input', Object.assign({ type: 'number', id, value: value ?? '', min: '0', step: 'any' }, attrs)));
}

function addScenario(kind, preset = {}) {
  const n = ++counter;
  const id = 'sc' + n;
  const names = { STATUTORY: 'statutory', FACTOR: 'factor-' + (preset.factor || 1.69), CPI_U: 'cpi-u-to-' + (preset.toYear || 2024), CUSTOM: 'custom-' + n };
  const box = el('fieldset', { class: 'scenario', dataset: { kind } }, el('legend', {}, KIND_LABEL[kind]));
  const grid = el('div', { class: 'grid' },
    el('div', { class: 'field' }, el('label', { for: id + '-name' }, 'Name'),
      el('input', { type: 'text', id: id + '-name', value: preset.name || names[kind], required: true, maxlength: '100' })));
  if (kind === 'FACTOR') grid.append(numberField(id + '-factor', 'Factor (every dollar threshold times)', preset.factor ?? 1.69, { step: '0.01', min: '0.01' }));
  if (kind === 'CPI_U') grid.append(numberField(id + '-toYear', 'CPI-U to year (from the year each threshold was set)', preset.toYear ?? 2024, { step: '1', min: '2000', max: '2100' }));
  box.append(grid);
  if (kind === 'CUSTOM') {
    const t = preset.thresholds || {};
    const custom = el('div', { class: 'grid' });
    for (const [tier, tierLabel] of TIERS) {
      for (const [amount, amountLabel] of AMOUNTS) {
        custom.append(numberField(id + '-' + tier + '-' + amount, tierLabel + ': ' + amountLabel + ' ($)', t[tier] && t[tier][amount]));
      }
    }
    custom.append(numberField(id + '-firearms', 'Firearms, DCS ($)', t.firearms));
    box.append(el('p', { class: 'help' }, 'Amounts left blank keep their statutory value (the answer says so).'), custom);
  }
  box.append(el('div', { class: 'actions' }, el('button', { type: 'button', class: 'secondary remove', onclick: () => { box.remove(); renumber(); } }, 'Remove')));
  scenarioHost.append(box);
  renumber();
}

/** Scenario 1 is the baseline: legends and remove buttons say which scenario they are. */
function renumber() {
  scenarioHost.querySelectorAll('fieldset.scenario').forEach((box, i) => {
    const label = 'Scenario ' + (i + 1) + (i === 0 ? ' (baseline)' : '') + ': ' + KIND_LABEL[box.dataset.kind];
    box.querySelector('legend').textContent = label;
    box.querySelector('button.remove').setAttribute('aria-label', 'Remove scenario ' + (i + 1));
  });
}

function readScenarios() {
  return [...scenarioHost.querySelectorAll('fieldset.scenario')].map((box) => {
    const q = (suffix) => box.querySelector('[id$="-' + suffix + '"]');
    const name = q('name').value.trim();
    const kind = box.dataset.kind;
    if (kind === 'STATUTORY') return { name, kind: 'STATUTORY' };
    if (kind === 'FACTOR') return { name, kind: 'INFLATION_ADJUSTED', factor: Number(q('factor').value) };
    if (kind === 'CPI_U') return { name, kind: 'INFLATION_ADJUSTED', index: 'CPI_U', toYear: Number(q('toYear').value) };
    const thresholds = {};
    for (const [tier] of TIERS) {
      for (const [amount] of AMOUNTS) {
        const v = q(tier + '-' + amount).value.trim();
        if (v !== '') (thresholds[tier] = thresholds[tier] || {})[amount] = Number(v);
      }
    }
    const f = q('firearms').value.trim();
    if (f !== '') thresholds.firearms = Number(f);
    return { name, kind: 'CUSTOM', thresholds };
  });
}

document.getElementById('add-scenario').addEventListener('click', () => addScenario(document.getElementById('add-kind').value));
document.getElementById('sample-scenarios').addEventListener('click', async () => {
  const { json } = await api('/console/samples/scenarios.json');
  scenarioHost.replaceChildren();
  for (const s of json) {
    if (s.kind === 'STATUTORY') addScenario('STATUTORY', s);
    else if (s.kind === 'CUSTOM') addScenario('CUSTOM', s);
    else if (s.index === 'CPI_U') addScenario('CPI_U', s);
    else addScenario('FACTOR', s);
  }
});
addScenario('STATUTORY');
addScenario('FACTOR', { factor: 1.69 });
addScenario('CPI_U', { toYear: 2024 });

// ---- running -----------------------------------------------------------------------------------------------------

function analysis() {
  return {
    breakEven: document.getElementById('breakEven').value === 'true',
    sweep: { from: Number(document.getElementById('sweepFrom').value), to: Number(document.getElementById('sweepTo').value), step: Number(document.getElementById('sweepStep').value) },
  };
}

function body() {
  const fd = new FormData();
  fd.append('sales', chosen.file, chosen.file.name || 'sales.csv');
  fd.append('scenarios', JSON.stringify(readScenarios()));
  const asOf = document.getElementById('asOf').value;
  if (asOf) fd.append('asOf', asOf);
  fd.append('analysis', JSON.stringify(analysis()));
  return fd;
}

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  const run = document.getElementById('run');
  const errors = document.getElementById('error');
  errors.replaceChildren();
  if (!chosen) {
    errors.append(problemBox(new ApiError(0, { title: 'No sales', detail: 'Choose a CSV file or the bundled sample first.' })));
    fileInput.focus();
    return;
  }
  const mode = document.getElementById('asJob').value;
  const asJob = mode === 'yes' || (mode === 'auto' && chosen.sales.size > LARGE_ROWS);
  busy(run, true);
  status(asJob ? 'Submitting the batch job…' : 'Running ' + chosen.sales.size + ' sales…');
  try {
    const response = asJob ? await runJob() : (await api('/v1/notifications/simulations', { method: 'POST', body: body() })).json;
    document.getElementById('job').hidden = !asJob;
    if (response) {
      render(response, chosen.sales);
      status('Done: ' + chosen.sales.size + ' sales under ' + (response.totals || response).scenarios.length + ' scenarios.');
    }
  } catch (err) {
    status('');
    errors.append(problemBox(err));
  } finally {
    busy(run, false);
  }
});

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

const ROWS_IN_PAGE = 20000;

/** A batch job: submit, follow its progress, then read its totals (and its rows, when few enough to show). */
async function runJob() {
  const panel = document.getElementById('job');
  const bar = document.getElementById('progress');
  const text = document.getElementById('job-status');
  const r = await fetch('/v1/notifications/simulations/jobs', { method: 'POST', body: body(), headers: { Accept: 'application/json' } });
  if (!r.ok) {
    let problem = null;
    try { problem = await r.json(); } catch (e) { /* not json */ }
    throw new ApiError(r.status, problem);
  }
  jobUrl = r.headers.get('Location') || '/v1/notifications/simulations/jobs/' + (await r.json()).jobId;
  panel.hidden = false;
  panel.dataset.state = 'QUEUED';
  document.getElementById('cancel-job').disabled = false;
  try {
    for (;;) {
      const { json: job } = await api(jobUrl);
      bar.max = Math.max(job.total || 1, 1);
      bar.value = job.processed || 0;
      bar.setAttribute('aria-valuetext', (job.percent != null ? Math.round(job.percent) : 0) + '%');
      text.textContent = words(job.state) + ': ' + (job.processed || 0) + ' of ' + (job.total ?? '?') + ' sales'
        + (job.etaSeconds != null && job.state === 'RUNNING' ? ', about ' + job.etaSeconds + ' s left' : '') + '.';
      panel.dataset.state = job.state;
      if (job.state === 'DONE') {
        const rows = job.total <= ROWS_IN_PAGE ? (await api(job.results || jobUrl + '/results')).json : null;
        return fromJob(job, rows);
      }
      if (job.state === 'FAILED') throw new ApiError(500, job.problem || { title: 'The batch job failed' });
      if (job.state === 'CANCELLED') {
        status('The batch job was cancelled; its partial results are discarded.');
        return null;
      }
      await sleep(400);
    }
  } finally {
    jobUrl = null;
    document.getElementById('cancel-job').disabled = true;
  }
}

/** The job's totals in the shape of the synchronous answer; rows (when read) give the flips and break-evens. */
function fromJob(job, rows) {
  const names = job.totals.scenarios.map((s) => s.name);
  const changes = [];
  if (rows) {
    names.slice(1).forEach((name, k) => {
      const sales = rows.filter((row) => row.outcomes[k + 1].outcome !== row.outcomes[0].outcome)
        .map((row) => ({ id: row.id, from: row.outcomes[0].outcome, to: row.outcomes[k + 1].outcome }));
      changes.push({ fromScenario: names[0], toScenario: name, count: sales.length, sales });
    });
  }
  const record = job.decisionRecord ? job.decisionRecord.split('/').pop() : null;
  return {
    summary: job.summary, scenarios: job.totals.scenarios, totals: job.totals, changes: rows ? changes : null,
    breakEvens: rows ? rows.filter((row) => row.breakEven).map((row) => row.breakEven) : [],
    advisory: job.advisory, rulesetVersion: job.rulesetVersion, decisionId: record,
    csvUrl: job.results || jobUrl + '/results', job: job.jobId,
  };
}

document.getElementById('cancel-job').addEventListener('click', async () => {
  if (!jobUrl) return;
  const r = await fetch(jobUrl, { method: 'DELETE', headers: { Accept: 'application/json' } });
  if (!r.ok && r.status !== 409) status('The job could not be cancelled (' + r.status + ').');
});

// ---- showing the answer ------------------------------------------------------------------------------------------

const COLORS = { REQUIRED: '#a11d25', NOT_REQUIRED: '#1c6b35', UNDETERMINED: '#b38f00' };
const OUTCOMES = ['REQUIRED', 'NOT_REQUIRED', 'UNDETERMINED'];

function hatch(color) {
  const c = document.createElement('canvas');
  c.width = 10; c.height = 10;
  const g = c.getContext('2d');
  g.fillStyle = '#fff4c7'; g.fillRect(0, 0, 10, 10);
  g.strokeStyle = color; g.lineWidth = 2;
  g.beginPath(); g.moveTo(0, 10); g.lineTo(10, 0); g.moveTo(-5, 5); g.lineTo(5, -5); g.moveTo(5, 15); g.lineTo(15, 5); g.stroke();
  return g.createPattern(c, 'repeat');
}

function chart(id, config) {
  const canvas = document.getElementById(id);
  const old = window.Chart.getChart(canvas);
  if (old) old.destroy();
  canvas.dataset.rendered = 'false';
  config.options = Object.assign({ animation: false, responsive: true, maintainAspectRatio: false }, config.options);
  const c = new window.Chart(canvas, config);
  canvas.dataset.rendered = 'true';
  return c;
}

function render(resp, sales) {
  last = { response: resp, sales };
  const totals = resp.totals || null;
  const breakEvens = new Map((resp.breakEvens || []).map((b) => [b.id, b]));
  document.getElementById('results').hidden = false;
  document.getElementById('summary').replaceChildren(summaryBlock(resp.summary));
  const scenarios = totals ? totals.scenarios : resp.scenarios;
  chart('outcomes', {
    type: 'bar',
    data: {
      labels: scenarios.map((s) => s.name),
      datasets: OUTCOMES.map((o) => ({
        label: o === 'UNDETERMINED' ? 'Undetermined (unknown band)' : words(o),
        data: scenarios.map((s) => s.counts[o] || 0),
        backgroundColor: o === 'UNDETERMINED' ? hatch(COLORS[o]) : COLORS[o],
        borderColor: COLORS[o], borderWidth: 1,
      })),
    },
    options: { scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true, title: { display: true, text: 'Sales' } } } },
  });
  const sweep = totals && totals.sweep;
  const sweepNote = document.getElementById('sweep-note');
  if (Array.isArray(sweep) && sweep.length) {
    chart('sweep', {
      type: 'line',
      data: {
        labels: sweep.map((p) => Number(p.factor).toFixed(2)),
        datasets: [
          { label: 'Notification required', data: sweep.map((p) => p.counts.REQUIRED || 0), borderColor: COLORS.REQUIRED, backgroundColor: COLORS.REQUIRED, pointRadius: 2 },
          { label: 'Undetermined', data: sweep.map((p) => p.counts.UNDETERMINED || 0), borderColor: COLORS.UNDETERMINED, backgroundColor: COLORS.UNDETERMINED, borderDash: [6, 4], pointRadius: 2 },
        ],
      },
      options: { scales: { x: { title: { display: true, text: 'Factor applied to every statutory threshold' } }, y: { beginAtZero: true, title: { display: true, text: 'Sales' } } } },
    });
    sweepNote.textContent = 'Each point: the rules run on every sale with the statutory thresholds times the factor.';
  } else {
    const old = window.Chart.getChart('sweep');
    if (old) old.destroy();
    sweepNote.textContent = 'No sweep was asked for.';
  }
  renderCounts(scenarios);
  renderLeaving(scenarios);
  renderFlips(resp, sales, breakEvens);
  document.getElementById('footer').replaceChildren(footerNote(resp));
  // the answer is below a long form: take the reader (and the keyboard focus) to it
  document.getElementById('results').focus();
}

function renderCounts(scenarios) {
  const table = document.getElementById('counts');
  table.replaceChildren(
    el('caption', { class: 'visually-hidden' }, 'Sales per outcome and scenario'),
    el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, 'Scenario'), OUTCOMES.map((o) => el('th', { scope: 'col', class: 'num' }, words(o))),
      el('th', { scope: 'col' }, 'Required once the unknowns are known'), el('th', { scope: 'col' }, 'Thresholds applied'))),
    el('tbody', {}, scenarios.map((s) => el('tr', { dataset: { scenario: s.name } },
      el('th', { scope: 'row' }, s.name),
      OUTCOMES.map((o) => el('td', { class: 'num', dataset: { outcome: o } }, String(s.counts[o] ?? 0))),
      el('td', { class: 'bounds' }, s.required ? (s.required.min === s.required.max ? String(s.required.min) : 'between ' + s.required.min + ' and ' + s.required.max) : '—'),
      el('td', {}, thresholds(s))))));
}

function thresholds(s) {
  if (!Array.isArray(s.thresholds) || !s.thresholds.length) return words(s.kind || '');
  return el('details', {}, el('summary', {}, s.thresholds.length + ' amounts (' + words(s.kind || '') + ')'),
    el('ul', {}, s.thresholds.map((u) => el('li', {}, u.channel + ' ' + words(u.threshold.tier) + ', ' + words(u.threshold.kind) + ': ',
      el('strong', {}, money(u.threshold.amount)), ' (' + u.threshold.basis + '; ', linkCitations(u.threshold.citation), '; ' + u.sales + ' sales)'))));
}

function movement(m) {
  if (!m) return ['—', '—'];
  return [String(m.count), money(m.knownValue) + (m.unknownValueCount ? ' + ' + m.unknownValueCount + ' of unknown value' : '')];
}

function renderLeaving(scenarios) {
  const host = document.getElementById('leaving');
  const rows = scenarios.slice(1);
  if (!rows.length) {
    host.replaceChildren(el('p', { class: 'help' }, 'Add a second scenario to compare with the first.'));
    return;
  }
  host.replaceChildren(
    el('p', { class: 'help' }, 'Against the first scenario, “' + scenarios[0].name + '”. “Possibly leaving”: sales that needed notification and are now undetermined (a value they depend on is unknown).'),
    el('div', { class: 'table-wrap' }, el('table', { id: 'leaving-table' },
      el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, 'Scenario'),
        ['Leaving review', 'Their value', 'Possibly leaving', 'Their value', 'Entering review', 'Their value'].map((h) => el('th', { scope: 'col', class: 'num' }, h)))),
      el('tbody', {}, rows.map((s) => el('tr', { dataset: { scenario: s.name } }, el('th', { scope: 'row' }, s.name),
        [...movement(s.leavingReview), ...movement(s.possiblyLeavingReview), ...movement(s.enteringReview)].map((v) => el('td', { class: 'num' }, v))))))));
}

function renderFlips(resp, sales, breakEvens) {
  const host = document.getElementById('flips');
  host.replaceChildren();
  if (!resp.changes) {
    host.append(el('p', {}, 'The batch is too large to list its sales here: download the results.'));
    return;
  }
  if (!resp.changes.length) {
    host.append(el('p', {}, 'No sale changes outcome between the scenarios.'));
    return;
  }
  for (const group of resp.changes) {
    host.append(el('h4', {}, group.count + ' sale' + (group.count === 1 ? '' : 's') + ' change from “' + group.fromScenario + '” to “' + group.toScenario + '”'));
    if (!group.sales.length) continue;
    host.append(el('div', { class: 'table-wrap' }, el('table', { class: 'flips', dataset: { to: group.toScenario } },
      el('thead', {}, el('tr', {}, ['Sale', 'Recipient', 'Date', 'MDE value', 'Total value', 'Outcome', 'Break-even factor']
        .map((h) => el('th', { scope: 'col' }, h)))),
      el('tbody', {}, group.sales.map((c) => {
        const sale = sales.get(c.id) || {};
        const be = breakEvens.get(c.id);
        const total = c.totalValue ?? (sale.totalValue ? Number(sale.totalValue) : null);
        return el('tr', { dataset: { sale: c.id } },
          el('th', { scope: 'row' }, c.id),
          el('td', {}, sale.recipient ? el('a', { href: '/country.html?code=' + encodeURIComponent(sale.recipient) + (sale.asOf ? '&asOf=' + sale.asOf : '') }, sale.recipient) : ''),
          el('td', {}, sale.asOf || ''),
          el('td', { class: 'num' }, sale.majorDefenseEquipmentValue ? money(sale.majorDefenseEquipmentValue) : 'unknown'),
          el('td', { class: 'num' }, total != null ? money(total) : 'unknown'),
          el('td', {}, words(c.from) + ' → ' + words(c.to)),
          el('td', { class: 'break-even', dataset: { kind: be ? be.kind : '' } }, be ? breakEvenText(be) : '—'));
      })))));
  }
}

function breakEvenText(be) {
  const head = be.kind === 'FACTOR' ? '×' + Number(be.factor).toFixed(2)
    : be.kind === 'NEVER' ? 'never' : be.kind === 'NOT_NEEDED' ? 'not needed at any factor' : 'unknown';
  return el('span', {}, el('strong', {}, head), be.note ? el('span', { class: 'help' }, ' ', linkCitations(be.note)) : null,
    be.missing && be.missing.length ? el('span', { class: 'help' }, ' (depends on ' + be.missing.join(', ') + ')') : null);
}

// ---- download ----------------------------------------------------------------------------------------------------

document.getElementById('download').addEventListener('click', async () => {
  if (!last) return;
  const resp = last.response;
  if (resp.csvUrl) {
    const { text } = await api(resp.csvUrl, { accept: 'text/csv' });
    download('simulation-results.csv', text);
    return;
  }
  const breakEvens = new Map((resp.breakEvens || []).map((b) => [b.id, b]));
  const lines = [['scenario', 'id', 'asOf', 'outcome', 'reviewPeriodDays', 'triggeredBy', 'missing', 'breakEven.kind', 'breakEven.factor'].join(',')];
  for (const s of resp.scenarios) {
    for (const r of s.results || []) {
      const be = breakEvens.get(r.id) || {};
      lines.push([s.name, r.id, r.asOf, r.outcome, r.reviewPeriodDays,
        (r.triggeredBy || []).map((t) => t.tier + '/' + t.kind + ' ' + (t.value ?? '') + '>=' + t.threshold).join('; '),
        (r.missing || []).join('; '), be.kind, be.factor].map(csvCell).join(','));
    }
  }
  download('simulation-results.csv', lines.join('\n') + '\n');
});
