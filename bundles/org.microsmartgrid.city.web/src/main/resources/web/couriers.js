/* "Codici per i corrieri / Couriers' codes" (docs/map-page.md, docs/building-access.md): the owner of a claimed module
   point issues a one-time courier code for a door of the building (those kept off the public "I am at the door" page
   too): door, when it starts, how long it lasts. The module issues it; the page shows it once, with its window, and
   the city keeps it nowhere. Only for the points the signed-in account claimed and whose module told the city of its
   doors: anyone else never sees the form. Interventions for people's safety need a reason that never leaves the
   building: they are issued on the module's console, as the note says. */
'use strict';
(function () {
  const A = window.MSG_ACCOUNT, K = A.kit, st = K.st, F = window.MSG_FORMS, el = F.el, I = window.MSG_I18N;
  const P = window.MSG_PROVIDER;
  const t = (...a) => I.t(...a), enc = encodeURIComponent;
  I.add('it', {
    cc_title: 'Codici per i corrieri',
    cc_intro: 'Un codice di 8 cifre per una porta del tuo edificio: vale una sola volta, nella fascia che scegli. Lo emette il modulo; mandalo al corriere, che lo scrive sul tastierino o in "Sono alla porta".',
    cc_kind: 'Tipo: corriere. Gli interventi per la sicurezza delle persone (con il loro motivo) si emettono dalla console del modulo: il motivo non esce dall\'edificio.',
    cc_point: 'Punto', cc_door: 'Porta', cc_hidden: d => `${d} (non sulla pagina pubblica: solo tastierino)`,
    cc_starts: 'Inizia tra (minuti)', cc_startsHint: 'Da 0 (subito) a 1440 (24 ore).',
    cc_minutes: 'Durata (minuti)', cc_minutesHint: 'Da 5 a 720 (12 ore), mai più di quanto consente il modulo.',
    cc_send: 'Emetti il codice', cc_sending: 'Richiesta al modulo…',
    cc_issued: (d, a, b) => `Codice per «${d}», valido dal ${a} al ${b}:`,
    cc_once: 'Lo vedi solo ora: né il Comune né questa pagina lo conservano. Copialo e mandalo al corriere.',
    cc_offlineNote: 'Il modulo di questo punto ora non è collegato: il codice non si può emettere da qui, usa la console del modulo.',
    cc_offline: 'Modulo non raggiungibile: usa la console del modulo per emettere il codice.',
    cc_refused: 'Il modulo ha rifiutato il codice', cc_throttled: 'Troppe richieste: riprova tra poco.',
    cc_unknownDoor: 'Il modulo non ha più questa porta: aggiorna la pagina.', cc_bad: 'Il modulo non ha capito la richiesta'
  });
  I.add('en', {
    cc_title: "Couriers' codes",
    cc_intro: 'An 8-digit code for a door of your building: it works once, in the window you choose. The module issues it; send it to the courier, who types it on the keypad or in "I am at the door".',
    cc_kind: "Kind: courier. Interventions for people's safety (with their reason) are issued on the module's console: the reason never leaves the building.",
    cc_point: 'Point', cc_door: 'Door', cc_hidden: d => `${d} (not on the public page: keypad only)`,
    cc_starts: 'Starts in (minutes)', cc_startsHint: 'From 0 (now) to 1440 (24 hours).',
    cc_minutes: 'Lasts (minutes)', cc_minutesHint: 'From 5 to 720 (12 hours), never more than the module allows.',
    cc_send: 'Issue the code', cc_sending: 'Asking the module…',
    cc_issued: (d, a, b) => `Code for «${d}», valid from ${a} to ${b}:`,
    cc_once: 'Shown only now: neither the city nor this page keeps it. Copy it and send it to the courier.',
    cc_offlineNote: "This point's module is not connected now: no code can be issued from here, use the module's console.",
    cc_offline: "Module not reachable: use the module's console to issue the code.",
    cc_refused: 'The module refused the code', cc_throttled: 'Too many requests: try again shortly.',
    cc_unknownDoor: 'The module no longer has this door: reload the page.', cc_bad: 'The module did not understand the request'
  });

  A.section(12, () => K.has('PROVIDER') || K.has('BUSINESS') ? section() : null);

  /* The last code issued, kept only while the same account's panel is redrawn (a change of language), never stored. */
  let last = null;

  function section() {
    const body = el('div');
    const root = el('section', { id: 'courier-codes', 'aria-labelledby': 'cc-h', hidden: true },
      el('h3', { id: 'cc-h', text: t('cc_title') }), el('p', { class: 'hint', id: 'cc-intro', text: t('cc_intro') }), body);
    load(root, body);
    return root;
  }

  /* The claimed points whose module has doors; nothing shown when there is none. */
  async function load(root, body) {
    let points;
    try {
      const claims = (await K.call('GET', '/claims')).items;
      points = (await Promise.all(claims.map(async c => {
        let d;
        try { d = await K.call('GET', `/claims/${enc(c.location_id)}/doors`); }
        catch (e) { return null; } // a point without a module (404): no doors to offer, the others still are
        return { id: c.location_id, online: d.module_online, doors: d.doors, name: await P.pointName(c.location_id) };
      }))).filter(p => p && p.doors.length);
    } catch (e) { return; } // offline: no form
    if (!points.length) return;
    body.replaceChildren(el('p', { class: 'hint', id: 'cc-kind', text: t('cc_kind') }), form(points));
    root.hidden = false;
  }

  function form(points) {
    const result = el('div', { class: 'issued', id: 'cc-result', role: 'status', tabindex: '-1' });
    const note = el('p', { class: 'err', id: 'cc-offline' });
    const f = F.form({ id: 'courier-code', label: 'cc_title', submit: 'cc_send', fields: [
      { name: 'point', label: 'cc_point', type: 'select', required: true, options: [] },
      { name: 'door', label: 'cc_door', type: 'select', required: true, options: [] },
      { name: 'starts_in_minutes', label: 'cc_starts', type: 'number', required: true, min: 0, max: 1440, step: 1,
        value: '0', inputmode: 'numeric', hint: 'cc_startsHint' },
      { name: 'minutes', label: 'cc_minutes', type: 'number', required: true, min: 5, max: 720, step: 1,
        value: '120', inputmode: 'numeric', hint: 'cc_minutesHint' }],
    onSubmit: async v => {
      const p = points.find(x => x.id === v.point), door = p.doors.find(d => d.id === v.door);
      result.replaceChildren(el('p', { class: 'hint', text: t('cc_sending') }));
      let r;
      try {
        r = await K.call('POST', `/claims/${enc(p.id)}/doors/${enc(door.id)}/codes`,
          { starts_in_minutes: Number(v.starts_in_minutes), minutes: Number(v.minutes) });
      } catch (e) { result.replaceChildren(); throw inWords(e); }
      last = { who: st.me && st.me.id, label: door.label, code: r.code, from: r.from, until: r.until };
      show(result);
      result.focus();
      return null;
    } });
    // names and labels people wrote: set as text, not looked up as texts of the page
    const pick = f.querySelector('[name=point]'), which = f.querySelector('[name=door]');
    pick.replaceChildren(...points.map(p => el('option', { value: p.id, text: p.name })));
    const doors = () => {
      const p = points.find(x => x.id === pick.value);
      which.replaceChildren(...p.doors.map(d => el('option', { value: d.id, text: d.public_page ? d.label : t('cc_hidden', d.label) })));
      note.textContent = p.online ? '' : '✕ ' + t('cc_offlineNote');
    };
    pick.addEventListener('change', doors);
    doors();
    f.fields.find(x => x.spec.name === 'point').root.hidden = points.length < 2; // one point: nothing to choose
    f.querySelector('.actions').before(note);
    if (last && st.me && last.who === st.me.id) show(result);
    return el('div', {}, f, result);
  }

  /* The code, big and on its own, its window in the page's language, and the note that it is shown only now. */
  function show(result) {
    const fmt = iso => new Date(iso).toLocaleString(I.lang === 'it' ? 'it-IT' : 'en-GB',
      { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });
    result.replaceChildren(el('p', { text: '✓ ' + t('cc_issued', last.label, fmt(last.from), fmt(last.until)) }),
      el('p', { class: 'the-code', id: 'cc-code', text: last.code }), el('p', { class: 'hint', text: t('cc_once') }));
  }

  /* The API's refusals in words (docs/city-api.md): the module's own reason where it gave one. */
  function inWords(e) {
    const p = e.problem || {}, title = key => ({ title: t(key), detail: p.detail || '' });
    if (e.status === 504) return Object.assign(e, { problem: { title: t('cc_offline') } });
    if (e.status === 409) { // "… refuses the code: <the module's reason, italiano / English>"
      const d = p.detail || '', i = d.indexOf('code: ');
      return Object.assign(e, { problem: { title: t('cc_refused'), detail: i >= 0 ? d.slice(i + 6) : '' } });
    }
    if (e.status === 429) return Object.assign(e, { problem: { title: t('cc_throttled') } });
    if (e.status === 400 && p.detail) return Object.assign(e, { problem: title('cc_bad') });
    if (e.status === 404) return Object.assign(e, { problem: { title: t('cc_unknownDoor') } });
    return e;
  }
})();
