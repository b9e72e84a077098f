/* The media coder's page: a stopwatch that measures an item's duration, and checks
   that run as the coder goes (the server checks everything again on saving). */
(function () {
  "use strict";
  var form = document.getElementById("coding");
  if (!form) { return; }
  var amount = document.getElementById("amount");
  var shown = document.getElementById("elapsed");
  var start = document.getElementById("sw-start");
  var stop = document.getElementById("sw-stop");
  var reset = document.getElementById("sw-reset");
  var began = null;
  var timer = null;
  var touched = {};

  function clock(seconds) {
    var m = Math.floor(seconds / 60);
    var s = seconds % 60;
    return m + ":" + (s < 10 ? "0" : "") + s;
  }
  function elapsed() { return Math.round((Date.now() - began) / 1000); }

  start.addEventListener("click", function () {
    began = Date.now();
    start.disabled = true;
    stop.disabled = false;
    timer = window.setInterval(function () { shown.textContent = clock(elapsed()); }, 200);
  });
  stop.addEventListener("click", function () {
    if (began === null) { return; }
    window.clearInterval(timer);
    var seconds = Math.max(1, elapsed());
    shown.textContent = clock(seconds);
    amount.value = String(seconds);
    began = null;
    start.disabled = false;
    stop.disabled = true;
    touched.amount = true;
    check();
  });
  reset.addEventListener("click", function () {
    window.clearInterval(timer);
    began = null;
    shown.textContent = clock(0);
    start.disabled = false;
    stop.disabled = true;
  });

  function value(name) {
    var field = form.elements[name];
    return field ? String(field.value || "").trim() : "";
  }
  function problems() {
    var out = {};
    var required = form.dataset.required;
    ["outlet", "date", "time", "programme", "subject", "tone", "language"].forEach(function (name) {
      if (!value(name)) { out[name] = required; }
    });
    var n = value("amount");
    if (!/^[0-9]+$/.test(n) || parseInt(n, 10) < 1) { out.amount = form.dataset.needAmount; }
    var subject = value("subject");
    if (subject === "candidate" && !value("candidate")) { out.candidate = form.dataset.needCandidate; }
    if (subject === "party" && !value("party")) { out.party = form.dataset.needParty; }
    if ((subject === "administration" || subject === "other") && (value("candidate") || value("party"))) {
      out[value("candidate") ? "candidate" : "party"] = form.dataset.needBlank;
    }
    return out;
  }
  function check(all) {
    var found = problems();
    form.querySelectorAll("p.error[data-for]").forEach(function (p) {
      var name = p.getAttribute("data-for");
      if (all || touched[name]) {
        p.textContent = found[name] || "";
        var field = form.elements[name];
        if (field && field.setAttribute) { field.setAttribute("aria-invalid", found[name] ? "true" : "false"); }
      }
    });
    return Object.keys(found).length === 0;
  }
  form.addEventListener("input", function (event) {
    if (event.target.name) { touched[event.target.name] = true; }
    if (event.target.name === "subject") { touched.candidate = true; touched.party = true; }
    check();
  });
  form.addEventListener("change", function (event) {
    if (event.target.name) { touched[event.target.name] = true; }
    check();
  });
  form.addEventListener("submit", function (event) {
    if (!check(true)) {
      event.preventDefault();
      var first = form.querySelector("[aria-invalid='true']");
      if (first) { first.focus(); }
    }
  });
})();
