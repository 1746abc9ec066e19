// Loket werkplek – wachtrij: ververst de tabel elke 5 seconden zonder de focus kwijt te raken.
(function () {
  'use strict';
  var table = document.getElementById('queue');
  if (!table) { return; }
  var body = document.getElementById('queue-rows');
  var pollUrl = table.getAttribute('data-poll-url');
  var taskUrl = table.getAttribute('data-task-url');
  var csrfMeta = document.querySelector('meta[name="_csrf"]');
  var csrfParamMeta = document.querySelector('meta[name="_csrf_parameter"]');
  var status = document.getElementById('status');
  var count = document.getElementById('queue-count');
  var lastSignature = signatureOfPage();

  function signatureOfPage() {
    var ids = [];
    body.querySelectorAll('tr[data-task-id]').forEach(function (tr) {
      var claim = tr.querySelector('.lk-claim');
      ids.push(tr.getAttribute('data-task-id') + (claim ? ':W' : ':C'));
    });
    return ids.join(',');
  }

  function el(tag, className, text) {
    var e = document.createElement(tag);
    if (className) { e.className = className; }
    if (text !== undefined && text !== null) { e.textContent = text; }
    return e;
  }

  function cell(tr, text, icon) {
    var td = el('td');
    if (icon) {
      var i = el('span', 'lk-icon', icon + ' ');
      i.setAttribute('aria-hidden', 'true');
      td.appendChild(i);
    }
    td.appendChild(el('span', null, text));
    tr.appendChild(td);
    return td;
  }

  function row(t) {
    var tr = el('tr');
    tr.setAttribute('data-task-id', t.id);
    tr.className = 'lk-priority--' + t.priority.toLowerCase();
    var td = el('td');
    td.appendChild(el('span', 'lk-badge lk-badge--' + t.priority.toLowerCase(), t.priorityLabel));
    tr.appendChild(td);
    cell(tr, t.waiting);
    cell(tr, t.reasonLabel);
    cell(tr, t.languageLabel);
    cell(tr, t.relayLabel, t.relay ? '⇄' : null);
    cell(tr, t.channelLabel, t.channelIcon);
    cell(tr, t.reference);
    cell(tr, t.statusLabel);
    var action = el('td');
    var hidden = el('span', 'lk-visually-hidden', ' ' + t.reference);
    if (t.status === 'WAITING') {
      var form = el('form', 'lk-inline-form');
      form.method = 'post';
      form.action = taskUrl + encodeURIComponent(t.id) + '/claim';
      if (csrfMeta && csrfParamMeta) {
        var input = el('input');
        input.type = 'hidden';
        input.name = csrfParamMeta.getAttribute('content');
        input.value = csrfMeta.getAttribute('content');
        form.appendChild(input);
      }
      var button = el('button', 'lk-button lk-button--secondary lk-claim', 'Pak op');
      button.type = 'submit';
      button.setAttribute('data-focus-key', 'claim-' + t.id);
      button.appendChild(hidden);
      form.appendChild(button);
      action.appendChild(form);
    } else {
      var a = el('a', 'lk-link', 'Open');
      a.href = taskUrl + encodeURIComponent(t.id);
      a.setAttribute('data-focus-key', 'open-' + t.id);
      a.appendChild(hidden);
      action.appendChild(a);
    }
    tr.appendChild(action);
    return tr;
  }

  // The task offered to this agent: shown with Aannemen / Afwijzen, announced once, focus left where it is.
  var offer = document.getElementById('offer');
  function renderOffer(o) {
    if (!offer) { return; }
    var shown = offer.getAttribute('data-offer-id') || '';
    if (!o) {
      if (shown) {
        offer.hidden = true;
        offer.setAttribute('data-offer-id', '');
        if (offer.contains(document.activeElement)) { document.getElementById('next-task').focus(); }
      }
      return;
    }
    var base = offer.getAttribute('data-accept-url') + encodeURIComponent(o.id) + '/offer/';
    document.getElementById('offer-accept').action = base + 'accept';
    document.getElementById('offer-decline').action = base + 'decline';
    var text = document.getElementById('offer-text');
    text.replaceChildren(document.createTextNode('Taak '), el('strong', null, o.reference),
      document.createTextNode(' (' + o.priorityLabel + ', team ' + o.teamTitle + ') wordt u aangeboden tot ' + o.until + '.'));
    offer.hidden = false;
    if (shown !== o.id) {
      offer.setAttribute('data-offer-id', o.id);
      status.textContent = 'Taak ' + o.reference + ' wordt u aangeboden. Aannemen of afwijzen staat boven de wachtrij.';
    }
  }

  // The agent's own status as the server has it: Loket may have set them to Afwezig after offers lapsed.
  var statusChoice = document.getElementById('status-choice');
  var statusNote = document.getElementById('status-note');
  function renderStatus(agentStatus, note) {
    if (statusChoice && document.activeElement !== statusChoice && statusChoice.value !== agentStatus) {
      statusChoice.value = agentStatus;
    }
    if (!statusNote) { return; }
    var before = statusNote.hidden ? '' : statusNote.textContent;
    statusNote.textContent = note || '';
    statusNote.hidden = !note;
    if (note && note !== before) { status.textContent = note; }
  }

  function render(queue) {
    renderOffer(queue.offer);
    renderStatus(queue.agentStatus, queue.agentStatusNote);
    var signature = queue.tasks.map(function (t) { return t.id + (t.status === 'WAITING' ? ':W' : ':C'); }).join(',');
    count.textContent = queue.waiting + ' wachtend, ' + queue.claimed + ' opgepakt';
    if (signature === lastSignature) {
      // Same tasks: only the waiting times and status texts change, focus stays where it is.
      queue.tasks.forEach(function (t) {
        var tr = body.querySelector('tr[data-task-id="' + CSS.escape(t.id) + '"]');
        if (tr) {
          tr.children[1].textContent = t.waiting;
          tr.children[7].textContent = t.statusLabel;
        }
      });
      return;
    }
    var focused = document.activeElement;
    var focusKey = focused && body.contains(focused) ? focused.getAttribute('data-focus-key') : null;
    var fragment = document.createDocumentFragment();
    if (queue.tasks.length === 0) {
      var empty = el('tr', 'lk-empty');
      var td = el('td', null, 'Er wachten geen taken.');
      td.colSpan = 9;
      empty.appendChild(td);
      fragment.appendChild(empty);
    }
    queue.tasks.forEach(function (t) { fragment.appendChild(row(t)); });
    body.replaceChildren(fragment);
    if (focusKey) {
      var again = body.querySelector('[data-focus-key="' + CSS.escape(focusKey) + '"]')
        || body.querySelector('[data-focus-key="open-' + CSS.escape(focusKey.replace(/^claim-/, '')) + '"]');
      if (again) { again.focus(); } else { document.getElementById('next-task').focus(); }
    }
    var added = queue.tasks.length - lastSignature.split(',').filter(Boolean).length;
    if (added > 0) {
      status.textContent = added === 1 ? 'Er is 1 nieuwe taak.' : 'Er zijn ' + added + ' nieuwe taken.';
    }
    lastSignature = signature;
  }

  function poll() {
    fetch(pollUrl, { credentials: 'same-origin', headers: { 'Accept': 'application/json' } })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (queue) { if (queue) { render(queue); } })
      .catch(function () { /* volgende poging over 5 seconden */ });
  }

  // Live: the server says when a task of this agent's queues appears or changes; polling stays as the fallback.
  var streamUrl = table.getAttribute('data-stream-url');
  if (streamUrl && window.EventSource) {
    var source = new EventSource(streamUrl);
    source.addEventListener('task', poll);
    source.addEventListener('offer', poll);
    source.addEventListener('offer-ended', poll);
    source.addEventListener('status', poll);
  }
  setInterval(poll, 5000);
}());
