// Texts of the dashboard, Italian first; English on request (remembered in this browser).
window.T = {
  it: {
    skip: "Vai ai dati", title: "Statistiche per il Comune", from: "Dal", to: "Al", refresh: "Aggiorna",
    byHour: "Sessioni per ora del giorno", byDay: "Energia erogata per giorno", asTable: "Come tabella",
    groups: "Per zona, tipo di gestore e veicolo", groupBy: "Raggruppa per", by_area: "Zona (cella di griglia)",
    by_operator_type: "Tipo di gestore", by_vehicle_class: "Classe di veicolo", by_location: "Punto",
    csv: "Scarica CSV", openData: "Dati aperti (gruppi piccoli omessi)", badData: "Dati anomali esclusi",
    cer: "Comunità energetiche", community: "Comunità", month: "Mese", show: "Mostra",
    csvStatement: "Scarica il rendiconto (CSV)", lang: "English",
    key: "Voce", sessions: "Sessioni", points: "Punti", energy: "Energia (kWh)", solar: "Quota solare",
    co2: "CO2 evitata (kg)", hour: "Ora", day: "Giorno", module: "Modulo", rule: "Regola", occurrences: "Casi",
    member: "Membro", hours: "Ore", missingHours: "Ore senza dati", fed: "Immessa (kWh)", drawn: "Prelevata (kWh)",
    share: "Quota condivisa (kWh)", incentive: "Incentivo (€)", total: "Totale comunità",
    login: "Accedi con un account del Comune dalla pagina della mappa, poi torna qui.",
    forbidden: "Il tuo account non ha il ruolo del Comune (MUNICIPALITY).", error: "Dati non disponibili: ",
    none: "Nessun dato nel periodo.", noCommunity: "Nessuna comunità configurata.",
    availability: "Disponibilità dei punti", point: "Punto", socketHours: "Ore-presa osservate", free: "Libero",
    charging: "In carica", outOfOrder: "Guasto o disattivato", offline: "Non in linea",
    statementOf: "Rendiconto", sharedTotal: "Energia condivisa", missingNote: "ore con dati mancanti: non conteggiate"
  },
  en: {
    skip: "Skip to the data", title: "Statistics for the municipality", from: "From", to: "To", refresh: "Refresh",
    byHour: "Sessions by hour of day", byDay: "Energy delivered per day", asTable: "As a table",
    groups: "By area, operator type and vehicle", groupBy: "Group by", by_area: "Area (grid cell)",
    by_operator_type: "Operator type", by_vehicle_class: "Vehicle class", by_location: "Point",
    csv: "Download CSV", openData: "Open data (small groups left out)", badData: "Bad data left out",
    cer: "Energy communities", community: "Community", month: "Month", show: "Show",
    csvStatement: "Download the statement (CSV)", lang: "Italiano",
    key: "Item", sessions: "Sessions", points: "Points", energy: "Energy (kWh)", solar: "Solar share",
    co2: "CO2 avoided (kg)", hour: "Hour", day: "Day", module: "Module", rule: "Rule", occurrences: "Occurrences",
    member: "Member", hours: "Hours", missingHours: "Hours without data", fed: "Fed in (kWh)", drawn: "Drawn (kWh)",
    share: "Shared share (kWh)", incentive: "Incentive (€)", total: "Community total",
    login: "Log in with a municipality account on the map page, then come back.",
    forbidden: "Your account does not have the municipality role (MUNICIPALITY).", error: "Data unavailable: ",
    none: "No data in the period.", noCommunity: "No community configured.",
    availability: "Availability of the points", point: "Point", socketHours: "Socket-hours observed", free: "Free",
    charging: "Charging", outOfOrder: "Out of order or disabled", offline: "Offline",
    statementOf: "Statement", sharedTotal: "Shared energy", missingNote: "hours with missing data: not counted"
  }
};
