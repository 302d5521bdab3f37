// Dashboard charts (Chart.js). Data comes from a json_script element; every chart has a table beside it.
(function () {
  const el = document.getElementById("dashboard-data");
  if (!el || typeof Chart === "undefined") return;
  const d = JSON.parse(el.textContent);
  Chart.defaults.font.family = getComputedStyle(document.body).fontFamily;
  Chart.defaults.animation = false;
  const nl = (v) => (v === null || v === undefined ? "" : Number(v).toLocaleString("nl-NL"));
  const common = { responsive: true, maintainAspectRatio: false, plugins: { tooltip: { callbacks: { label: (c) => `${c.dataset.label}: ${nl(c.parsed.y)}` } } } };

  const caseload = document.getElementById("chart-caseload");
  if (caseload) {
    const datasets = [{ label: "Lopende uitkeringen", data: d.active, borderColor: "#0b4f8a", backgroundColor: "#0b4f8a", tension: 0.2, pointRadius: 0 }];
    if (d.target.some((v) => v !== null)) {
      datasets.push({ label: "Doelstelling", data: d.target, borderColor: "#c0392b", borderDash: [6, 4], pointRadius: 0, stepped: true, spanGaps: false });
    }
    new Chart(caseload, { type: "line", data: { labels: d.labels, datasets }, options: { ...common, scales: { y: { beginAtZero: false } } } });
  }
  const flow = document.getElementById("chart-flow");
  if (flow) {
    new Chart(flow, { type: "bar", data: { labels: d.labels, datasets: [
      { label: "Instroom", data: d.instroom, backgroundColor: "#1e7a3c" },
      { label: "Uitstroom", data: d.uitstroom, backgroundColor: "#8a5a00" },
    ] }, options: common });
  }
  const groups = document.getElementById("chart-groups");
  if (groups) {
    new Chart(groups, { type: "bar", data: { labels: d.groupLabels.map((g) => (g === "geen groep" ? g : `groep ${g}`)), datasets: [
      { label: "Lopende dossiers", data: d.groups, backgroundColor: "#0b4f8a" },
    ] }, options: { ...common, plugins: { ...common.plugins, legend: { display: false } } } });
  }
  const tp = document.getElementById("chart-tp");
  if (tp) {
    new Chart(tp, { type: "bar", data: { labels: d.tpLabels, datasets: [
      { label: "Uren", data: d.tpHours, backgroundColor: "#0b4f8a", yAxisID: "y" },
      { label: "Actieve plaatsingen", data: d.tpPlacements, type: "line", borderColor: "#c0392b", yAxisID: "y1", pointRadius: 0 },
    ] }, options: { ...common, scales: { y: { position: "left" }, y1: { position: "right", grid: { drawOnChartArea: false } } } } });
  }
})();
