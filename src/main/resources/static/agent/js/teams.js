// Loket werkplek – teams nu: ververst de cijfers zodra er op de live-verbinding iets gebeurt, en anders elke 30 seconden.
// Zonder JavaScript toont de pagina dezelfde cijfers; "Cijfers nu verversen" laadt ze opnieuw.
(function () {
  'use strict';
  var main = document.getElementById('inhoud');
  var figures = document.getElementById('figures');
  if (!main || !figures || !window.fetch || !window.DOMParser) { return; }
  var figuresUrl = main.getAttribute('data-figures-url');
  var streamUrl = main.getAttribute('data-stream-url');
  var updated = document.getElementById('updated');
  var status = document.getElementById('status');
  var FALLBACK_MS = 30000;
  var MIN_GAP_MS = 1000;   // a burst of events gives one refresh a second, not one per event
  var timer = null;
  var busy = false;
  var again = false;
  var last = 0;

  function value(root, id) {
    var el = root.querySelector('#' + id);
    return el ? parseInt(el.getAttribute('data-value'), 10) || 0 : 0;
  }

  function announce(before, after) {
    // Only what the lead must act on is said aloud: more tasks late or nearly late than before.
    var parts = [];
    if (after.breached > before.breached) {
      parts.push(after.breached === 1 ? '1 taak is te laat' : after.breached + ' taken zijn te laat');
    }
    if (after.nearing > before.nearing) {
      parts.push(after.nearing === 1 ? '1 taak is bijna te laat' : after.nearing + ' taken zijn bijna te laat');
    }
    if (parts.length) { status.textContent = 'Let op: ' + parts.join(', ') + '.'; }
  }

  function show(html) {
    var fresh = new DOMParser().parseFromString(html, 'text/html').getElementById('figures');
    if (!fresh) { return; }   // e.g. the login page after the session ended: keep what is shown
    updated.textContent = fresh.getAttribute('data-at');
    if (fresh.innerHTML === figures.innerHTML) { return; }   // nothing changed: leave the reader where they are
    var before = { breached: value(figures, 't-breached'), nearing: value(figures, 't-nearing') };
    var adopted = document.importNode(fresh, true);
    figures.replaceWith(adopted);
    figures = adopted;
    announce(before, { breached: value(figures, 't-breached'), nearing: value(figures, 't-nearing') });
  }

  function refresh() {
    var wait = last + MIN_GAP_MS - Date.now();
    if (busy || wait > 0) {
      again = true;
      if (!busy) { clearTimeout(timer); timer = setTimeout(refresh, wait); }
      return;
    }
    busy = true;
    again = false;
    clearTimeout(timer);
    last = Date.now();
    fetch(figuresUrl, { credentials: 'same-origin', headers: { 'Accept': 'text/html' } })
      .then(function (r) { return r.ok ? r.text() : null; })
      .then(function (html) { if (html) { show(html); } })
      .catch(function () { /* the next event or the fallback tries again */ })
      .then(function () {
        busy = false;
        timer = setTimeout(refresh, again ? Math.max(0, last + MIN_GAP_MS - Date.now()) : FALLBACK_MS);
      });
  }

  // Live: a task appears or changes, or an agent's status changes; the 30-second look stays as the fallback.
  if (streamUrl && window.EventSource) {
    var live = new EventSource(streamUrl);
    var opened = false;
    live.addEventListener('task', refresh);
    live.addEventListener('status', refresh);
    live.addEventListener('open', function () {
      // After a lost connection, catch up on what happened meanwhile.
      if (opened) { refresh(); }
      opened = true;
    });
  }
  timer = setTimeout(refresh, FALLBACK_MS);
}());
