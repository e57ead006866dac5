/* "Sono alla porta / I am at the door" (docs/building-access.md, docs/city-api.md): in a point's details, when its
   module has doors, a courier picks the door and types the one-time code; the city sends it to the module, which
   decides as its keypad would. No account: the code is the secret. The section is built once per point and kept
   across the details' live redraws, so a code half typed is never lost; only its texts follow the language. */
'use strict';
window.MSG_DOOR = (function () {
  const I = window.MSG_I18N, t = (...a) => I.t(...a);
  I.add('it', {
    d_title: 'Sono alla porta', d_intro: 'Hai un codice di 8 cifre per una porta di questo edificio? Scegli la porta e scrivi il codice.',
    d_door: 'Porta', d_code: 'Codice (8 cifre)', d_open: 'Apri la porta', d_sending: 'Invio del codice…',
    d_GRANTED: 'Porta aperta: entra ora, si richiude tra pochi secondi.',
    d_REFUSED: 'Codice non valido.', d_EXPIRED: 'Codice scaduto.', d_NOT_YET_VALID: 'Codice non ancora valido.',
    d_REUSED: 'Codice già usato.', d_THROTTLED: 'Troppi tentativi: riprova più tardi.',
    d_limited: s => `Troppi tentativi da questo dispositivo: riprova tra ${s} secondi.`,
    d_format: 'Il codice ha 8 cifre.', d_unknown: 'Questa porta non è più disponibile: aggiorna la pagina.',
    d_unreachable: 'Modulo non raggiungibile: usa il tastierino della porta.',
    d_offline: 'Nessuna connessione: usa il tastierino della porta.'
  });
  I.add('en', {
    d_title: 'I am at the door', d_intro: 'Do you have an 8-digit code for a door of this building? Pick the door and type the code.',
    d_door: 'Door', d_code: 'Code (8 digits)', d_open: 'Open the door', d_sending: 'Sending the code…',
    d_GRANTED: 'Door open: go in now, it locks again in a few seconds.',
    d_REFUSED: 'Invalid code.', d_EXPIRED: 'Code expired.', d_NOT_YET_VALID: 'Code not valid yet.',
    d_REUSED: 'Code already used.', d_THROTTLED: 'Too many attempts: try again later.',
    d_limited: s => `Too many attempts from this device: try again in ${s} seconds.`,
    d_format: 'A code has 8 digits.', d_unknown: 'This door is no longer available: reload the page.',
    d_unreachable: 'Module not reachable: use the keypad at the door.',
    d_offline: 'No connection: use the keypad at the door.'
  });

  let current = null; // { id, root, refs, lastKey, lastArg }

  function el(tag, attrs, ...children) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (k === 'class') e.className = v; else if (k === 'text') e.textContent = v; else e.setAttribute(k, v);
    }
    for (const c of children) if (c !== null && c !== undefined) e.append(c);
    return e;
  }

  /* The point's door section: empty (and hidden) until the city says the point has doors. */
  function section(point) {
    if (current && current.id === point.id) { texts(); return current.root; }
    const root = el('section', { class: 'door', 'aria-labelledby': 'door-h', hidden: '' });
    current = { id: point.id, root, refs: null, lastKey: null, lastArg: null };
    if (point.monitored !== false && point.module) load(current);
    return root;
  }

  async function load(c) {
    let doors = [];
    try {
      const r = await fetch(`/api/v1/doors/${encodeURIComponent(c.id)}`, { headers: { Accept: 'application/json' } });
      if (r.ok) doors = (await r.json()).doors || [];
    } catch (e) { /* offline: no form; the keypad is there */ }
    if (current !== c || !doors.length) return;
    build(c, doors);
  }

  function build(c, doors) {
    const refs = {
      h: el('h3', { id: 'door-h' }), intro: el('p', { class: 'hint', id: 'door-intro' }),
      doorLabel: el('label', { for: 'door-which' }), codeLabel: el('label', { for: 'door-code' }),
      which: el('select', { id: 'door-which' }, ...doors.map(d => el('option', { value: d.id, text: d.label }))),
      code: el('input', { id: 'door-code', name: 'code', type: 'text', inputmode: 'numeric', pattern: '[0-9]*',
        autocomplete: 'one-time-code', maxlength: '12', 'aria-describedby': 'door-intro door-msg', required: '' }),
      button: el('button', { type: 'submit' }),
      msg: el('p', { id: 'door-msg', class: 'status', role: 'status', 'aria-live': 'polite' })
    };
    const form = el('form', { class: 'form', novalidate: '' },
      el('div', { class: 'field' }, refs.doorLabel, refs.which),
      el('div', { class: 'field' }, refs.codeLabel, refs.code),
      el('div', { class: 'actions' }, refs.button), refs.msg);
    form.addEventListener('submit', e => { e.preventDefault(); send(c); });
    c.refs = refs;
    c.root.replaceChildren(refs.h, refs.intro, form);
    c.root.hidden = false;
    texts();
  }

  function texts() {
    const r = current && current.refs;
    if (!r) return;
    r.h.textContent = t('d_title');
    r.intro.textContent = t('d_intro');
    r.doorLabel.textContent = t('d_door');
    r.codeLabel.textContent = t('d_code');
    r.button.textContent = t('d_open');
    if (current.lastKey) r.msg.textContent = t(current.lastKey, current.lastArg);
  }

  /* The outcome in words, marked by a symbol and class as well as colour; a refusal is an error of the field. */
  function say(c, key, ok, arg) {
    c.lastKey = key;
    c.lastArg = arg;
    c.refs.msg.className = key === 'd_sending' ? 'hint' : ok ? 'status' : 'err';
    c.refs.msg.textContent = t(key, arg);
    c.refs.code.setAttribute('aria-invalid', String(!ok && key !== 'd_sending'));
  }

  async function send(c) {
    const code = c.refs.code.value.replace(/\s/g, '');
    if (!/^[0-9]{8}$/.test(code)) { say(c, 'd_format', false); c.refs.code.focus(); return; }
    c.refs.button.disabled = true;
    say(c, 'd_sending', true);
    try {
      const r = await fetch(`/api/v1/doors/${encodeURIComponent(c.id)}/${encodeURIComponent(c.refs.which.value)}/open`, {
        method: 'POST', headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify({ code }) });
      const body = await r.json().catch(() => ({}));
      if (current !== c) return;
      if (r.ok) { c.refs.code.value = ''; say(c, 'd_GRANTED', true); }
      else if (r.status === 429 && !body.outcome) say(c, 'd_limited', false, r.headers.get('Retry-After') || '60');
      else if (body.outcome && I.in(I.lang, 'd_' + body.outcome)) say(c, 'd_' + body.outcome, false);
      else if (r.status === 400) say(c, 'd_format', false);
      else if (r.status === 404) say(c, 'd_unknown', false);
      else say(c, 'd_unreachable', false);
    } catch (e) {
      if (current === c) say(c, 'd_offline', false);
    } finally {
      c.refs.button.disabled = false;
    }
  }

  return { section };
})();
