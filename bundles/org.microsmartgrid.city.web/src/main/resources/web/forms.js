/* Forms of the signed-in screens (docs/map-page.md): every field has a label, says what is wrong while the citizen
   types (in words, linked with aria-describedby, not by colour alone), and a refused request shows the server's RFC 9457
   problem in the page's language. The server checks everything again: these checks only save a round trip. */
'use strict';
window.MSG_FORMS = (function () {
  const I = window.MSG_I18N, t = (...a) => I.t(...a);
  let serial = 0;

  function el(tag, attrs, ...children) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === undefined || v === null || v === false) continue;
      if (k === 'class') e.className = v; else if (k === 'text') e.textContent = v; else e.setAttribute(k, v === true ? '' : v);
    }
    for (const c of children) if (c !== null && c !== undefined) e.append(c);
    return e;
  }

  /* The server writes "italiano / English" in titles and details: the half in the page's language. */
  function localText(s) {
    const i = String(s || '').indexOf(' / ');
    if (i < 0) return String(s || '');
    return I.lang === 'it' ? s.slice(0, i) : s.slice(i + 3);
  }

  function problemText(e) {
    const p = e && e.problem;
    if (!p) return e && e.status ? t('httpError', e.status) : t('network');
    const title = localText(p.title), detail = localText(p.detail);
    return detail ? `${title}: ${detail}` : title;
  }

  /* The message for a control's state, in the page's language (the browser's own would be in its language). */
  function message(input, spec) {
    const v = input.validity;
    if (v.valueMissing) return t('e_required');
    if (v.typeMismatch) return t(input.type === 'email' ? 'e_email' : 'e_format');
    if (v.badInput) return t('e_number');
    if (v.tooShort) return t('e_tooShort', spec.minlength);
    if (v.tooLong) return t('e_tooLong', spec.maxlength);
    if (v.rangeUnderflow || v.rangeOverflow) return t('e_range', spec.min, spec.max);
    if (v.stepMismatch) return t('e_step');
    if (v.customError) return input.validationMessage;
    return '';
  }

  /* One field: {name, label (text key), type: text|email|password|number|textarea|select|radio|checks, required,
     minlength, maxlength, min, max, step, options: [[value, text key]], value, hint (text key), check(values, form)}. */
  function field(spec, prefix) {
    const id = `${prefix}-${spec.name}`, errId = id + '-err', hintId = spec.hint ? id + '-hint' : null;
    const describedby = [hintId, errId].filter(Boolean).join(' ');
    const err = el('p', { class: 'err', id: errId });
    const hint = spec.hint ? el('p', { class: 'hint', id: hintId, text: t(spec.hint) }) : null;
    if (spec.type === 'radio' || spec.type === 'checks') {
      const group = el('fieldset', { class: 'group', id, 'aria-describedby': describedby },
        el('legend', { text: t(spec.label) + (spec.required ? ' *' : '') }), hint);
      for (const [value, key] of spec.options) {
        const box = el('input', { type: spec.type === 'radio' ? 'radio' : 'checkbox', name: id, value,
          checked: (spec.value || []).includes ? (spec.value || []).includes(value) : spec.value === value });
        group.append(el('label', { class: 'choice' }, box, ' ', el('span', { text: t(key) })));
      }
      group.append(err);
      return { spec, root: group, err, inputs: [...group.querySelectorAll('input')], group: true };
    }
    const attrs = { id, name: spec.name, required: spec.required, minlength: spec.minlength, maxlength: spec.maxlength,
      min: spec.min, max: spec.max, step: spec.step, 'aria-describedby': describedby, autocomplete: spec.autocomplete || 'off',
      inputmode: spec.inputmode, placeholder: spec.placeholder };
    let input;
    if (spec.type === 'textarea') input = el('textarea', Object.assign(attrs, { rows: 3 }));
    else if (spec.type === 'select') {
      input = el('select', attrs, ...spec.options.map(([value, key]) => el('option', { value, text: t(key) })));
    } else input = el('input', Object.assign(attrs, { type: spec.type || 'text' }));
    if (spec.value !== undefined && spec.value !== null) input.value = spec.value;
    const label = el('label', { for: id, text: t(spec.label) + (spec.required ? ' *' : '') });
    return { spec, root: el('div', { class: 'field' }, label, hint, input, err), err, inputs: [input], group: false };
  }

  function valueOf(f) {
    if (f.spec.type === 'checks') return f.inputs.filter(i => i.checked).map(i => i.value);
    if (f.spec.type === 'radio') { const c = f.inputs.find(i => i.checked); return c ? c.value : ''; }
    return f.inputs[0].value.trim();
  }

  /* A form: fields, a submit button and a region for the server's answer. onSubmit(values) may throw a fetch error
     with a problem; what it returns (a text key or text) is said in the status region. */
  function form(opts) {
    const prefix = 'f' + (++serial) + '-' + opts.id;
    const fields = opts.fields.map(s => field(s, prefix));
    const status = el('p', { class: 'status', role: 'status' });
    const alert = el('p', { class: 'problem', role: 'alert', id: prefix + '-problem' });
    const submit = el('button', { type: 'submit', text: t(opts.submit) });
    const f = el('form', { class: 'form', id: opts.id, novalidate: true, 'aria-label': opts.label ? t(opts.label) : undefined },
      ...fields.map(x => x.root), alert, el('div', { class: 'actions' }, submit, ...(opts.extra || [])), status);
    const values = () => Object.fromEntries(fields.map(x => [x.spec.name, valueOf(x)]));

    function validate(x, show) {
      const vals = values();
      let msg = '';
      if (x.group) {
        if (x.spec.required && valueOf(x).length === 0) msg = t(x.spec.type === 'checks' ? 'e_oneAtLeast' : 'e_choose');
        if (!msg && x.spec.check) msg = x.spec.check(vals) || '';
      } else {
        const input = x.inputs[0];
        input.setCustomValidity('');
        if (x.spec.check && input.validity.valid) input.setCustomValidity(x.spec.check(vals) || '');
        msg = message(input, x.spec);
      }
      const target = x.group ? x.root : x.inputs[0];
      if (show) {
        x.err.textContent = msg ? '✕ ' + msg : '';
        if (msg) target.setAttribute('aria-invalid', 'true'); else target.removeAttribute('aria-invalid');
      }
      return !msg;
    }
    // as one types: a field says what is wrong once it has been touched; dependent fields are checked again too
    for (const x of fields) {
      const touched = () => { x.touched = true; fields.forEach(y => { if (y.touched) validate(y, true); }); };
      for (const i of x.inputs) { i.addEventListener('input', touched); i.addEventListener('change', touched); }
    }
    f.addEventListener('submit', async e => {
      e.preventDefault();
      alert.textContent = ''; status.textContent = '';
      let first = null;
      for (const x of fields) { x.touched = true; if (!validate(x, true) && !first) first = x; }
      if (first) { (first.group ? first.inputs[0] : first.inputs[0]).focus(); alert.textContent = t('e_fix'); return; }
      submit.disabled = true;
      try {
        const said = await opts.onSubmit(values(), f);
        if (said) status.textContent = t(said);
      } catch (err) {
        alert.textContent = problemText(err);
      } finally {
        submit.disabled = false;
      }
    });
    f.fields = fields;
    f.values = values;
    f.revalidate = () => fields.forEach(x => { if (x.touched) validate(x, true); });
    f.set = (name, v) => { const x = fields.find(y => y.spec.name === name); x.inputs[0].value = v; x.touched = true; validate(x, true); };
    f.show = (name, visible) => { fields.find(y => y.spec.name === name).root.hidden = !visible; };
    return f;
  }

  return { el, form, problemText, localText };
})();
