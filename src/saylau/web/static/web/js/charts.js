/* Draws the charts of the dashboards and the portal with Chart.js (web/vendor/chartjs).
 *
 * Each <figure data-chart="ID"> holds a canvas and a JSON block (id ID, written by
 * Django's json_script) shaped by saylau.web.charts: {kind, labels, series,
 * percent, x, y, number: {group, decimal}}, or a list of such charts with a
 * <select data-chart-select> to pick one. Titles and labels come from the server
 * in the page's language; numbers are written in that language's style. The same
 * figures are in the table under each chart (its text alternative). */
(function () {
  "use strict";

  // Okabe-Ito: told apart with the common colour-vision deficiencies
  var COLOURS = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"];

  function group(digits, separator) {
    return digits.replace(/\B(?=(\d{3})+(?!\d))/g, separator);
  }

  function formatter(spec) {
    var style = spec.number || { group: ",", decimal: "." };
    function number(value) {
      if (value === null || value === undefined || isNaN(value)) return "–";
      var negative = value < 0;
      var text = group(String(Math.round(Math.abs(value))), style.group);
      return (negative ? "−" : "") + text;
    }
    function percent(value, digits) {
      if (value === null || value === undefined || isNaN(value)) return "–";
      var text = (100 * value).toFixed(digits === undefined ? 1 : digits).replace(".", style.decimal);
      return text + "\u00a0%";
    }
    return { number: number, percent: percent, value: spec.percent ? percent : number };
  }

  function xLabels(spec, fmt) {
    if (!spec.bands) return spec.labels;
    return spec.labels.map(function (low) {
      return fmt.percent(low, 0) + "–" + fmt.percent(Math.min(1, low + spec.band), 0);
    });
  }

  // error bars for "intervals": a vertical line from low to high on each bar, with caps
  var intervalsPlugin = {
    id: "saylauIntervals",
    afterDatasetsDraw: function (chart) {
      var spec = chart.options.plugins.saylauIntervals;
      if (!spec) return;
      var ctx = chart.ctx;
      var scale = chart.scales.y;
      chart.data.datasets.forEach(function (dataset, d) {
        var series = spec.series[d];
        if (!series || !series.low) return;
        chart.getDatasetMeta(d).data.forEach(function (bar, i) {
          var low = series.low[i], high = series.high[i];
          if (low === null || high === null || low === undefined) return;
          var x = bar.x, top = scale.getPixelForValue(high), bottom = scale.getPixelForValue(low);
          ctx.save();
          ctx.strokeStyle = "#1b1b1b";
          ctx.lineWidth = 1.5;
          ctx.beginPath();
          ctx.moveTo(x, top); ctx.lineTo(x, bottom);
          ctx.moveTo(x - 4, top); ctx.lineTo(x + 4, top);
          ctx.moveTo(x - 4, bottom); ctx.lineTo(x + 4, bottom);
          ctx.stroke();
          ctx.restore();
        });
      });
    }
  };

  function datasets(spec) {
    if (spec.kind === "scatter") {
      var fmtN = formatter(spec).number;
      return spec.series.map(function (s, i) {
        var colour = i === 0 ? COLOURS[0] : "#a0a0a0";
        return { label: s.label + " (" + fmtN(s.points.length) + ")", data: s.points, pointRadius: 1.6,
                 backgroundColor: colour, borderColor: colour, pointHoverRadius: 3 };
      });
    }
    if (spec.kind === "convergence") {
      var main = spec.series[0], out = [];
      out.push({ label: main.label + " (−)", data: main.low, borderWidth: 0, pointRadius: 0, fill: false,
                 borderColor: "rgba(0,114,178,0.2)", interval: true });
      out.push({ label: main.label + " (+)", data: main.high, borderWidth: 0, pointRadius: 0, fill: "-1",
                 backgroundColor: "rgba(0,114,178,0.18)", borderColor: "rgba(0,114,178,0.2)", interval: true });
      out.push({ label: main.label, data: main.values, borderColor: COLOURS[0], backgroundColor: COLOURS[0],
                 pointRadius: 3, fill: false });
      spec.series.slice(1).forEach(function (s) {
        out.push({ label: s.label, data: s.values, borderColor: COLOURS[5], borderDash: [6, 4], pointRadius: 0,
                   fill: false, backgroundColor: COLOURS[5] });
      });
      return out;
    }
    return spec.series.map(function (s, i) {
      var colour = COLOURS[i % COLOURS.length];
      return { label: s.label, data: s.values, backgroundColor: colour, borderColor: colour,
               barPercentage: spec.bands ? 1 : 0.9, categoryPercentage: spec.bands ? 1 : 0.8 };
    });
  }

  function span(scale) {
    return Math.abs((scale.max || 0) - (scale.min || 0));
  }

  function scatterConfig(spec, lang) {
    var fmt = formatter(spec);
    function degrees(v) { return fmt.percent(v / 100, 0).replace("\u00a0%", "°"); }
    return {
      type: "scatter",
      data: { datasets: datasets(spec) },
      options: {
        locale: lang, responsive: true, maintainAspectRatio: true, aspectRatio: 1.9, animation: false,
        scales: {
          x: { type: "linear", title: { display: true, text: spec.x }, ticks: { callback: degrees } },
          y: { type: "linear", title: { display: true, text: spec.y }, ticks: { callback: degrees } }
        },
        plugins: { tooltip: { enabled: false } }
      }
    };
  }

  function config(spec, lang) {
    if (spec.kind === "scatter") return scatterConfig(spec, lang);
    var fmt = formatter(spec);
    var stacked = spec.kind === "stacked";
    var horizontal = !!spec.horizontal;
    var valueAxis = horizontal ? "x" : "y", categoryAxis = horizontal ? "y" : "x";
    var scales = {};
    scales[categoryAxis] = { stacked: stacked, title: { display: !!(horizontal ? spec.y : spec.x), text: horizontal ? spec.y : spec.x } };
    scales[valueAxis] = {
      stacked: stacked, beginAtZero: true, title: { display: !!(horizontal ? spec.x : spec.y), text: horizontal ? spec.x : spec.y },
      ticks: { precision: spec.percent ? undefined : 0,
               callback: function (v) { return spec.percent ? fmt.percent(v, span(this) < 0.1 ? 1 : 0) : fmt.number(v); } }
    };
    scales[categoryAxis].ticks = { autoSkip: !horizontal };
    if (spec.percent && (stacked || spec.kind === "bar")) scales[valueAxis].max = 1;
    if (spec.kind === "convergence") scales[valueAxis].beginAtZero = false;
    var intervalSeries = spec.kind === "intervals" ? spec.series : null;
    return {
      type: spec.kind === "convergence" ? "line" : "bar",
      data: { labels: xLabels(spec, fmt), datasets: datasets(spec) },
      options: {
        locale: lang, responsive: true, maintainAspectRatio: false, animation: false,
        indexAxis: horizontal ? "y" : "x",
        scales: scales,
        plugins: {
          saylauIntervals: intervalSeries ? { series: intervalSeries } : false,
          legend: {
            display: spec.series.length > 1 || spec.kind === "convergence",
            labels: { filter: function (item, data) { return !data.datasets[item.datasetIndex].interval; } }
          },
          tooltip: {
            filter: function (item) { return !item.dataset.interval; },
            callbacks: {
              label: function (item) {
                var text = item.dataset.label + ": " + fmt.value(item.raw);
                var series = intervalSeries ? intervalSeries[item.datasetIndex] : (spec.kind === "convergence" && item.datasetIndex === 2 ? spec.series[0] : null);
                if (series && series.low && series.low[item.dataIndex] !== null) {
                  text += " (" + fmt.percent(series.low[item.dataIndex]) + "–" + fmt.percent(series.high[item.dataIndex]) + ")";
                }
                return text;
              }
            }
          }
        }
      },
      plugins: intervalSeries ? [intervalsPlugin] : []
    };
  }

  function draw(figure) {
    var block = document.getElementById(figure.getAttribute("data-chart"));
    var canvas = figure.querySelector("canvas");
    if (!block || !canvas || typeof Chart === "undefined") return;
    var data = JSON.parse(block.textContent);
    var lang = document.documentElement.lang || "en";
    var specs = Array.isArray(data) ? data : [data];
    var box = figure.querySelector(".chart-box");
    var chart = null;
    function show(index) {
      if (chart) chart.destroy();
      if (specs[index].kind === "scatter" && box) box.style.height = "auto";
      if (specs[index].horizontal && box) {  // a bar a row, whatever the number of rows
        box.style.height = Math.max(240, 26 * specs[index].labels.length + 90) + "px";
      }
      chart = new Chart(canvas, config(specs[index], lang));
      figure.setAttribute("data-drawn", String(index));
    }
    var select = figure.querySelector("[data-chart-select]");
    if (select) select.addEventListener("change", function () { show(Number(select.value)); });
    if (specs.length) show(0);
  }

  function start() {
    Array.prototype.forEach.call(document.querySelectorAll("figure[data-chart]"), draw);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
