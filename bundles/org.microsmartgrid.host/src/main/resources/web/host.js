// The building's page: live flow by server-sent events, energy figures and sessions from the module's JSON.
// Italian first; English when the browser prefers it or the person chooses it (kept in this browser).
'use strict';
(function () {
  const T = {
    it: {
      skip: 'Vai al contenuto', title: 'Il mio edificio', flowTitle: 'Energia adesso', grid: 'Rete', pv: 'Fotovoltaico',
      battery: 'Batteria', soc: 'Carica', building: 'Edificio', limit: 'Limite del contratto', sockets: 'Prese',
      importing: 'prelievo dalla rete', exporting: 'immissione in rete', capTitle: 'Limite temporaneo della potenza dalla rete',
      capW: 'Limite (W)', capMin: 'Durata (minuti)', capSet: 'Imposta il limite', capClear: 'Togli il limite',
      capNow: (w, t, by) => `Limite temporaneo ${w} fino alle ${t} (${by})`,
      claimTitle: 'Codice di rivendicazione',
      claimHint: 'Chi offre la presa lo inserisce sulla mappa della città, in "Rivendica un modulo": il punto del modulo diventa suo. Vale una volta.',
      claimRenew: 'Genera un nuovo codice', claimRenewed: 'Nuovo codice generato: il precedente non vale più.',
      claimRenewHint: 'Il codice attuale smette di funzionare; il punto resta a chi lo ha finché qualcuno non usa il nuovo codice.',
      energyTitle: 'Energia e soldi', today: 'Oggi', month: 'Questo mese', year: "Quest'anno",
      sessionsTitle: 'Ricariche', csv: 'Scarica le ricariche (CSV)', colSocket: 'Presa', colStart: 'Inizio',
      colDuration: 'Durata', colEnergy: 'Energia', colSolar: 'Dal sole', colCost: 'Costo', colState: 'Stato',
      footer: "Dati dai contatori dell'edificio. Nessun dato personale dei conducenti.",
      lang: 'English', socket: n => `Presa ${n}`, on: 'Accesa', off: 'Spenta', disabledBy: 'Disattivata',
      disable: n => `Disattiva la presa ${n}`, enable: n => `Riattiva la presa ${n}`, modeLabel: n => `Modo della ricarica sulla presa ${n}`,
      modeApply: 'Cambia modo', session: 'Ricarica', noSession: 'Nessuna ricarica', solar: 'dal sole',
      produced: 'Prodotta dal fotovoltaico', selfConsumed: 'Usata nell\'edificio (autoconsumo)', exported: 'Immessa in rete',
      imported: b => `Prelevata dalla rete, fascia ${b}`, importedTotal: 'Prelevata dalla rete, totale',
      vehicles: 'Data ai veicoli', vehiclesSolar: 'Quota solare dei veicoli', sessions: 'Ricariche',
      eurCharging: 'Incassato dalle ricariche', eurSun: 'Risparmiato grazie al sole', eurExport: "Guadagnato dall'immissione",
      eurGrid: 'Pagato alla rete', chartOf: p => `Grafico: energia ${p} in kWh (fotovoltaico, prelievo, immissione, veicoli)`,
      sPv: 'Fotovoltaico', sImport: 'Prelievo', sExport: 'Immissione', sVehicles: 'Veicoli',
      open: 'in corso', ended: 'finita', member: 'membro (solo lettura)', host: 'gestore', safe: w => `Sicurezza: ${w}`,
      lost: t => `Collegamento con il modulo interrotto: valori delle ${t}, potrebbero essere vecchi. Riprovo da solo.`,
      noLoop: 'La regolazione non è attiva.', done: 'Fatto.', band: b => `Fascia attuale ${b}`,
      classes: { MOBILITY_AID: 'ausilio per la mobilità', SHARED_FLEET: 'flotta condivisa', PUBLIC: 'pubblica', PRIVATE: 'privata' },
      modes: { NOW: 'subito', SOLAR_ONLY: 'solo sole', SOLAR_AND_CHEAP: 'sole e ore economiche', NONE: 'nessuno' },
      reasons: {
        CHARGING_NOW: 'In carica (subito)', CHARGING_SURPLUS: "In carica con l'energia del sole",
        CHARGING_BATTERY: 'In carica con la batteria', CHARGING_CHEAP: 'In carica nella fascia economica',
        CHARGING_DEADLINE: "In carica per finire entro l'ora chiesta", HELD_MIN_ON: 'Accesa per il tempo minimo',
        SAFE_STATE_IDLE: 'Sicurezza: resta accesa senza consumo', PAUSED_ON: "Regolazione in pausa (installatore)",
        NO_SESSION: 'Nessun veicolo in carica', WAITING_SURPLUS: 'In attesa del sole',
        WAITING_CHEAP: 'In attesa del sole o della fascia economica', WAITING_HEADROOM: 'In attesa: la rete è al limite',
        WAITING_ROTATION: 'In attesa del suo turno', WAITING_PRIORITY: 'In attesa: precedenza a una presa prioritaria',
        WAITING_AFTER_SHED: 'In attesa: limite della rete appena superato', HELD_MIN_OFF: 'In attesa del tempo minimo da spenta',
        PAUSED_OFF: 'Regolazione in pausa (installatore)', SHED_GRID_LIMIT: 'Spenta: limite del contratto',
        SAFE_STATE_GRID: 'Spenta per sicurezza: contatore della rete non affidabile', SOCKET_METER_LOST: 'Spenta: contatore della presa guasto',
        NO_SOCKET_METER: 'Spenta: presa senza contatore', RELAY_FAULT: 'Spenta: guasto del relè', DISABLED: 'Disattivata',
        MANUAL_HOLD_ON: "Accesa a mano dall'installatore", MANUAL_HOLD_OFF: "Spenta a mano dall'installatore"
      }
    },
    en: {
      skip: 'Skip to content', title: 'My building', flowTitle: 'Energy now', grid: 'Grid', pv: 'Solar (PV)',
      battery: 'Battery', soc: 'Charge', building: 'Building', limit: 'Contract limit', sockets: 'Sockets',
      importing: 'importing from the grid', exporting: 'exporting to the grid', capTitle: 'Temporary cap on grid power',
      capW: 'Cap (W)', capMin: 'Duration (minutes)', capSet: 'Set the cap', capClear: 'Remove the cap',
      capNow: (w, t, by) => `Temporary cap ${w} until ${t} (${by})`,
      claimTitle: 'Claim code',
      claimHint: 'Whoever offers the socket enters it on the city\'s map, under "Claim a module": the module\'s point becomes theirs. It works once.',
      claimRenew: 'Make a new code', claimRenewed: 'New code made: the previous one no longer works.',
      claimRenewHint: 'The current code stops working; the point stays with its owner until someone uses the new code.',
      energyTitle: 'Energy and money', today: 'Today', month: 'This month', year: 'This year',
      sessionsTitle: 'Charging sessions', csv: 'Download the sessions (CSV)', colSocket: 'Socket', colStart: 'Start',
      colDuration: 'Duration', colEnergy: 'Energy', colSolar: 'From the sun', colCost: 'Cost', colState: 'State',
      footer: "Figures from the building's meters. No driver's personal data.",
      lang: 'Italiano', socket: n => `Socket ${n}`, on: 'On', off: 'Off', disabledBy: 'Disabled',
      disable: n => `Disable socket ${n}`, enable: n => `Enable socket ${n}`, modeLabel: n => `Charging mode on socket ${n}`,
      modeApply: 'Change mode', session: 'Session', noSession: 'No session', solar: 'from the sun',
      produced: 'Produced by PV', selfConsumed: 'Used in the building (self-consumed)', exported: 'Exported to the grid',
      imported: b => `Imported from the grid, band ${b}`, importedTotal: 'Imported from the grid, total',
      vehicles: 'Delivered to vehicles', vehiclesSolar: "Vehicles' solar share", sessions: 'Sessions',
      eurCharging: 'Earned from charging', eurSun: 'Saved by the sun', eurExport: 'Earned from export',
      eurGrid: 'Paid to the grid', chartOf: p => `Chart: energy ${p} in kWh (PV, import, export, vehicles)`,
      sPv: 'PV', sImport: 'Import', sExport: 'Export', sVehicles: 'Vehicles',
      open: 'running', ended: 'ended', member: 'member (read only)', host: 'host', safe: w => `Safety: ${w}`,
      lost: t => `Connection to the module lost: values from ${t}, they may be out of date. Retrying by itself.`,
      noLoop: 'The control loop is not running.', done: 'Done.', band: b => `Current band ${b}`,
      classes: { MOBILITY_AID: 'mobility aid', SHARED_FLEET: 'shared fleet', PUBLIC: 'public', PRIVATE: 'private' },
      modes: { NOW: 'now', SOLAR_ONLY: 'solar only', SOLAR_AND_CHEAP: 'solar and cheap hours', NONE: 'none' },
      reasons: {
        CHARGING_NOW: 'Charging (now)', CHARGING_SURPLUS: 'Charging from the sun', CHARGING_BATTERY: 'Charging from the battery',
        CHARGING_CHEAP: 'Charging in the cheap band', CHARGING_DEADLINE: 'Charging to finish by the time asked',
        HELD_MIN_ON: 'On for its minimum time', SAFE_STATE_IDLE: 'Safety: stays on, idle', PAUSED_ON: 'Control paused (installer)',
        NO_SESSION: 'No vehicle charging', WAITING_SURPLUS: 'Waiting for the sun', WAITING_CHEAP: 'Waiting for the sun or the cheap band',
        WAITING_HEADROOM: 'Waiting: the grid is at its limit', WAITING_ROTATION: 'Waiting for its turn',
        WAITING_PRIORITY: 'Waiting: a priority socket goes first', WAITING_AFTER_SHED: 'Waiting: the grid limit was just exceeded',
        HELD_MIN_OFF: 'Waiting for its minimum off time', PAUSED_OFF: 'Control paused (installer)',
        SHED_GRID_LIMIT: 'Off: contract limit', SAFE_STATE_GRID: 'Off for safety: grid meter not trusted',
        SOCKET_METER_LOST: "Off: the socket's meter failed", NO_SOCKET_METER: 'Off: socket without a meter',
        RELAY_FAULT: 'Off: relay fault', DISABLED: 'Disabled',
        MANUAL_HOLD_ON: 'Switched on by the installer', MANUAL_HOLD_OFF: 'Switched off by the installer'
      }
    }
  };
  const $ = id => document.getElementById(id);
  // absolute, without the user:password@ a bookmark may carry (fetch refuses URLs with credentials)
  const base = location.origin + location.pathname.replace(/[^/]*$/, '');
  let lang = localStorage.getItem('msg-lang') || ((navigator.language || 'it').toLowerCase().startsWith('en') ? 'en' : 'it');
  let me = null, lastFlow = null, period = 'today', chart = null, lastEnergy = null;
  const t = () => T[lang];
  const nf = (d) => new Intl.NumberFormat(lang === 'it' ? 'it-IT' : 'en-GB', { maximumFractionDigits: d, minimumFractionDigits: d });
  const watts = w => w == null ? '–' : (Math.abs(w) >= 1000 ? nf(2).format(w / 1000) + ' kW' : nf(0).format(w) + ' W');
  const kwh = v => v == null ? '–' : nf(2).format(v) + ' kWh';
  const eur = v => new Intl.NumberFormat(lang === 'it' ? 'it-IT' : 'en-GB', { style: 'currency', currency: 'EUR' }).format(v);
  const pct = v => v == null ? '–' : nf(0).format(v * 100) + ' %';
  const time = iso => new Date(iso).toLocaleTimeString(lang === 'it' ? 'it-IT' : 'en-GB', { timeZone: 'Europe/Rome', hour: '2-digit', minute: '2-digit' });
  const dateTime = iso => new Date(iso).toLocaleString(lang === 'it' ? 'it-IT' : 'en-GB', { timeZone: 'Europe/Rome', day: '2-digit', month: '2-digit', hour: '2-digit', minute: '2-digit' });
  const el = (tag, props, ...kids) => { const e = document.createElement(tag); Object.assign(e, props || {}); kids.forEach(k => e.append(k)); return e; };

  function applyLang() {
    document.documentElement.lang = lang;
    document.title = t().title + ' – Micro Smart Grid';
    document.querySelectorAll('[data-t]').forEach(e => { const v = t()[e.dataset.t]; if (typeof v === 'string') e.textContent = v; });
    const b = $('lang');
    b.textContent = t().lang;
    b.lang = lang === 'it' ? 'en' : 'it';
    if (me) $('who').textContent = me.user + ' – ' + (me.role === 'host' ? t().host : t().member);
    if (lastFlow) renderFlow(lastFlow);
    if (lastEnergy) renderEnergy(lastEnergy);
    loadSessions();
  }

  async function api(path, options) {
    const r = await fetch(base + path, Object.assign({ credentials: 'same-origin' }, options || {}));
    const type = r.headers.get('content-type') || '';
    const body = type.includes('json') ? await r.json() : await r.text();
    if (!r.ok) throw new Error(body && body.detail ? body.title + ': ' + body.detail : 'HTTP ' + r.status);
    return body;
  }

  async function post(path, body) {
    $('problem').textContent = '';
    try {
      await api(path, { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': me.csrf }, body: JSON.stringify(body) });
      $('announce').textContent = t().done;
      lastFlow = await api('api/flow');
      renderFlow(lastFlow);
    } catch (e) {
      $('problem').textContent = e.message;
    }
  }

  function renderFlow(f) {
    lastFlow = f;
    const g = $('grid-w');
    g.textContent = watts(f.gridW == null ? null : Math.abs(f.gridW));
    g.dataset.w = f.gridW == null ? '' : String(f.gridW);
    g.dataset.at = f.gridAt || '';
    $('grid-dir').textContent = f.gridW == null ? '' : (f.gridW >= 0 ? t().importing : t().exporting);
    $('limit-w').textContent = watts(f.limitW);
    const m = $('grid-meter');
    m.max = f.limitW || 1;
    m.value = Math.max(0, f.gridW || 0);
    m.setAttribute('aria-valuetext', watts(Math.max(0, f.gridW || 0)) + ' / ' + watts(f.limitW));
    $('pv-w').textContent = watts(f.pvW);
    $('pv-w').dataset.w = f.pvW == null ? '' : String(f.pvW);
    $('pv-w').dataset.at = f.pvAt || '';
    $('card-pv').hidden = !f.hasPv;
    $('card-battery').hidden = !f.hasBattery;
    $('battery-w').textContent = watts(f.batteryW);
    $('battery-w').dataset.w = f.batteryW == null ? '' : String(f.batteryW);
    $('battery-soc').textContent = f.batterySoc == null ? '–' : nf(0).format(f.batterySoc) + ' %';
    $('building-w').textContent = watts(f.buildingW);
    $('cap').textContent = f.cap ? t().capNow(watts(f.cap.limitW), time(f.cap.until), f.cap.by) : '';
    $('loop-state').textContent = f.loop === 'absent' ? t().noLoop
      : (f.safeState ? t().safe(f.safeStateWhy || '') : t().band(f.band || ''));
    renderSockets(f.sockets || []);
    const canCap = me && me.role === 'host' && me.allowed && me.allowed.cap;
    $('cap-form').hidden = !canCap;
  }

  // Each socket's card is made once and then updated in place: a button that is replaced every 2 s would lose a
  // click that lands between its press and release, and a screen reader's position.
  const socketState = {};

  function renderSockets(sockets) {
    const ul = $('sockets');
    const seen = new Set();
    sockets.forEach(s => {
      seen.add('socket-' + s.socket);
      socketState[s.socket] = s;
      let li = $('socket-' + s.socket);
      if (!li) { li = socketCard(s.socket); ul.append(li); }
      updateSocket(li, s);
    });
    [...ul.children].forEach(li => { if (!seen.has(li.id)) li.remove(); });
  }

  function socketCard(n) {
    const li = el('li', { id: 'socket-' + n });
    const w = el('span', { id: 'socket-' + n + '-w' });
    li.append(el('h4', { id: 'socket-' + n + '-title' }), el('p', { className: 'big' }, w),
      el('p', { className: 'reason', id: 'socket-' + n + '-reason' }),
      el('p', { className: 'note', id: 'socket-' + n + '-text', lang: 'en' }),
      el('p', { className: 'note', id: 'socket-' + n + '-class' }),
      el('p', { className: 'note', id: 'socket-' + n + '-session' }));
    if (me && me.role === 'host') {
      const actions = el('div', { className: 'actions' });
      if (me.allowed.disable) {
        const b = el('button', { type: 'button', id: 'socket-' + n + '-toggle' });
        b.addEventListener('click', () => post('api/sockets/' + n, { enabled: !!socketState[n].disabled }));
        actions.append(b);
      }
      if (me.allowed.mode) {
        const id = 'socket-' + n + '-mode';
        const box = el('div', { id: id + '-box', className: 'actions' });
        const sel = el('select', { id: id });
        ['NOW', 'SOLAR_ONLY'].forEach(m => sel.append(el('option', { value: m })));
        const lab = el('label', { htmlFor: id, className: 'note', id: id + '-label' });
        const go = el('button', { type: 'button', id: id + '-apply' });
        go.addEventListener('click', () => post('api/sockets/' + n, { mode: sel.value }));
        box.append(lab, sel, go);
        actions.append(box);
      }
      li.append(actions);
    }
    return li;
  }

  function updateSocket(li, s) {
    const n = s.socket;
    li.className = 'card socket ' + (s.on ? 'on' : 'off') + (s.disabled ? ' disabled' : '');
    li.dataset.on = String(!!s.on);
    li.dataset.reason = s.reason || '';
    $('socket-' + n + '-title').textContent = t().socket(n) + ' – ' + (s.disabled ? t().disabledBy : s.on ? t().on : t().off);
    const w = $('socket-' + n + '-w');
    w.textContent = watts(s.powerW);
    w.dataset.w = s.powerW == null ? '' : String(s.powerW);
    $('socket-' + n + '-reason').textContent = t().reasons[s.reason] || s.reason || '';
    $('socket-' + n + '-text').textContent = s.text || '';
    $('socket-' + n + '-class').textContent = s.class ? (t().classes[s.class] || s.class) + ' · ' + (t().modes[s.mode] || s.mode || '') : '';
    const sess = s.session;
    $('socket-' + n + '-session').textContent = sess
      ? `${t().session} ${sess.id} · ${kwh(sess.energyWh / 1000)} · ${pct(sess.solarShare)} ${t().solar} · ${eur(sess.costEur)}`
      : t().noSession;
    const toggle = $('socket-' + n + '-toggle');
    if (toggle) toggle.textContent = s.disabled ? t().enable(n) : t().disable(n);
    const box = $('socket-' + n + '-mode-box');
    if (box) {
      box.hidden = !(sess && sess.open && sess.mode !== 'SOLAR_AND_CHEAP');
      $('socket-' + n + '-mode-label').textContent = t().modeLabel(n);
      $('socket-' + n + '-mode-apply').textContent = t().modeApply;
      const sel = $('socket-' + n + '-mode');
      [...sel.options].forEach(o => { o.textContent = t().modes[o.value]; });
      if (sess && document.activeElement !== sel && sel.dataset.session !== sess.id) {
        sel.value = sess.mode === 'SOLAR_ONLY' ? 'SOLAR_ONLY' : 'NOW';
        sel.dataset.session = sess.id;
      }
    }
  }

  async function loadEnergy() {
    try {
      renderEnergy(await api('api/energy?period=' + period));
    } catch (e) {
      $('problem').textContent = e.message;
    }
  }

  function renderEnergy(e) {
    lastEnergy = e;
    const x = t();
    const rows = [
      ['fig-produced', x.produced, kwh(e.producedKwh)], ['fig-self', x.selfConsumed, kwh(e.selfConsumedKwh)],
      ['fig-exported', x.exported, kwh(e.exportedKwh)],
      ['fig-import-f1', x.imported('F1'), kwh(e.importedKwh.F1)], ['fig-import-f2', x.imported('F2'), kwh(e.importedKwh.F2)],
      ['fig-import-f3', x.imported('F3'), kwh(e.importedKwh.F3)], ['fig-import', x.importedTotal, kwh(e.importedKwh.total)],
      ['fig-vehicles', x.vehicles, kwh(e.vehiclesKwh)], ['fig-solar-share', x.vehiclesSolar, pct(e.vehiclesSolarShare)],
      ['fig-sessions', x.sessions, String(e.sessions)], null,
      ['eur-charging', x.eurCharging, eur(e.eur.earnedFromCharging)], ['eur-sun', x.eurSun, eur(e.eur.savedBySun)],
      ['eur-export', x.eurExport, eur(e.eur.earnedFromExport)], ['eur-grid', x.eurGrid, eur(e.eur.paidToGrid)]
    ];
    $('figures').replaceChildren(...rows.flatMap(r => r == null ? [el('div', { className: 'sep' })]
      : [el('dt', { textContent: r[1] }), el('dd', { id: r[0], textContent: r[2] })]));
    drawChart(e.chart);
  }

  function drawChart(c) {
    const box = $('chart');
    const label = t().chartOf(t()[period].toLowerCase());
    box.setAttribute('aria-label', label);
    $('chart-caption').textContent = label;
    if (chart) { chart.destroy(); chart = null; }
    if (typeof uPlot === 'undefined' || !c.labels.length) return;
    const xs = c.labels.map((_, i) => i);
    const bars = uPlot.paths.bars({ size: [0.2, 40], gap: 1 });
    const series = (lab, color, i) => ({ label: lab, stroke: color, fill: color, paths: bars, points: { show: false },
      value: (u, v) => v == null ? '–' : nf(2).format(v) });
    const width = Math.min(box.clientWidth || 360, 900);
    chart = new uPlot({
      width: width, height: 240,
      scales: { x: { time: false, range: [-0.5, xs.length - 0.5] } },
      axes: [{ values: (u, ticks) => ticks.map(i => Number.isInteger(i) && c.labels[i] ? c.labels[i].slice(-2) : '') }, { size: 50 }],
      series: [{ label: '', value: (u, i) => i == null ? '' : c.labels[i] || '' },
        series(t().sPv, '#c98a00'), series(t().sImport, '#8a2a00'), series(t().sExport, '#14632b'), series(t().sVehicles, '#0b5cad')]
    }, [xs, c.pv, c.import, c.export, c.vehicles], box);
  }

  async function loadSessions() {
    let data;
    try { data = await api('api/sessions'); } catch (e) { $('problem').textContent = e.message; return; }
    const tbody = $('sessions').tBodies[0];
    tbody.replaceChildren(...data.sessions.slice(0, 50).map(s => {
      const end = s.ended ? new Date(s.ended) : new Date();
      const minutes = Math.round((end - new Date(s.started)) / 60000);
      const tr = el('tr', { id: 'session-' + s.id });
      tr.append(el('td', { textContent: String(s.socket) }), el('td', { textContent: dateTime(s.started) }),
        el('td', { className: 'n', textContent: minutes + ' min' }), el('td', { className: 'n', textContent: kwh(s.energyWh / 1000) }),
        el('td', { className: 'n', textContent: pct(s.solarShare) }), el('td', { className: 'n', textContent: eur(s.costEur) }),
        el('td', { textContent: s.open ? t().open : t().ended }));
      return tr;
    }));
  }

  // the module's claim code, for hosts only (the server refuses members)
  async function showClaim() {
    $('claim').hidden = false;
    $('claim-code').textContent = (await api('api/claim-code')).code;
  }

  async function renewClaim() {
    $('problem').textContent = '';
    try {
      const r = await api('api/claim-code', { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': me.csrf }, body: '{}' });
      $('claim-code').textContent = r.code;
      $('announce').textContent = t().claimRenewed;
    } catch (e) {
      $('problem').textContent = e.message;
    }
  }

  function listen() {
    const es = new EventSource(base + 'api/events');
    // the browser reconnects by itself; meanwhile the page says its values are old rather than look live
    es.addEventListener('error', () => {
      if (lastFlow) $('stale').textContent = t().lost(time(lastFlow.at));
    });
    es.addEventListener('flow', ev => {
      $('stale').textContent = '';
      const f = JSON.parse(ev.data);
      const before = lastFlow ? (lastFlow.sockets || []).map(s => s.session ? s.session.id : '').join() : null;
      renderFlow(f);
      const after = (f.sockets || []).map(s => s.session ? s.session.id : '').join();
      if (before !== null && before !== after) loadSessions(); // a session began or ended
    });
  }

  async function start() {
    $('lang').addEventListener('click', () => { lang = lang === 'it' ? 'en' : 'it'; localStorage.setItem('msg-lang', lang); applyLang(); });
    document.querySelectorAll('.period').forEach(b => b.addEventListener('click', () => {
      period = b.dataset.period;
      document.querySelectorAll('.period').forEach(o => o.setAttribute('aria-pressed', String(o === b)));
      loadEnergy();
    }));
    $('cap-form').addEventListener('submit', ev => {
      ev.preventDefault();
      post('api/cap', { limitW: Number($('cap-w').value), minutes: Number($('cap-min').value) });
    });
    $('cap-clear').addEventListener('click', () => post('api/cap', { clear: true }));
    $('claim-renew').addEventListener('click', renewClaim);
    me = await api('api/me');
    document.body.dataset.role = me.role;
    if (me.allowed) $('cap-w').min = String(me.allowed.capMinW);
    applyLang();
    renderFlow(await api('api/flow'));
    if (me.claim) await showClaim();
    await loadEnergy();
    listen();
    setInterval(loadEnergy, 60000);
    document.body.dataset.ready = 'true';
  }
  start().catch(e => { $('problem').textContent = e.message; });
})();
