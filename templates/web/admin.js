// Live progress on the operator's pages: every two seconds, the figures of each campaign shown.
// Without this script the page refreshes itself (a <meta> inside <noscript>).
(function () {
  'use strict';
  var rows = document.querySelectorAll('[data-campaign]');
  if (!rows.length) return;
  function update(list) {
    var byId = {};
    list.forEach(function (c) { byId[c.id] = c; });
    rows.forEach(function (row) {
      var c = byId[row.getAttribute('data-campaign')];
      if (!c) return;
      row.querySelectorAll('[data-field]').forEach(function (el) {
        var f = el.getAttribute('data-field');
        if (f === 'progress') { el.value = c.percent; return; }
        if (!(f in c)) return;
        el.textContent = String(c[f]);
        if (f === 'status') el.className = 'status status-' + c.status;
      });
    });
  }
  function poll() {
    fetch('/admin/progress.json', { credentials: 'same-origin', cache: 'no-store' })
      .then(function (r) { return r.ok ? r.json() : []; })
      .then(update)
      .catch(function () { /* the next poll tries again */ })
      .then(function () { setTimeout(poll, 2000); });
  }
  setTimeout(poll, 2000);
}());
