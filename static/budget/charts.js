// BUIG charts (Chart.js 4, vendored). Data comes from {{ chart|json_script:"budget-chart-data" }}:
// amounts as decimal strings, labels already formatted in Dutch by the server. No inline scripts (CSP).
(function () {
  "use strict";

  const euro = new Intl.NumberFormat("nl-NL", { style: "currency", currency: "EUR", maximumFractionDigits: 0 });
  const millions = (value) =>
    "€ " + (Number(value) / 1e6).toLocaleString("nl-NL", { minimumFractionDigits: 1, maximumFractionDigits: 1 }) + " mln";
  const BRAND = "#0b4f8a";
  const MUTED = "#4f5b6b";
  const ACCENT = "#c0392b";
  const OK = "#1e7a3c";

  // Draws the pre-formatted % change above each point of the timeline.
  const changeLabels = {
    id: "changeLabels",
    afterDatasetsDraw(chart, _args, options) {
      const labels = options && options.labels;
      if (!labels) return;
      const { ctx } = chart;
      const meta = chart.getDatasetMeta(0);
      ctx.save();
      ctx.font = "600 12px system-ui, sans-serif";
      ctx.textAlign = "center";
      meta.data.forEach((point, index) => {
        const text = labels[index];
        if (!text) return;
        const down = text.startsWith("-");
        ctx.fillStyle = down ? ACCENT : OK;
        // a fall is labelled below its point, a rise above it, so the label never sits on the line
        ctx.fillText(text, point.x, down ? point.y + 20 : point.y - 12);
      });
      ctx.restore();
    },
  };

  function timelineChart(canvas, points) {
    return new Chart(canvas, {
      type: "line",
      data: {
        labels: points.map((p) => p.label),
        datasets: [
          {
            label: "BUIG-budget",
            data: points.map((p) => p.amount),
            borderColor: BRAND,
            backgroundColor: BRAND,
            pointRadius: 5,
            tension: 0,
          },
        ],
      },
      options: {
        maintainAspectRatio: false,
        animation: false,
        layout: { padding: { top: 24, right: 32, left: 8, bottom: 8 } },
        plugins: {
          legend: { display: false },
          changeLabels: { labels: points.map((p) => p.change_label) },
          tooltip: {
            callbacks: {
              label: (item) => {
                const p = points[item.dataIndex];
                return p.amount_label + (p.change_label ? " (" + p.change_label + ")" : "");
              },
            },
          },
        },
        scales: { y: { ticks: { callback: millions } } },
      },
      plugins: [changeLabels],
    });
  }

  function realisationChart(canvas, data) {
    const datasets = [
      { label: "Realisatie cumulatief", data: data.realised, borderColor: BRAND, backgroundColor: BRAND, spanGaps: false },
      { label: "Budget cumulatief", data: data.budget, borderColor: MUTED, borderDash: [6, 4], pointRadius: 0 },
    ];
    if (data.forecast) {
      datasets.push({ label: "Prognose (realisatie doorgetrokken)", data: data.forecast, borderColor: ACCENT, borderDash: [2, 3], pointRadius: 0 });
    }
    return new Chart(canvas, {
      type: "line",
      data: { labels: data.labels, datasets },
      options: {
        maintainAspectRatio: false,
        animation: false,
        plugins: { tooltip: { callbacks: { label: (item) => item.dataset.label + ": " + euro.format(item.raw) } } },
        scales: { y: { ticks: { callback: millions } } },
      },
    });
  }

  function forecastChart(canvas, data) {
    const datasets = [{ label: "Verwachte lasten", data: data.lasten, backgroundColor: BRAND }];
    if (data.budget) {
      datasets.push({ label: "Budget", data: data.labels.map(() => data.budget), backgroundColor: "#9db4cc" });
    }
    return new Chart(canvas, {
      type: "bar",
      data: { labels: data.labels, datasets },
      options: {
        maintainAspectRatio: false,
        animation: false,
        plugins: { tooltip: { callbacks: { label: (item) => item.dataset.label + ": " + euro.format(item.raw) } } },
        scales: { y: { ticks: { callback: millions } } },
      },
    });
  }

  document.addEventListener("DOMContentLoaded", () => {
    const source = document.getElementById("budget-chart-data");
    if (!source || typeof Chart === "undefined") return;
    const data = JSON.parse(source.textContent);
    const timeline = document.getElementById("timeline-chart");
    if (timeline && data.timeline && data.timeline.length) timelineChart(timeline, data.timeline);
    const realisation = document.getElementById("realisation-chart");
    if (realisation && data.realisation) realisationChart(realisation, data.realisation);
    const forecast = document.getElementById("forecast-chart");
    if (forecast && data.forecast && data.forecast.labels.length) forecastChart(forecast, data.forecast);
    window.budgetCharts = Chart.instances;
  });
})();
