// The municipality's dashboard: reads /api/v1/stats with the session the map page's login set (same site cookie),
// draws with uPlot (packaged by the build from its webjar) and always offers the same numbers as a table.
"use strict";
(function () {
  const API = "/api/v1/stats";
  let lang = localStorage.getItem("msg-lang") === "en" ? "en" : "it";
  const t = (k) => (window.T[lang] && window.T[lang][k]) || window.T.it[k] || k;
  const $ = (id) => document.getElementById(id);
  const nf = (d) => new Intl.NumberFormat(lang === "it" ? "it-IT" : "en-GB", { maximumFractionDigits: d });
  const charts = [];

  function applyTexts() {
    document.documentElement.lang = lang;
    document.querySelectorAll("[data-t]").forEach((el) => { el.textContent = t(el.dataset.t); });
    $("lang").textContent = t("lang");
    $("lang").lang = lang === "it" ? "en" : "it";
    document.title = t("title") + " – Micro Smart Grid";
  }

  function notice(text) {
    const n = $("notice");
    n.textContent = text || "";
    n.hidden = !text;
  }

  async function get(path) {
    const r = await fetch(API + path, { credentials: "same-origin", headers: { Accept: "application/json" } });
    if (r.status === 401) { notice(t("login")); throw new Error("401"); }
    if (r.status === 403) { notice(t("forbidden")); throw new Error("403"); }
    if (!r.ok) {
      let detail = r.statusText;
      try { detail = (await r.json()).detail || detail; } catch (e) { /* not a problem document */ }
      notice(t("error") + detail);
      throw new Error(String(r.status));
    }
    return r.json();
  }

  /** A table from rows; every cell is text (textContent), never markup. */
  function table(holder, headers, rows) {
    holder.replaceChildren();
    if (!rows.length) { const p = document.createElement("p"); p.textContent = t("none"); holder.append(p); return; }
    const tb = document.createElement("table");
    const head = tb.createTHead().insertRow();
    headers.forEach((h) => { const th = document.createElement("th"); th.scope = "col"; th.textContent = h; head.append(th); });
    const body = tb.createTBody();
    rows.forEach((r) => { const tr = body.insertRow(); r.forEach((c) => { tr.insertCell().textContent = c; }); });
    holder.append(tb);
  }

  function period() { return "from=" + encodeURIComponent($("from").value) + "&to=" + encodeURIComponent($("to").value); }

  function groupRow(g) {
    return [g.key, nf(0).format(g.sessions), nf(0).format(g.points), nf(1).format(g.energy_kwh),
      g.solar_share == null ? "–" : nf(0).format(g.solar_share * 100) + " %", nf(1).format(g.co2_avoided_kg)];
  }
  const groupHeaders = () => [t("key"), t("sessions"), t("points"), t("energy"), t("solar"), t("co2")];

  function draw(holder, opts, data) {
    holder.replaceChildren();
    if (!window.uPlot) return;
    const width = Math.max(280, holder.clientWidth || 600);
    charts.push(new window.uPlot(Object.assign({ width: width, height: 240 }, opts), data, holder));
  }

  async function refresh() {
    notice("");
    charts.splice(0).forEach((c) => c.destroy());
    try {
      const byHour = await get("/sessions?" + period() + "&by=hour_of_day");
      const hours = [...Array(24).keys()];
      const h = new Map(byHour.groups.map((g) => [Number(g.key), g]));
      draw($("chart-hour"), { title: t("byHour"), scales: { x: { time: false } },
        series: [{ label: t("hour") }, { label: t("sessions"), stroke: "#0b5394", width: 2, fill: "rgba(11,83,148,0.15)" }],
        axes: [{}, {}] }, [hours, hours.map((x) => (h.get(x) ? h.get(x).sessions : 0))]);
      table($("t-hour"), [t("hour")].concat(groupHeaders().slice(1)), byHour.groups.map(groupRow));

      const byDay = await get("/sessions?" + period() + "&by=day");
      const days = byDay.groups.map((g) => Number(g.key) * 86400);
      draw($("chart-day"), { title: t("byDay"),
        series: [{}, { label: t("energy"), stroke: "#0b5394", width: 2 },
          { label: t("co2"), stroke: "#15803d", width: 2, dash: [6, 4] }] },
        [days, byDay.groups.map((g) => g.energy_kwh), byDay.groups.map((g) => g.co2_avoided_kg)]);
      table($("t-day"), [t("day")].concat(groupHeaders().slice(1)), byDay.groups.map((g) => {
        const r = groupRow(g); r[0] = new Date(Number(g.key) * 86400000).toISOString().slice(0, 10); return r; }));

      await districts();
      await groups();
      await availability();
      const un = await get("/unmet-demand?" + period());
      const unmetRow = (key) => (a) => [a[key], nf(0).format(a.searches), nf(0).format(a.unmet),
        a.unmet_share == null ? "–" : pct(a.unmet_share)];
      table($("t-unmet-district"), [t("district"), t("searches"), t("unmetCount"), t("unmetShare")],
        un.districts.map(unmetRow("district")));
      table($("t-unmet"), [t("area"), t("searches"), t("unmetCount"), t("unmetShare")], un.areas.map(unmetRow("area")));
      $("csv-unmet-district").href = API + "/unmet-demand.csv?" + period() + "&by=district";
      $("open-unmet-district").href = API + "/open/unmet-demand.csv?" + period() + "&by=district";
      $("csv-unmet").href = API + "/unmet-demand.csv?" + period() + "&by=area";
      $("open-unmet").href = API + "/open/unmet-demand.csv?" + period();
      const bad = await get("/bad-data?" + period());
      table($("t-bad"), [t("module"), t("rule"), t("occurrences")],
        bad.bad_data.map((b) => [b.module, b.rule, nf(0).format(b.occurrences)]));
      await communities();
    } catch (e) { /* told in the notice */ }
  }

  const pct = (x) => nf(0).format(x * 100) + " %";
  const shareKeys = ["free_share", "charging_share", "out_of_order_share", "offline_share"];

  /**
   * Availability per district as stacked bars (each bar the whole observed time: free at the bottom, then charging,
   * out of order, offline), per point as a table. uPlot has no stacking: each series is drawn as the sum of itself
   * and those below it, tallest first, and its legend shows its own share.
   */
  async function availability() {
    const av = await get("/availability?" + period());
    const ds = av.districts;
    const xs = ds.map((_, i) => i);
    const bars = window.uPlot && window.uPlot.paths && window.uPlot.paths.bars ? window.uPlot.paths.bars({ size: [0.6, 80] }) : undefined;
    const colours = ["#15803d", "#0b5394", "#b91c1c", "#6b7280"];
    const labels = [t("free"), t("charging"), t("outOfOrder"), t("offline")];
    const stacked = [3, 2, 1, 0].map((top) => ds.map((d) => shareKeys.slice(0, top + 1).reduce((s, k) => s + d[k] * 100, 0)));
    draw($("chart-avail"), { title: t("availability") + " – " + t("byDistrict"),
      scales: { x: { time: false, range: () => [-0.5, Math.max(1, xs.length) - 0.5] }, y: { range: () => [0, 100] } },
      series: [{ label: t("district"), value: (u, i) => (i == null || !ds[i] ? "–" : ds[i].district) }].concat(
        [3, 2, 1, 0].map((top) => ({ label: labels[top], stroke: colours[top], fill: colours[top], paths: bars,
          points: { show: false }, value: (u, v, si, i) => (i == null || !ds[i] ? "–" : pct(ds[i][shareKeys[top]])) }))),
      axes: [{ splits: () => xs, values: (u, vals) => vals.map((v) => (ds[v] ? ds[v].district : "")) },
        { size: 64, values: (u, vals) => vals.map((v) => v + " %") }] }, // wide enough for "100 %"
      [xs].concat(stacked));
    const shares = (x) => shareKeys.map((k) => pct(x[k]));
    table($("t-avail-district"), [t("district"), t("points"), t("socketHours"), t("free"), t("charging"), t("outOfOrder"),
      t("offline")], ds.map((d) => [d.district, nf(0).format(d.points), nf(0).format(d.socket_hours)].concat(shares(d))));
    table($("t-avail"), [t("point"), t("socketHours"), t("free"), t("charging"), t("outOfOrder"), t("offline")],
      av.points.map((p) => [p.location_id, nf(0).format(p.socket_hours)].concat(shares(p))));
    $("csv-avail").href = API + "/availability.csv?" + period();
    $("open-avail").href = API + "/open/availability.csv?" + period();
  }

  /** The configured districts under the chart (and a refused file, said once for the whole page). */
  async function districts() {
    const d = await get("/districts");
    $("districts-note").textContent = d.districts.length ? t("districtsIn") + d.districts.join(", ") : t("districtsNone");
    if (d.error) notice(t("districtsError") + d.error);
  }

  async function groups() {
    const by = $("by").value;
    const g = await get("/sessions?" + period() + "&by=" + encodeURIComponent(by));
    // energy per group as bars (uPlot's bars path), the same numbers in the table below
    const xs = g.groups.map((_, i) => i);
    const bars = window.uPlot && window.uPlot.paths && window.uPlot.paths.bars ? window.uPlot.paths.bars({ size: [0.6, 80] }) : undefined;
    // bars centred on their group, from zero up
    draw($("chart-groups"), { title: t("energy") + " – " + t("by_" + by),
      scales: { x: { time: false, range: () => [-0.5, Math.max(1, xs.length) - 0.5] },
        y: { range: (u, min, max) => [0, max > 0 ? max * 1.1 : 1] } },
      series: [{ label: t("key"), value: (u, i) => (i == null || !g.groups[i] ? "–" : g.groups[i].key) },
        { label: t("energy"), stroke: "#0b5394", fill: "rgba(11,83,148,0.35)", paths: bars, points: { show: false } }],
      axes: [{ splits: () => xs, values: (u, vals) => vals.map((v) => (g.groups[v] ? g.groups[v].key : "")) }, {}] },
      [xs, g.groups.map((x) => x.energy_kwh)]);
    table($("t-groups"), groupHeaders(), g.groups.map(groupRow));
    $("csv-groups").href = API + "/sessions.csv?" + period() + "&by=" + encodeURIComponent(by);
    const open = by === "location" ? "area" : by;
    $("open-groups").href = API + "/open/sessions.csv?" + period() + "&by=" + encodeURIComponent(open);
  }

  async function communities() {
    const sel = $("community");
    if (sel.options.length) return;
    const c = await get("/communities");
    if (!c.communities.length) { $("statement").textContent = t("noCommunity"); return; }
    c.communities.forEach((x) => { const o = document.createElement("option"); o.value = x.id; o.textContent = x.name; sel.append(o); });
    await statement();
  }

  async function statement() {
    const id = $("community").value, month = $("month").value;
    if (!id || !month) return;
    const s = await get("/communities/" + encodeURIComponent(id) + "/statements/" + encodeURIComponent(month));
    const rows = s.members.map((m) => [m.name, nf(0).format(m.member_hours), nf(0).format(m.missing_hours),
      nf(1).format(m.fed_kwh), nf(1).format(m.drawn_kwh), nf(1).format(m.share_kwh), nf(2).format(m.incentive_eur)]);
    rows.push([t("total"), nf(0).format(s.hours_with_members), nf(0).format(s.missing_hours), nf(1).format(s.fed_kwh),
      nf(1).format(s.drawn_kwh), nf(1).format(s.shared_kwh), nf(2).format(s.incentive_eur)]);
    table($("statement"), [t("member"), t("hours"), t("missingHours"), t("fed"), t("drawn"), t("share"), t("incentive")], rows);
    if (s.missing_hours > 0) {
      const p = document.createElement("p");
      p.className = "missing";
      p.textContent = nf(0).format(s.missing_hours) + " " + t("missingNote");
      $("statement").append(p);
    }
    $("csv-statement").href = API + "/communities/" + encodeURIComponent(id) + "/statements/" + encodeURIComponent(month) + ".csv";
  }

  function init() {
    const now = new Date();
    const from = new Date(now.getTime() - 30 * 86400000);
    $("from").value = from.toISOString().slice(0, 10);
    $("to").value = now.toISOString().slice(0, 10);
    $("month").value = now.toISOString().slice(0, 7);
    const q = new URLSearchParams(location.search);
    if (q.get("from")) $("from").value = q.get("from");
    if (q.get("to")) $("to").value = q.get("to");
    if (q.get("month")) $("month").value = q.get("month");
    applyTexts();
    $("lang").addEventListener("click", () => {
      lang = lang === "it" ? "en" : "it";
      localStorage.setItem("msg-lang", lang);
      applyTexts();
      refresh();
    });
    $("period").addEventListener("submit", (e) => { e.preventDefault(); refresh(); });
    $("by").addEventListener("change", () => groups().catch(() => {}));
    $("cer-form").addEventListener("submit", (e) => { e.preventDefault(); statement().catch(() => {}); });
    refresh();
  }
  document.addEventListener("DOMContentLoaded", init);
})();
