// rasd dashboard: a small single-page app over the JSON API (/api/...).
//
// Safety rule: every piece of data is put into the page with createElement and text nodes,
// never parsed as HTML, so markup inside articles stays text. Bidirectional control characters
// are stripped from short labels and shown as visible, inert badges inside article text.
"use strict";

(function () {
  const I18N = window.RASD_I18N;
  const urlLang = new URLSearchParams(location.search).get("lang");
  let lang = (urlLang || localStorage.getItem("rasd.lang")) === "en" ? "en" : "ar";
  let renderSeq = 0;
  let activeMap = null;

  const TYPES = [
    "air_drone_strike", "missile_artillery", "remote_explosive", "suicide_bomb", "armed_clash",
    "attack", "abduction", "arrest", "protest", "designation", "threat", "agreement",
  ];
  // One hue per type, far apart (tests/assets.rs checks every pair differs by ΔE ≥ 20 in CIELAB).
  const TYPE_COLORS = {
    air_drone_strike: "#d62728", missile_artillery: "#ff7f0e", remote_explosive: "#9467bd",
    suicide_bomb: "#8c564b", armed_clash: "#e377c2", attack: "#7f7f7f", abduction: "#17becf",
    arrest: "#1f77b4", protest: "#2ca02c", designation: "#bcbd22", threat: "#252525",
    agreement: "#393b79",
  };
  const EVENTS_LIMIT = 1000;
  const LIST_PAGE = 25;
  const DOC_PAGE = 50;

  // ---- strings -------------------------------------------------------------------------------
  function t(key, vars) {
    const d = I18N[lang];
    let s = d[key];
    if (s === undefined) s = I18N.ar[key] !== undefined ? I18N.ar[key] : key;
    if (vars) for (const k of Object.keys(vars)) s = s.split("{" + k + "}").join(String(vars[k]));
    return s;
  }
  function tk(group, key) {
    const g = I18N[lang][group] || {};
    return g[key] !== undefined ? g[key] : String(key == null ? "" : key);
  }

  // ---- safe DOM building ---------------------------------------------------------------------
  const BIDI_RE = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;
  const BIDI_ONE = /^[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]$/;

  /** A label for display: bidi controls removed. */
  function clean(s) {
    return String(s == null ? "" : s).replace(BIDI_RE, "");
  }

  /** createElement with attributes and children (strings become text nodes). */
  function el(tag, attrs, ...children) {
    const e = document.createElement(tag);
    if (attrs) {
      for (const [k, v] of Object.entries(attrs)) {
        if (v == null || v === false) continue;
        if (/^on/i.test(k)) continue; // never event-handler attributes
        if (k === "class") e.className = v;
        else if (k === "href") setHref(e, v);
        else if (k === "data") for (const [dk, dv] of Object.entries(v)) e.dataset[dk] = dv;
        else e.setAttribute(k, v === true ? "" : String(v));
      }
    }
    append(e, children);
    return e;
  }
  function svg(tag, attrs, ...children) {
    const e = document.createElementNS("http://www.w3.org/2000/svg", tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v == null || /^on/i.test(k)) continue;
      e.setAttribute(k, String(v));
    }
    append(e, children);
    return e;
  }
  function append(parent, children) {
    for (const c of children.flat(Infinity)) {
      if (c == null || c === false) continue;
      parent.appendChild(c instanceof Node ? c : document.createTextNode(clean(c)));
    }
    return parent;
  }
  /** Internal hash links, the export API, or http(s) links to the outside; anything else is dropped. */
  function setHref(e, v) {
    const s = String(v);
    if (s.startsWith("#/") || s.startsWith("/api/export?")) e.setAttribute("href", s);
    else if (/^https?:\/\//i.test(s)) {
      e.setAttribute("href", s);
      e.setAttribute("rel", "noopener noreferrer nofollow");
      e.setAttribute("target", "_blank");
    }
  }
  /** Isolated text: a name or title that may run in either direction. */
  function bdi(s) {
    return el("bdi", null, clean(s));
  }
  function link(hash, ...children) {
    return el("a", { href: hash }, ...children);
  }
  function enc(id) {
    return encodeURIComponent(String(id));
  }
  function clear(node) {
    while (node.firstChild) node.removeChild(node.firstChild);
  }

  /** Article text with the given spans (character offsets) wrapped in <mark class=…>. */
  function articleText(text, spans) {
    const chars = Array.from(String(text || ""));
    const n = chars.length;
    const marks = (spans || [])
      .map((s) => ({ start: Math.max(0, Math.min(n, s.start | 0)), end: Math.max(0, Math.min(n, s.end | 0)), cls: s.cls }))
      .filter((s) => s.end > s.start);
    const cuts = new Set([0, n]);
    for (const s of marks) {
      cuts.add(s.start);
      cuts.add(s.end);
    }
    const points = Array.from(cuts).sort((a, b) => a - b);
    const body = el("bdi", { class: "article-text", dir: "rtl", lang: "ar" });
    for (let i = 0; i + 1 < points.length; i++) {
      const a = points[i], b = points[i + 1];
      const classes = new Set(marks.filter((s) => s.start <= a && s.end >= b).map((s) => s.cls));
      const target = classes.size ? el("mark", { class: Array.from(classes).sort().join(" ") }) : body;
      appendInert(target, chars.slice(a, b));
      if (target !== body) body.appendChild(target);
    }
    return body;
  }
  /** Append characters as text, turning bidi controls into visible, inert badges. */
  function appendInert(parent, chars) {
    let run = "";
    const flush = () => {
      if (run) parent.appendChild(document.createTextNode(run));
      run = "";
    };
    for (const c of chars) {
      if (BIDI_ONE.test(c)) {
        flush();
        const code = "U+" + c.codePointAt(0).toString(16).toUpperCase().padStart(4, "0");
        parent.appendChild(el("span", { class: "ctl", dir: "ltr", title: t("bidi_control") }, code));
      } else run += c;
    }
    flush();
  }

  // ---- API ----------------------------------------------------------------------------------
  async function api(path, params) {
    const url = new URL(path, location.origin);
    for (const [k, v] of Object.entries(params || {})) {
      if (v !== undefined && v !== null && v !== "") url.searchParams.set(k, String(v));
    }
    const r = await fetch(url, { headers: { Accept: "application/json" } });
    let body = null;
    try {
      body = await r.json();
    } catch (_) {
      body = null;
    }
    if (!r.ok) {
      const err = new Error((body && body.error) || r.statusText || String(r.status));
      err.status = r.status;
      throw err;
    }
    return body;
  }

  let geoPromise = null;
  function loadGeo() {
    if (!geoPromise) {
      const get = (p) => fetch(p).then((r) => (r.ok ? r.json() : null)).catch(() => null);
      geoPromise = Promise.all([get("/vendor/countries-50m.json"), get("/vendor/admin1.json")]);
    }
    return geoPromise;
  }

  // ---- shared bits ---------------------------------------------------------------------------
  function typeLabel(type) {
    return tk("types", type);
  }
  function typeBadge(type) {
    const b = el("span", { class: "type-badge" }, typeLabel(type));
    b.style.setProperty("--c", TYPE_COLORS[type] || "#555");
    return b;
  }
  const regionNames = {};
  function countryName(code) {
    const c = clean(code).toUpperCase();
    if (!/^[A-Z]{2}$/.test(c)) return c;
    try {
      if (!regionNames[lang]) regionNames[lang] = new Intl.DisplayNames([lang], { type: "region" });
      return regionNames[lang].of(c) || c;
    } catch (_) {
      return c;
    }
  }
  function placeText(loc) {
    if (!loc) return t("unknown");
    const parts = [lang === "en" && loc.name_en ? loc.name_en : loc.name];
    const arabic = /[\u0600-\u06FF]/;
    const showAdmin1 = loc.admin1 && loc.admin1 !== loc.name && !String(loc.name).includes(loc.admin1);
    if (showAdmin1 && !(lang === "en" && arabic.test(loc.admin1) && !arabic.test(parts[0]))) parts.push(loc.admin1);
    if (loc.country) {
      const cn = countryName(loc.country);
      if (!parts.some((p) => String(p).includes(cn))) parts.push(cn);
    }
    return parts.map(clean).join(lang === "ar" ? "، " : ", ");
  }
  function dateText(d, precision) {
    if (!d) return t("unknown");
    return precision && precision !== "day" ? d + " (" + tk("precisions", precision) + ")" : d;
  }
  function actorName(a) {
    return lang === "en" && a.name_en ? a.name_en : a.name;
  }
  function actorLinks(actors, role) {
    const list = (actors || []).filter((a) => !role || a.role === role);
    if (!list.length) return null;
    const out = [];
    list.forEach((a, i) => {
      if (i) out.push(lang === "ar" ? "، " : ", ");
      out.push(a.entity_id ? link("#/entity/" + enc(a.entity_id), bdi(actorName(a))) : bdi(actorName(a)));
    });
    return out;
  }
  function num(v) {
    return v == null ? "—" : String(v);
  }
  function loadingBox() {
    return el("p", { class: "muted loading" }, t("loading"));
  }
  function errorBox(err) {
    const msg = err && err.status === 404 ? t("not_found") : t("error");
    return el("div", { class: "error", role: "alert" }, msg + ": ", clean(err && err.message));
  }
  function pager(page, pages, go) {
    if (pages <= 1) return null;
    const prev = el("button", { type: "button", class: "btn" }, t("prev"));
    const next = el("button", { type: "button", class: "btn" }, t("next"));
    prev.disabled = page <= 1;
    next.disabled = page >= pages;
    prev.addEventListener("click", () => go(page - 1));
    next.addEventListener("click", () => go(page + 1));
    return el("div", { class: "pager" }, prev, el("span", { class: "muted" }, t("page", { p: page, n: pages })), next);
  }
  /** Outlet · date · link to the original, as separate isolated pieces. */
  function metaLine(outlet, published, url) {
    return el("div", { class: "meta muted small" },
      outlet ? el("span", null, bdi(outlet)) : null,
      published ? el("span", null, el("bdi", { dir: "ltr" }, clean(published))) : null,
      url && /^https?:\/\//i.test(url) ? el("span", null, el("a", { href: url }, t("open_source"))) : null);
  }
  function highlightLegend() {
    return el("p", { class: "hl-legend muted small" }, el("mark", { class: "ev" }, t("hl_event")), " ", el("mark", { class: "claim" }, t("hl_claim")));
  }
  function fact(label, ...value) {
    const v = value.flat().filter((x) => x != null && x !== "");
    return [el("dt", null, label), el("dd", null, v.length ? v : "—")];
  }

  // ---- overview: filters, map, timeline, list -----------------------------------------------
  function filtersFromQuery(q) {
    const f = {};
    for (const k of ["from", "to", "type", "actor", "country", "admin1", "bbox", "q"]) {
      const v = q.get(k);
      if (v) f[k] = v;
    }
    return f;
  }
  function filterForm(f) {
    const input = (name, type, placeholder) =>
      type === "date"
        ? el("input", { name, type: "text", value: f[name] || "", placeholder: "YYYY-MM-DD", dir: "ltr", class: "date", pattern: "\\d{4}-\\d{2}-\\d{2}", inputmode: "numeric" })
        : el("input", { name, type, value: f[name] || "", placeholder: placeholder || null });
    const select = el("select", { name: "type" }, el("option", { value: "" }, t("all_types")),
      TYPES.map((ty) => el("option", { value: ty, selected: f.type === ty }, typeLabel(ty))));
    const form = el("form", { class: "filters card", autocomplete: "off" },
      el("label", null, el("span", null, t("from")), input("from", "date")),
      el("label", null, el("span", null, t("to")), input("to", "date")),
      el("label", null, el("span", null, t("type")), select),
      el("label", null, el("span", null, t("actor")), input("actor", "text")),
      el("label", null, el("span", null, t("country")), input("country", "text", "IQ")),
      el("label", null, el("span", null, t("text")), input("q", "search")),
      el("div", { class: "filter-actions" },
        el("button", { type: "submit", class: "btn primary" }, t("apply")),
        el("button", { type: "button", class: "btn", data: { action: "reset" } }, t("reset"))));
    form.addEventListener("submit", (ev) => {
      ev.preventDefault();
      const params = new URLSearchParams();
      for (const [k, v] of new FormData(form).entries()) if (String(v).trim()) params.set(k, String(v).trim());
      location.hash = "#/" + (params.toString() ? "?" + params.toString() : "");
    });
    form.querySelector("[data-action=reset]").addEventListener("click", () => {
      location.hash = "#/";
    });
    return form;
  }

  // Links that download the events of the current filters, through GET /api/export.
  function downloadBar(f) {
    const links = [["acled-csv", "CSV (ACLED)"], ["geojson", "GeoJSON"], ["parquet", "Parquet"]].map(([format, label]) => {
      const params = new URLSearchParams(Object.assign({}, f, { format }));
      const a = el("a", { class: "btn download", download: true, data: { format } }, label);
      setHref(a, "/api/export?" + params.toString());
      return a;
    });
    return el("p", { class: "downloads", title: t("download_title") }, el("span", { class: "muted" }, t("download")), " ", links);
  }

  // Capitals and main towns, as text labels over the borders (from /labels.json).
  let labelsPromise = null;
  function addLabels(map) {
    if (!labelsPromise) labelsPromise = fetch("/labels.json").then((r) => (r.ok ? r.json() : [])).catch(() => []);
    const L = window.L;
    map.createPane("labels").style.zIndex = 400;
    map.getPane("labels").style.pointerEvents = "none";
    labelsPromise.then((places) => {
      const layer = L.layerGroup();
      const markers = (places || []).map((p) => {
        const name = lang === "en" ? p.name_en : p.name_ar;
        const text = el("span", { class: "place-label" + (p.capital ? " capital" : ""), dir: "auto" }, name);
        const m = L.marker([p.lat, p.lon], { pane: "labels", interactive: false, keyboard: false,
          icon: L.divIcon({ html: text, className: "place-label-icon", iconSize: null }) });
        m.capital = !!p.capital;
        return m;
      });
      const update = () => {
        const z = map.getZoom();
        layer.clearLayers();
        for (const m of markers) if (m.capital ? z >= 3.5 : z >= 5.5) layer.addLayer(m);
      };
      layer.addTo(map);
      map.on("zoomend", update);
      update();
    });
  }

  async function viewOverview(main, query, seq) {
    const f = filtersFromQuery(query);
    const listBox = el("section", { class: "card list-col" }, el("h2", null, t("events")), loadingBox());
    const mapBox = el("div", { id: "map", class: "map", dir: "ltr", "aria-label": t("map") });
    const timeBox = el("section", { class: "card timeline" }, el("h2", null, t("timeline")), loadingBox());
    append(main, [
      filterForm(f),
      downloadBar(f),
      el("div", { class: "overview" }, listBox, el("div", { class: "map-col" }, el("section", { class: "card map-card" }, mapBox), timeBox)),
    ]);
    let page;
    try {
      page = await api("/api/events", Object.assign({}, f, { limit: EVENTS_LIMIT }));
    } catch (err) {
      if (seq !== renderSeq) return;
      clear(listBox);
      append(listBox, [el("h2", null, t("events")), errorBox(err)]);
      return;
    }
    if (seq !== renderSeq) return;
    const events = page.items || [];
    renderList(listBox, events, page.total || events.length);
    renderTimeline(timeBox, events, f);
    renderMap(mapBox, events, seq);
  }

  function eventItem(e) {
    const meta = [];
    const actors = (e.actors || []).filter((a) => a.role === "actor").map(actorName);
    if (actors.length) meta.push(bdi(actors.join(lang === "ar" ? "، " : ", ")));
    if (e.killed != null) meta.push(el("span", { class: "num killed" }, t("killed") + " " + e.killed));
    if (e.injured != null) meta.push(el("span", { class: "num" }, t("injured") + " " + e.injured));
    const nr = e.n_reports == null ? 1 : e.n_reports;
    meta.push(el("span", { class: "muted" }, t(nr === 1 ? "n_reports_one" : "n_reports", { n: nr })));
    return el("li", { class: "ev-item", data: { eventId: e.id } },
      el("a", { href: "#/event/" + enc(e.id) },
        el("div", { class: "ev-head" }, typeBadge(e.type), el("span", { class: "ev-date", dir: "ltr" }, dateText(e.date, e.date_precision)),
          e.contradiction ? el("span", { class: "badge warn", title: t("contradiction_long") }, "⚠ " + t("contradiction")) : null),
        el("div", { class: "ev-place" }, bdi(placeText(e.location))),
        el("div", { class: "ev-meta" }, meta)));
  }

  function renderList(box, events, total) {
    let p = 1;
    const pages = Math.max(1, Math.ceil(events.length / LIST_PAGE));
    const draw = () => {
      clear(box);
      append(box, [
        el("h2", null, t("events"), " ", el("span", { class: "count" }, t("events_count", { n: total }))),
        total > events.length ? el("p", { class: "muted small" }, t("showing", { shown: events.length, total })) : null,
        events.length
          ? el("ol", { class: "ev-list" }, events.slice((p - 1) * LIST_PAGE, p * LIST_PAGE).map(eventItem))
          : el("p", { class: "muted" }, t("no_events")),
        pager(p, pages, (np) => {
          p = np;
          draw();
        }),
      ]);
    };
    draw();
  }

  function renderTimeline(box, events, f) {
    clear(box);
    box.appendChild(el("h2", null, t("timeline")));
    const dayRe = /^(\d{4})-(\d{2})-(\d{2})$/;
    const dated = events.filter((e) => e.date && dayRe.test(e.date));
    if (!dated.length) {
      box.appendChild(el("p", { class: "muted" }, t("no_events")));
      return;
    }
    const toDay = (s) => Math.floor(Date.UTC(+s.slice(0, 4), +s.slice(5, 7) - 1, +s.slice(8, 10)) / 86400000);
    const fromDay = (d) => new Date(d * 86400000).toISOString().slice(0, 10);
    const days = dated.map((e) => toDay(e.date));
    const min = Math.min(...days), max = Math.max(...days);
    const monthly = max - min > 180;
    const key = (e) => (monthly ? e.date.slice(0, 7) : e.date);
    const buckets = [];
    if (monthly) {
      let y = +fromDay(min).slice(0, 4), m = +fromDay(min).slice(5, 7);
      const endKey = fromDay(max).slice(0, 7);
      for (;;) {
        const k = y + "-" + String(m).padStart(2, "0");
        buckets.push(k);
        if (k >= endKey || buckets.length > 600) break;
        m += 1;
        if (m > 12) { m = 1; y += 1; }
      }
    } else for (let d = min; d <= max; d++) buckets.push(fromDay(d));
    const counts = new Map(buckets.map((k) => [k, {}]));
    for (const e of dated) {
      const c = counts.get(key(e));
      if (c) c[e.type] = (c[e.type] || 0) + 1;
    }
    const totals = buckets.map((k) => Object.values(counts.get(k)).reduce((a, b) => a + b, 0));
    const peak = Math.max(1, ...totals);
    const W = 800, H = 120, padL = 28, padB = 22, padT = 8;
    const slot = (W - padL) / buckets.length;
    const bw = Math.max(1, Math.min(36, slot * 0.8));
    const chart = svg("svg", { viewBox: `0 0 ${W} ${H}`, class: "tl-svg", role: "img", "aria-label": t("timeline") });
    const ticks = peak >= 4 ? [0, Math.round(peak / 2), peak] : [0, peak];
    for (const v of ticks) {
      const y = padT + (H - padT - padB) * (1 - v / peak);
      chart.appendChild(svg("line", { x1: padL, x2: W, y1: y, y2: y, class: "tl-grid" }));
      chart.appendChild(svg("text", { x: padL - 4, y: y + 4, class: "tl-axis", "text-anchor": "end" }, String(v)));
    }
    buckets.forEach((k, i) => {
      const x = padL + i * slot + (slot - bw) / 2;
      let y = H - padB;
      const g = svg("g", { class: "tl-bar", tabindex: totals[i] ? 0 : null, data: null });
      g.setAttribute("data-bucket", k);
      for (const ty of TYPES) {
        const n = counts.get(k)[ty] || 0;
        if (!n) continue;
        const h = ((H - padT - padB) * n) / peak;
        y -= h;
        const r = svg("rect", { x, y, width: bw, height: h, fill: TYPE_COLORS[ty] });
        r.appendChild(svg("title", null, `${k} · ${typeLabel(ty)}: ${n}`));
        g.appendChild(r);
      }
      if (totals[i]) {
        g.addEventListener("click", () => {
          const params = new URLSearchParams(Object.assign({}, f));
          if (monthly) {
            const [yy, mm] = k.split("-").map(Number);
            params.set("from", k + "-01");
            params.set("to", new Date(Date.UTC(yy, mm, 0)).toISOString().slice(0, 10));
          } else {
            params.set("from", k);
            params.set("to", k);
          }
          location.hash = "#/?" + params.toString();
        });
      }
      chart.appendChild(g);
    });
    const labelAt = (i, anchor) =>
      chart.appendChild(svg("text", { x: padL + i * slot + slot / 2, y: H - 6, class: "tl-axis", "text-anchor": anchor }, buckets[i]));
    labelAt(0, buckets.length === 1 ? "middle" : "start");
    if (buckets.length > 2) labelAt(Math.floor((buckets.length - 1) / 2), "middle");
    if (buckets.length > 1) labelAt(buckets.length - 1, "end");
    const present = TYPES.filter((ty) => dated.some((e) => e.type === ty));
    const legend = el("ul", { class: "legend" }, present.map((ty) => {
      const sw = el("span", { class: "swatch" });
      sw.style.background = TYPE_COLORS[ty];
      return el("li", null, sw, typeLabel(ty));
    }));
    append(box, [el("p", { class: "muted small" }, monthly ? t("per_month") : t("timeline_hint")), el("div", { class: "tl-wrap", dir: "ltr" }, chart), legend]);
  }

  function renderMap(box, events, seq) {
    if (typeof window.L === "undefined") {
      box.classList.add("map-missing");
      box.appendChild(el("p", { class: "notice" }, t("map_missing")));
      return;
    }
    const L = window.L;
    const map = L.map(box, { zoomControl: true, attributionControl: true, worldCopyJump: true, minZoom: 2, maxZoom: 12, zoomSnap: 0.25 });
    activeMap = map;
    map.attributionControl.setPrefix(false);
    map.attributionControl.addAttribution("Natural Earth");
    map.createPane("boundaries").style.zIndex = 350;
    map.createPane("events").style.zIndex = 450;
    const evRenderer = L.svg({ pane: "events" });
    const located = events.filter((e) => e.location && typeof e.location.lat === "number" && typeof e.location.lon === "number");
    // Set the view first: Leaflet only creates a marker's element once the map has one.
    if (located.length) {
      const b = L.latLngBounds(located.map((e) => [e.location.lat, e.location.lon]));
      map.fitBounds(b.pad(0.12), { maxZoom: 7 });
    } else {
      map.fitBounds([[12, 25], [40, 60]]);
      box.appendChild(el("p", { class: "map-note" }, events.length ? t("map_no_coords") : t("no_events")));
    }
    for (const e of located) {
      const radius = 6 + Math.min(8, 2 * Math.log2(1 + (e.n_reports || 1)));
      const m = L.circleMarker([e.location.lat, e.location.lon], {
        renderer: evRenderer,
        pane: "events",
        radius,
        color: "#ffffff",
        weight: 1.5,
        fillColor: TYPE_COLORS[e.type] || "#555",
        fillOpacity: 0.85,
        className: "ev-marker" + (e.contradiction ? " contradiction" : ""),
      });
      const pop = el("div", { class: "popup", dir: I18N[lang].dir },
        el("div", null, typeBadge(e.type)),
        el("div", { class: "ev-date", dir: "ltr" }, dateText(e.date, e.date_precision)),
        el("div", null, bdi(placeText(e.location))),
        link("#/event/" + enc(e.id), t("open_event") + " " + t("fwd_arrow")));
      m.bindPopup(pop);
      m.on("add", () => {
        const path = m.getElement();
        if (path) path.setAttribute("data-event-id", String(e.id));
      });
      m.addTo(map);
    }
    loadGeo().then(([countries, admin1]) => {
      if (seq !== renderSeq || activeMap !== map) return;
      if (countries && window.topojson && countries.objects && countries.objects.countries) {
        const fc = window.topojson.feature(countries, countries.objects.countries);
        L.geoJSON(fc, { pane: "boundaries", interactive: false, style: { color: "#8d99a6", weight: 0.8, fillColor: "#f3efe6", fillOpacity: 1 } }).addTo(map);
      }
      if (admin1 && admin1.features) {
        L.geoJSON(admin1, { pane: "boundaries", interactive: false, style: { color: "#b9c1c9", weight: 0.6, dashArray: "3 3", fill: false } }).addTo(map);
      }
    });
    addLabels(map);
  }

  // A small map of one event's place, on its page.
  function eventMap(box, loc, type, seq) {
    const L = window.L;
    const map = L.map(box, { zoomControl: true, attributionControl: true, minZoom: 2, maxZoom: 12, zoomSnap: 0.25 });
    activeMap = map;
    map.attributionControl.setPrefix(false);
    map.attributionControl.addAttribution("Natural Earth");
    map.createPane("boundaries").style.zIndex = 350;
    map.createPane("events").style.zIndex = 450;
    map.setView([loc.lat, loc.lon], loc.precision === "country" ? 5 : 7);
    L.circleMarker([loc.lat, loc.lon], { renderer: L.svg({ pane: "events" }), pane: "events", radius: 9, color: "#ffffff", weight: 2,
      fillColor: TYPE_COLORS[type] || "#555", fillOpacity: 0.9, className: "ev-marker" }).addTo(map);
    loadGeo().then(([countries, admin1]) => {
      if (seq !== renderSeq || activeMap !== map) return;
      if (countries && window.topojson && countries.objects && countries.objects.countries) {
        const fc = window.topojson.feature(countries, countries.objects.countries);
        L.geoJSON(fc, { pane: "boundaries", interactive: false, style: { color: "#8d99a6", weight: 0.8, fillColor: "#f3efe6", fillOpacity: 1 } }).addTo(map);
      }
      if (admin1 && admin1.features) {
        L.geoJSON(admin1, { pane: "boundaries", interactive: false, style: { color: "#b9c1c9", weight: 0.6, dashArray: "3 3", fill: false } }).addTo(map);
      }
    });
    addLabels(map);
  }

  // ---- event page ---------------------------------------------------------------------------
  async function viewEvent(main, id, seq) {
    main.appendChild(loadingBox());
    const ev = await api("/api/events/" + enc(id));
    if (seq !== renderSeq) return;
    clear(main);
    const loc = ev.location;
    const header = el("section", { class: "card event-head" },
      el("div", { class: "ev-head" }, typeBadge(ev.type),
        ev.contradiction ? el("span", { class: "badge warn" }, "⚠ " + t("contradiction")) : null),
      el("h1", null, typeLabel(ev.type), " — ", bdi(loc ? (lang === "en" && loc.name_en ? loc.name_en : loc.name) : t("unknown"))),
      el("dl", { class: "facts" },
        fact(t("date"), el("span", { dir: "ltr" }, dateText(ev.date, ev.date_precision))),
        fact(t("place"), bdi(placeText(loc)), loc && loc.precision ? el("span", { class: "muted" }, " (" + tk("precisions", loc.precision) + ")") : null),
        fact(t("actors"), actorLinks(ev.actors, "actor")),
        fact(t("targets"), actorLinks(ev.actors, "target")),
        fact(t("weapons"), (ev.weapons || []).map((w) => tk("weapons_", w)).join(lang === "ar" ? "، " : ", ")),
        fact(t("killed"), num(ev.killed)),
        fact(t("injured"), num(ev.injured)),
        fact(t("outcome"), (ev.outcome || []).map((o) => tk("outcomes", o)).join(lang === "ar" ? "، " : ", ")),
        fact(t("reports"), String((ev.reports || []).length || ev.n_reports || 0))));
    main.appendChild(el("p", null, link("#/", t("back_arrow") + " " + t("back"))));
    main.appendChild(header);
    if (loc && typeof loc.lat === "number" && typeof loc.lon === "number" && typeof window.L !== "undefined") {
      const box = el("div", { id: "event-map", class: "map mini", dir: "ltr", "aria-label": t("event_map") });
      main.appendChild(el("section", { class: "card map-card" }, box));
      eventMap(box, loc, ev.type, seq);
    }
    if (ev.contradiction) main.appendChild(el("p", { class: "banner warn" }, "⚠ " + t("contradiction_long")));

    const claims = ev.claims || [];
    const claimSec = el("section", { class: "card" }, el("h2", null, t("claims")));
    if (claims.length) {
      const affirms = (s) => s === "asserts" || s === "claims_responsibility" || s === "attributes";
      const anyAffirm = claims.some((c) => affirms(c.stance));
      const rows = claims.map((c) => {
        const conflicting = anyAffirm && !affirms(c.stance);
        return el("tr", { class: "stance-" + clean(c.stance) + (conflicting ? " conflict" : "") },
          el("td", null, c.source_id ? link("#/entity/" + enc(c.source_id), bdi(c.source)) : bdi(c.source),
            c.anonymous ? el("span", { class: "muted small" }, " (" + t("anonymous") + ")") : null),
          el("td", null, el("span", { class: "stance" }, tk("stances", c.stance)), conflicting ? " ⚠" : null),
          el("td", null, c.via ? bdi(c.via) : "—"),
          el("td", null, c.doc_id ? link("#/document/" + enc(c.doc_id), bdi(c.outlet || c.doc_id)) : bdi(c.outlet || "—")));
      });
      claimSec.appendChild(el("table", { class: "table" },
        el("thead", null, el("tr", null, el("th", null, t("source")), el("th", null, t("stance")), el("th", null, t("via")), el("th", null, t("outlet")))),
        el("tbody", null, rows)));
    } else claimSec.appendChild(el("p", { class: "muted" }, t("none")));
    main.appendChild(claimSec);

    const reports = ev.reports || [];
    const repSec = el("section", { class: "reports" }, el("h2", null, t("reports"), " ", el("span", { class: "count" }, String(reports.length))),
      el("p", { class: "muted small" }, t("evidence_note")), highlightLegend());
    main.appendChild(repSec);
    for (const r of reports) {
      const card = el("article", { class: "card report", data: { docId: r.doc_id } },
        el("header", null,
          el("h3", null, link("#/document/" + enc(r.doc_id), bdi(r.title || r.doc_id))),
          metaLine(r.outlet, r.published, r.url)),
        loadingBox());
      repSec.appendChild(card);
      api("/api/documents/" + enc(r.doc_id))
        .then((doc) => {
          if (seq !== renderSeq) return;
          const spans = ((r.event && r.event.evidence) || []).map((s) => ({ start: s.start, end: s.end, cls: "ev" }));
          for (const c of claims) if (c.doc_id === r.doc_id) for (const s of c.evidence || []) spans.push({ start: s.start, end: s.end, cls: "claim" });
          card.replaceChild(el("div", { class: "article" }, articleText(doc.text, spans)), card.lastChild);
        })
        .catch((err) => card.replaceChild(errorBox(err), card.lastChild));
    }
  }

  // ---- entities -----------------------------------------------------------------------------
  async function viewEntities(main, query, seq) {
    const q = query.get("q") || "";
    const offset = Math.max(0, parseInt(query.get("offset") || "0", 10) || 0);
    const form = el("form", { class: "inline-search" }, el("input", { type: "search", name: "q", value: q, placeholder: t("filter_entities") }),
      el("button", { type: "submit", class: "btn primary" }, t("search")));
    form.addEventListener("submit", (ev) => {
      ev.preventDefault();
      const v = String(new FormData(form).get("q") || "").trim();
      location.hash = "#/entities" + (v ? "?q=" + encodeURIComponent(v) : "");
    });
    const sec = el("section", { class: "card" }, el("h1", null, t("entities")), form, loadingBox());
    main.appendChild(sec);
    const page = await api("/api/entities", { q, limit: DOC_PAGE, offset });
    if (seq !== renderSeq) return;
    sec.removeChild(sec.lastChild);
    const items = page.items || [];
    if (!items.length) return sec.appendChild(el("p", { class: "muted" }, t("no_results")));
    sec.appendChild(el("table", { class: "table" },
      el("thead", null, el("tr", null, el("th", null, t("name")), el("th", null, t("name_en")), el("th", null, t("type")), el("th", null, t("events")), el("th", null, t("mentions")))),
      el("tbody", null, items.map((e) => el("tr", null,
        el("td", null, link("#/entity/" + enc(e.id), bdi(e.name))),
        el("td", { dir: "ltr" }, clean(e.name_en || "")),
        el("td", null, tk("entity_types", e.type)),
        el("td", { class: "num" }, num(e.n_events)),
        el("td", { class: "num" }, num(e.n_mentions)))))));
    append(sec, [offsetPager(page, "#/entities", q ? { q } : {})]);
  }

  function offsetPager(page, base, extra) {
    const total = page.total || 0, limit = page.limit || DOC_PAGE, offset = page.offset || 0;
    const pages = Math.max(1, Math.ceil(total / limit));
    return pager(Math.floor(offset / limit) + 1, pages, (p) => {
      const params = new URLSearchParams(extra);
      params.set("offset", String((p - 1) * limit));
      location.hash = base + "?" + params.toString();
    });
  }

  async function viewEntity(main, id, seq) {
    main.appendChild(loadingBox());
    const en = await api("/api/entities/" + enc(id));
    if (seq !== renderSeq) return;
    clear(main);
    main.appendChild(el("p", null, link("#/entities", t("back_arrow") + " " + t("entities"))));
    const head = el("section", { class: "card entity-head" },
      el("h1", null, bdi(en.name)),
      en.name_en ? el("p", { class: "muted" }, el("bdi", { dir: "ltr" }, clean(en.name_en))) : null,
      el("dl", { class: "facts" },
        fact(t("type"), tk("entity_types", en.type)),
        fact(t("events"), num(en.n_events)),
        fact(t("mentions"), num(en.n_mentions))));
    main.appendChild(head);
    const aliases = en.aliases || [];
    main.appendChild(el("section", { class: "card" }, el("h2", null, t("aliases")),
      aliases.length ? el("ul", { class: "chips" }, aliases.map((a) => el("li", null, bdi(a)))) : el("p", { class: "muted" }, t("none"))));

    const rels = en.relations || [];
    const relSec = el("section", { class: "card" }, el("h2", null, t("relations")));
    if (rels.length) {
      relSec.appendChild(el("ul", { class: "relations" }, rels.map((r) => {
        const outgoing = r.subject_id ? r.subject_id === en.id : r.object_id !== en.id;
        const otherName = outgoing ? r.object : r.subject;
        const otherId = outgoing ? r.object_id : r.subject_id;
        const label = outgoing ? tk("relation_types", r.type) : tk("relation_inverse", r.type);
        return el("li", null, el("span", { class: "rel-type" }, label), " ",
          otherId ? link("#/entity/" + enc(otherId), bdi(otherName)) : bdi(otherName),
          r.doc_id ? [" ", link("#/document/" + enc(r.doc_id), el("span", { class: "muted small" }, "[" + t("document") + "]"))] : null);
      })));
    } else relSec.appendChild(el("p", { class: "muted" }, t("none")));
    main.appendChild(relSec);

    const des = (en.designations || []).slice().sort((a, b) => String(a.date || "").localeCompare(String(b.date || "")));
    const desSec = el("section", { class: "card" }, el("h2", null, t("designations")));
    if (des.length) {
      desSec.appendChild(el("table", { class: "table" },
        el("thead", null, el("tr", null, el("th", null, t("date")), el("th", null, t("designated_by")))),
        el("tbody", null, des.map((d) => el("tr", null, el("td", { dir: "ltr" }, clean(d.date || "—")), el("td", null, bdi(d.by)))))));
    } else desSec.appendChild(el("p", { class: "muted" }, t("none")));
    main.appendChild(desSec);

    const evs = en.events || [];
    main.appendChild(el("section", { class: "card" }, el("h2", null, t("events"), " ", el("span", { class: "count" }, String(evs.length))),
      evs.length ? el("ol", { class: "ev-list" }, evs.map(eventItem)) : el("p", { class: "muted" }, t("none"))));
  }

  // ---- documents ----------------------------------------------------------------------------
  async function viewDocuments(main, query, seq) {
    const offset = Math.max(0, parseInt(query.get("offset") || "0", 10) || 0);
    const sec = el("section", { class: "card" }, el("h1", null, t("documents")), loadingBox());
    main.appendChild(sec);
    const page = await api("/api/documents", { limit: DOC_PAGE, offset });
    if (seq !== renderSeq) return;
    sec.removeChild(sec.lastChild);
    const items = page.items || [];
    if (!items.length) return sec.appendChild(el("p", { class: "muted" }, t("no_results")));
    sec.appendChild(el("table", { class: "table docs" },
      el("thead", null, el("tr", null, el("th", null, t("published")), el("th", null, t("outlet")), el("th", null, t("title_col")), el("th", null, t("events")))),
      el("tbody", null, items.map((d) => el("tr", { data: { docId: d.id } },
        el("td", { dir: "ltr", class: "nowrap" }, clean(d.published || "—")),
        el("td", null, bdi(d.source || "—")),
        el("td", null, link("#/document/" + enc(d.id), bdi(d.title || d.id))),
        el("td", { class: "num" }, num(d.n_events)))))));
    append(sec, [offsetPager(page, "#/documents", {})]);
  }

  async function viewDocument(main, id, seq) {
    main.appendChild(loadingBox());
    const d = await api("/api/documents/" + enc(id));
    if (seq !== renderSeq) return;
    clear(main);
    const rec = d.record || {};
    const events = rec.events || [];
    const spans = [];
    for (const e of events) {
      for (const s of e.evidence || []) spans.push({ start: s.start, end: s.end, cls: "ev" });
      for (const c of e.claims || []) for (const s of c.evidence || []) spans.push({ start: s.start, end: s.end, cls: "claim" });
    }
    main.appendChild(el("p", null, link("#/documents", t("back_arrow") + " " + t("documents"))));
    main.appendChild(el("article", { class: "card report", data: { docId: d.id } },
      el("h1", null, bdi(d.title || d.id)),
      metaLine(d.source, d.published, d.url),
      highlightLegend(),
      el("div", { class: "article" }, articleText(d.text, spans))));
    main.appendChild(el("section", { class: "card" }, el("h2", null, t("extracted"), " ", el("span", { class: "count" }, String(events.length))),
      events.length
        ? el("ol", { class: "ev-list plain" }, events.map((e) => el("li", null,
            el("div", { class: "ev-head" }, typeBadge(e.type), el("span", { class: "ev-date", dir: "ltr" }, dateText(e.date, e.date_precision))),
            el("div", { class: "ev-place" }, bdi(placeText(e.location))),
            el("div", { class: "ev-meta" }, actorLinks(e.actors)))))
        : el("p", { class: "muted" }, t("none")),
      (rec.warnings || []).length ? [el("h3", null, t("warnings")), el("ul", null, rec.warnings.map((w) => el("li", null, bdi(w))))] : null));
  }

  // ---- tolls & search -----------------------------------------------------------------------
  async function viewTolls(main, query, seq) {
    const offset = Math.max(0, parseInt(query.get("offset") || "0", 10) || 0);
    const sec = el("section", { class: "card" }, el("h1", null, t("tolls")), loadingBox());
    main.appendChild(sec);
    const page = await api("/api/tolls", { limit: DOC_PAGE, offset });
    if (seq !== renderSeq) return;
    sec.removeChild(sec.lastChild);
    const items = page.items || [];
    if (!items.length) return sec.appendChild(el("p", { class: "muted" }, t("no_results")));
    sec.appendChild(el("table", { class: "table" },
      el("thead", null, el("tr", null, el("th", null, t("place")), el("th", null, t("killed")), el("th", null, t("injured")), el("th", null, t("as_of")), el("th", null, t("source")), el("th", null, t("document")))),
      el("tbody", null, items.map((r) => el("tr", null,
        el("td", null, bdi(placeText(r.place))),
        el("td", { class: "num" }, num(r.killed)),
        el("td", { class: "num" }, num(r.injured)),
        el("td", { dir: "ltr" }, clean(r.as_of || "—")),
        el("td", null, bdi(r.source || "—")),
        el("td", null, link("#/document/" + enc(r.doc_id), bdi(r.doc_id))))))));
    append(sec, [offsetPager(page, "#/tolls", {})]);
  }

  /** A search snippet: the store marks matched words with [ and ]. */
  function snippet(text) {
    const out = el("bdi");
    const parts = clean(text).split(/(\[[^\[\]]*\])/);
    for (const p of parts) {
      if (p.startsWith("[") && p.endsWith("]") && p.length > 2) out.appendChild(el("mark", { class: "ev" }, p.slice(1, -1)));
      else if (p) out.appendChild(document.createTextNode(p));
    }
    return out;
  }

  async function viewSearch(main, query, seq) {
    const q = query.get("q") || "";
    const sec = el("section", { class: "card" }, el("h1", null, t("search_results", { q: clean(q) })), loadingBox());
    main.appendChild(sec);
    const hits = q ? await api("/api/search", { q, limit: 50 }) : [];
    if (seq !== renderSeq) return;
    sec.removeChild(sec.lastChild);
    const items = Array.isArray(hits) ? hits : hits.items || [];
    if (!items.length) return sec.appendChild(el("p", { class: "muted" }, t("no_results")));
    sec.appendChild(el("ol", { class: "hits" }, items.map((h) => el("li", null,
      el("h3", null, link("#/document/" + enc(h.doc_id), bdi(h.title || h.doc_id))),
      el("p", { class: "snippet", dir: "rtl", lang: "ar" }, snippet(h.snippet))))));
  }

  // ---- router & chrome ----------------------------------------------------------------------
  function parseHash() {
    const h = location.hash.replace(/^#/, "") || "/";
    const qi = h.indexOf("?");
    const path = qi >= 0 ? h.slice(0, qi) : h;
    const parts = path.split("/").filter(Boolean).map((p) => {
      try {
        return decodeURIComponent(p);
      } catch (_) {
        return p;
      }
    });
    return { parts, query: new URLSearchParams(qi >= 0 ? h.slice(qi + 1) : "") };
  }

  function applyChrome() {
    const d = I18N[lang];
    document.documentElement.lang = lang;
    document.documentElement.dir = d.dir;
    document.title = t("title");
    for (const n of document.querySelectorAll("[data-i18n]")) n.textContent = t(n.getAttribute("data-i18n"));
    const q = document.getElementById("search-q");
    if (q) q.placeholder = t("search_placeholder");
    const { parts } = parseHash();
    const section = parts[0] || "";
    for (const a of document.querySelectorAll("nav.main-nav a")) {
      const target = (a.getAttribute("href") || "").replace(/^#\/?/, "");
      a.classList.toggle("active", target === section || (target === "" && (section === "" || section === "event")) ||
        (target === "entities" && section === "entity") || (target === "documents" && section === "document"));
    }
  }

  async function render() {
    const seq = ++renderSeq;
    if (activeMap) {
      activeMap.remove();
      activeMap = null;
    }
    applyChrome();
    const main = document.getElementById("main");
    clear(main);
    const { parts, query } = parseHash();
    try {
      switch (parts[0] || "") {
        case "":
          await viewOverview(main, query, seq);
          break;
        case "event":
          await viewEvent(main, parts[1] || "", seq);
          break;
        case "entities":
          await viewEntities(main, query, seq);
          break;
        case "entity":
          await viewEntity(main, parts[1] || "", seq);
          break;
        case "documents":
          await viewDocuments(main, query, seq);
          break;
        case "document":
          await viewDocument(main, parts[1] || "", seq);
          break;
        case "tolls":
          await viewTolls(main, query, seq);
          break;
        case "search":
          await viewSearch(main, query, seq);
          break;
        default:
          main.appendChild(errorBox({ status: 404, message: location.hash }));
      }
    } catch (err) {
      if (seq !== renderSeq) return;
      clear(main);
      main.appendChild(errorBox(err));
    }
    if (seq === renderSeq) document.body.setAttribute("data-rendered", parts[0] || "overview");
  }

  function init() {
    document.getElementById("lang").addEventListener("click", () => {
      lang = lang === "ar" ? "en" : "ar";
      localStorage.setItem("rasd.lang", lang);
      render();
    });
    document.getElementById("search").addEventListener("submit", (ev) => {
      ev.preventDefault();
      const v = document.getElementById("search-q").value.trim();
      if (v) location.hash = "#/search?q=" + encodeURIComponent(v);
    });
    window.addEventListener("hashchange", render);
    render();
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
