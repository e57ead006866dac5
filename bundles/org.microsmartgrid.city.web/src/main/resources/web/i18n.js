/* Texts of the map page: Italian first, English too. The language is the browser's (it or en, else it) until the
   citizen switches; the choice is kept on the device. */
'use strict';
window.MSG_I18N = (function () {
  const T = {
    it: {
      skip: "Vai all'elenco", title: 'Ricariche vicine', locate: 'Usa la mia posizione', filters: 'Filtri',
      freeNow: 'Solo liberi ora', gratis: 'Solo gratuiti', vehicle: 'Veicolo', anyVehicle: 'Qualsiasi',
      v_EBIKE: 'Bici elettrica', v_SCOOTER: 'Monopattino', v_MOPED: 'Ciclomotore',
      v_MOBILITY_AID: 'Ausilio per la mobilità', v_CAR: 'Auto',
      mapHeading: 'Mappa', mapHint: "La mappa mostra gli stessi punti dell'elenco; usa l'elenco per la tastiera o il lettore di schermo.",
      results: 'Punti più vicini', close: 'Chiudi', switchTo: 'Italiano',
      // a private individual's point has no public name (docs/city-api.md): the list calls it this
      privatePoint: 'Presa di un privato',
      s_AVAILABLE: 'Libera', s_CHARGING: 'In carica', s_BLOCKED: 'Bloccata', s_RESERVED: 'Prenotata',
      s_INOPERATIVE: 'Non disponibile', s_OUTOFORDER: 'Guasta', s_PLANNED: 'In arrivo', s_REMOVED: 'Rimossa',
      s_UNKNOWN: 'Stato sconosciuto',
      offlineModule: 'Modulo non in linea: stato sconosciuto', notMonitored: 'Stato non rilevato',
      freeOf: (f, n) => `${f} di ${n} ${n === 1 ? 'presa libera' : 'prese libere'}`,
      socket: n => `Presa ${n}`,
      count: (n, where) => n === 0 ? 'Nessun punto trovato con questi filtri.' : `${n} ${n === 1 ? 'punto' : 'punti'}, dal più vicino ${where}.`,
      yourPosition: 'alla tua posizione', mapCentre: 'al centro della mappa',
      distance: m => m < 1000 ? `${Math.round(m)} m` : `${(m / 1000).toFixed(1).replace('.', ',')} km`,
      ago: s => s < 60 ? 'adesso' : s < 3600 ? `${Math.round(s / 60)} min fa` : s < 86400 ? `${Math.round(s / 3600)} h fa` : `${Math.round(s / 86400)} giorni fa`,
      updated: a => `aggiornato ${a}`,
      free: 'Gratuito', price: 'Prezzo', hours: 'Orari', facilities: 'Nelle vicinanze', vehicles: 'Veicoli',
      sockets: 'Prese', directions: 'Indicazioni (app delle mappe)', details: 'Dettagli di',
      offline: t => `Sei offline: dati delle ${t}, potrebbero essere vecchi.`,
      stale: t => `Non riesco ad aggiornare: dati delle ${t}, potrebbero essere vecchi.`,
      noData: 'Nessun dato disponibile: sei offline e non ci sono dati salvati.',
      geoDenied: 'Posizione non disponibile: mostro i punti vicini al centro della mappa.',
      placeLabel: 'Cerca un luogo', placeWhere: p => `a ${p}`,
      placeNotFound: q => `Luogo non trovato: «${q}». Prova con una piazza, una stazione o un monumento.`,
      liveChange: (name, sock, st) => `${name}, ${sock}: ${st}.`,
      live: 'Aggiornamento in tempo reale', api: 'Dati aperti', mapLabel: 'Mappa dei punti di ricarica',
      markerTitle: (name, s) => `${name}: ${s}`, cluster: n => `${n} punti: ingrandisci`,
      vehiclesAll: 'tutti', zoomIn: 'Ingrandisci', zoomOut: 'Riduci',
      c_DOMESTIC_F: 'Schuko', c_DOMESTIC_L: 'presa italiana (L)', c_IEC_62196_T2: 'Tipo 2', c_IEC_62196_T1: 'Tipo 1',
      c_IEC_62196_T2_COMBO: 'CCS Combo 2', c_CHADEMO: 'CHAdeMO'
    },
    en: {
      skip: 'Skip to the list', title: 'Charging near you', locate: 'Use my location', filters: 'Filters',
      freeNow: 'Free now only', gratis: 'Free of charge only', vehicle: 'Vehicle', anyVehicle: 'Any',
      v_EBIKE: 'E-bike', v_SCOOTER: 'E-scooter', v_MOPED: 'Moped', v_MOBILITY_AID: 'Mobility aid', v_CAR: 'Car',
      mapHeading: 'Map', mapHint: 'The map shows the same points as the list; use the list with a keyboard or a screen reader.',
      results: 'Nearest points', close: 'Close', switchTo: 'English',
      privatePoint: "A private individual's socket",
      s_AVAILABLE: 'Free', s_CHARGING: 'Charging', s_BLOCKED: 'Blocked', s_RESERVED: 'Reserved',
      s_INOPERATIVE: 'Inoperative', s_OUTOFORDER: 'Out of order', s_PLANNED: 'Planned', s_REMOVED: 'Removed',
      s_UNKNOWN: 'Status unknown',
      offlineModule: 'Module offline: status unknown', notMonitored: 'Status not monitored',
      freeOf: (f, n) => `${f} of ${n} ${n === 1 ? 'socket' : 'sockets'} free`,
      socket: n => `Socket ${n}`,
      count: (n, where) => n === 0 ? 'No points match these filters.' : `${n} ${n === 1 ? 'point' : 'points'}, nearest to ${where} first.`,
      yourPosition: 'your location', mapCentre: 'the map centre',
      distance: m => m < 1000 ? `${Math.round(m)} m` : `${(m / 1000).toFixed(1)} km`,
      ago: s => s < 60 ? 'just now' : s < 3600 ? `${Math.round(s / 60)} min ago` : s < 86400 ? `${Math.round(s / 3600)} h ago` : `${Math.round(s / 86400)} days ago`,
      updated: a => `updated ${a}`,
      free: 'Free of charge', price: 'Price', hours: 'Opening hours', facilities: 'Nearby', vehicles: 'Vehicles',
      sockets: 'Sockets', directions: 'Directions (maps app)', details: 'Details of',
      offline: t => `You are offline: data from ${t}, it may be out of date.`,
      stale: t => `Cannot update: data from ${t}, it may be out of date.`,
      noData: 'No data: you are offline and nothing was saved.',
      geoDenied: 'Location unavailable: showing points near the map centre.',
      placeLabel: 'Search a place', placeWhere: p => p,
      placeNotFound: q => `Place not found: “${q}”. Try a square, a station or a landmark.`,
      liveChange: (name, sock, st) => `${name}, ${sock}: ${st}.`,
      live: 'Live updates', api: 'Open data', mapLabel: 'Map of charging points',
      markerTitle: (name, s) => `${name}: ${s}`, cluster: n => `${n} points: zoom in`,
      vehiclesAll: 'all', zoomIn: 'Zoom in', zoomOut: 'Zoom out',
      c_DOMESTIC_F: 'Schuko', c_DOMESTIC_L: 'Italian socket (L)', c_IEC_62196_T2: 'Type 2', c_IEC_62196_T1: 'Type 1',
      c_IEC_62196_T2_COMBO: 'CCS Combo 2', c_CHADEMO: 'CHAdeMO'
    }
  };
  const KEY = 'msg-lang';
  function initial() {
    try { const saved = localStorage.getItem(KEY); if (T[saved]) return saved; } catch (e) { /* private mode */ }
    for (const l of navigator.languages || [navigator.language || 'it']) {
      const two = String(l).slice(0, 2).toLowerCase();
      if (T[two]) return two;
    }
    return 'it';
  }
  let lang = initial();
  return {
    get lang() { return lang; },
    other() { return lang === 'it' ? 'en' : 'it'; },
    set(l) { lang = T[l] ? l : 'it'; try { localStorage.setItem(KEY, lang); } catch (e) { /* private mode */ } },
    t(key, ...args) { const v = T[lang][key]; return typeof v === 'function' ? v(...args) : (v === undefined ? key : v); },
    in(l, key) { return T[l][key]; },
    /* More texts (the signed-in screens keep theirs in i18n-account.js). */
    add(l, texts) { Object.assign(T[l], texts); },
    /* A text if there is one (e.g. a connector's common name), else the fallback (its OCPI code). */
    or(key, fallback) { const v = T[lang][key]; return v === undefined ? fallback : v; },
    /* Every element with data-t gets its text in the current language. */
    apply(root) {
      document.documentElement.lang = lang;
      for (const el of root.querySelectorAll('[data-t]')) el.textContent = this.t(el.dataset.t);
    }
  };
})();
