// Form controls bound to request paths (data-path): a fact left "Unknown" stays absent from the request, never
// "no"; and the open questions of an answer (its `missing` facts) as controls that answer them.
import { el, linkCitations } from './common.js';

export const specs = new Map();

// ---- controls --------------------------------------------------------------------------------------------------

export function idOf(path) {
  return 'f-' + path.replace(/[^A-Za-z0-9]+/g, '-');
}

export function control(spec, path, id) {
  specs.set(path, spec);
  const help = spec.help ? el('span', { class: 'help', id: id + '-help' }, linkCitations(spec.help)) : null;
  const common = { id, dataset: { path }, 'aria-describedby': help ? id + '-help' : null, required: spec.required || null };
  let input;
  if (spec.type === 'tri') {
    input = el('select', common, el('option', { value: '' }, 'Unknown (not given)'), el('option', { value: 'true' }, 'Yes'), el('option', { value: 'false' }, 'No'));
  } else if (spec.type === 'select') {
    input = el('select', common, spec.noUnknown ? null : el('option', { value: '' }, 'Unknown (not given)'),
      spec.options.map(([v, l]) => el('option', { value: v }, l)));
  } else if (spec.type === 'money') {
    input = el('input', Object.assign({ type: 'number', min: '0', step: 'any', inputmode: 'decimal' }, common));
  } else if (spec.type === 'date') {
    input = el('input', Object.assign({ type: 'date' }, common));
  } else {
    input = el('input', Object.assign({ type: 'text', pattern: spec.pattern || null, autocapitalize: spec.upper ? 'characters' : null }, common));
  }
  input.dataset.type = spec.type;
  return el('div', { class: 'field' }, el('label', { for: id }, spec.label), input, help);
}

export function readControl(input) {
  const v = input.value.trim();
  switch (input.dataset.type) {
    case 'tri': return v === '' ? undefined : v === 'true';
    case 'money': return v === '' ? undefined : Number(v);
    case 'list':
      if (v === '') return undefined;
      if (v.toUpperCase() === 'NONE') return [];
      return v.split(/[\s,;]+/).filter(Boolean).map((x) => x.toUpperCase());
    case 'text': return v === '' ? undefined : (specs.get(input.dataset.path) || {}).upper ? v.toUpperCase() : v;
    default: return v === '' ? undefined : v;
  }
}

export function writeControl(input, value) {
  if (value === undefined || value === null) input.value = '';
  else if (Array.isArray(value)) input.value = value.length ? value.join(', ') : 'NONE';
  else input.value = String(value);
}

export function setPath(o, path, value) {
  const keys = path.replace(/\[(\d+)\]/g, '.$1').split('.');
  let cur = o;
  keys.slice(0, -1).forEach((k, i) => {
    if (cur[k] === undefined) cur[k] = /^\d+$/.test(keys[i + 1]) ? [] : {};
    cur = cur[k];
  });
  cur[keys[keys.length - 1]] = value;
}

export function getPath(o, path) {
  return path.replace(/\[(\d+)\]/g, '.$1').split('.').reduce((cur, k) => (cur == null ? undefined : cur[k]), o);
}


/** Reads every visible control under root into a request object. */
export function readAll(root) {
  const request = {};
  for (const input of root.querySelectorAll('[data-path]')) {
    if (input.closest('[hidden]')) continue;
    const v = readControl(input);
    if (v !== undefined) setPath(request, input.dataset.path, v);
  }
  return request;
}

export function writeAll(root, request) {
  for (const input of root.querySelectorAll('[data-path]')) writeControl(input, getPath(request, input.dataset.path));
}

/**
 * The open questions: for each missing fact, its question (the label of the control that answers it, or the text
 * given), an answer control and "Answer and decide again", which fills the form's control and calls rerun.
 */
export function questionBlocks(entries, formRoot, rerun, buttonText) {
  return entries.map((e, n) => {
    const original = [...formRoot.querySelectorAll('[data-path="' + CSS.escape(e.path) + '"]')].find((c) => !c.closest('[hidden]'));
    const text = e.text || (original ? formRoot.querySelector('label[for="' + original.id + '"]').textContent : e.raw);
    const qid = 'q-' + n;
    const block = el('div', { class: 'question', dataset: { path: e.path } },
      el('p', {}, el('strong', {}, 'Question ' + (n + 1) + ': '), linkCitations(text)),
      e.help ? el('p', { class: 'help' }, linkCitations(e.help)) : null,
      e.about ? el('p', { class: 'help' }, e.about) : null);
    if (original) {
      const spec = specs.get(e.path) || { type: original.dataset.type };
      const field = control(Object.assign({}, spec, { label: 'Your answer', help: null, required: null }), 'answer:' + e.path, qid);
      const answer = field.querySelector('[data-path]');
      writeControl(answer, readControl(original));
      block.append(field, el('div', { class: 'actions' }, el('button', {
        type: 'button', class: 'answer', onclick: () => { original.value = answer.value; rerun(); },
      }, buttonText)));
    } else {
      block.append(el('p', { class: 'help' }, 'Give this in the form above, then decide again.'));
    }
    return block;
  });
}
