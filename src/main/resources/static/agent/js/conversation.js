// Loket werkplek – gesprek: sms-teller, artikelen invoegen, nieuwe berichten en bezorgstatus live.
(function () {
  'use strict';

  // Same rules as nl.loket.platform.text.SmsSegments (GSM 03.38; UCS-2 when one character falls outside).
  var GSM7_BASIC = '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?' +
    '¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
  var GSM7_EXTENSION = '^{}\\[~]|€\f';

  function isGsm7(s) {
    for (var i = 0; i < s.length; i++) {
      var c = s.charAt(i);
      if (GSM7_BASIC.indexOf(c) < 0 && GSM7_EXTENSION.indexOf(c) < 0) { return false; }
    }
    return true;
  }

  function septets(c) { return GSM7_EXTENSION.indexOf(c) >= 0 ? 2 : 1; }

  function countSms(s) {
    if (isGsm7(s)) {
      var units = 0, i;
      for (i = 0; i < s.length; i++) { units += septets(s.charAt(i)); }
      var segments = 0;
      if (units > 0 && units <= 160) { segments = 1; }
      else if (units > 160) {
        segments = 1;
        var used = 0;
        for (i = 0; i < s.length; i++) {
          var size = septets(s.charAt(i));
          if (used + size > 153) { segments++; used = 0; }
          used += size;
        }
      }
      return { encoding: 'GSM-7', units: units, segments: segments };
    }
    var ucsSegments = 0;
    if (s.length > 0 && s.length <= 70) { ucsSegments = 1; }
    else if (s.length > 70) {
      ucsSegments = 1;
      var usedUnits = 0;
      for (var j = 0; j < s.length;) {
        var cp = s.codePointAt(j);
        var n = cp > 0xFFFF ? 2 : 1;
        if (usedUnits + n > 67) { ucsSegments++; usedUnits = 0; }
        usedUnits += n;
        j += n;
      }
    }
    return { encoding: 'UCS-2', units: s.length, segments: ucsSegments };
  }
  window.loketSmsSegments = countSms;

  var status = document.getElementById('status');
  function announce(text) { if (status) { status.textContent = text; } }

  var reply = document.getElementById('reply');
  var counter = document.getElementById('reply-counter');
  function updateCounter() {
    if (!reply || !counter) { return; }
    var c = countSms(reply.value);
    counter.textContent = c.units + (c.encoding === 'GSM-7' ? ' tekens' : ' tekens (bijzondere tekens)') + ', ' +
      c.segments + (c.segments === 1 ? ' sms' : ' sms-delen') + ' (' + c.encoding + ', ' +
      (c.encoding === 'GSM-7' ? '160 per sms, 153 per deel' : '70 per sms, 67 per deel') + ')';
  }
  if (reply && counter) {
    reply.addEventListener('input', updateCounter);
    updateCounter();
  }

  document.querySelectorAll('.lk-insert').forEach(function (button) {
    button.addEventListener('click', function () {
      if (!reply) { return; }
      var text = button.getAttribute('data-insert') || '';
      reply.value = reply.value ? reply.value.replace(/\s+$/, '') + '\n\n' + text : text;
      updateCounter();
      reply.focus();
      announce(button.getAttribute('data-announce') || 'Artikel ingevoegd in uw antwoord.');
    });
  });

  var main = document.getElementById('inhoud');
  var transcript = document.getElementById('transcript');
  var taskStatus = document.getElementById('task-status');
  var updatesUrl = main ? main.getAttribute('data-updates-url') : null;
  var known = main ? parseInt(main.getAttribute('data-count') || '0', 10) : 0;

  function el(tag, className, text) {
    var e = document.createElement(tag);
    if (className) { e.className = className; }
    if (text !== undefined && text !== null) { e.textContent = text; }
    return e;
  }

  function deliveryNode(code, label) {
    var span = el('span', 'lk-delivery lk-delivery--' + code.toLowerCase());
    span.setAttribute('data-delivery', code);
    span.appendChild(document.createTextNode('Bezorging: '));
    span.appendChild(el('span', 'lk-delivery__label', label));
    span.appendChild(document.createTextNode(' ('));
    span.appendChild(el('span', 'lk-delivery__code', code));
    span.appendChild(document.createTextNode(')'));
    return span;
  }

  function messageNode(m) {
    var li = el('li', 'lk-msg lk-msg--' + m.authorRole);
    li.setAttribute('data-message-id', m.id);
    var meta = el('p', 'lk-msg__meta');
    meta.appendChild(el('strong', 'lk-msg__author', m.author));
    meta.appendChild(document.createTextNode(' '));
    meta.appendChild(el('span', 'lk-msg__channel', m.channel));
    meta.appendChild(document.createTextNode(' '));
    var time = el('time', null, m.time);
    time.title = m.dateTime;
    meta.appendChild(time);
    if (m.delivery) { meta.appendChild(document.createTextNode(' ')); meta.appendChild(deliveryNode(m.delivery, m.deliveryLabel)); }
    li.appendChild(meta);
    li.appendChild(el('p', 'lk-msg__text lk-pre', m.text));
    if (m.spoken && m.spoken.length) {
      var ul = el('ul', 'lk-spoken');
      m.spoken.forEach(function (s) {
        var item = el('li');
        item.appendChild(el('strong', null, s.speaker));
        item.appendChild(document.createTextNode(' ' + s.time + ': ' + s.text));
        ul.appendChild(item);
      });
      li.appendChild(ul);
    }
    return li;
  }

  function apply(u) {
    u.deliveries.forEach(function (d) {
      var li = transcript.querySelector('li[data-message-id="' + CSS.escape(d.id) + '"]');
      var span = li ? li.querySelector('.lk-delivery') : null;
      if (span && span.getAttribute('data-delivery') !== d.delivery) {
        span.replaceWith(deliveryNode(d.delivery, d.deliveryLabel));
        if (d.delivery === 'FAILED') { announce('Versturen van een antwoord is mislukt.'); }
      }
    });
    var fromResident = 0;
    u.messages.forEach(function (m) {
      transcript.appendChild(messageNode(m));
      if (m.authorRole === 'resident') { fromResident++; }
    });
    known = u.total;
    if (fromResident > 0) {
      announce(fromResident === 1 ? 'Nieuw bericht van de inwoner.' : fromResident + ' nieuwe berichten van de inwoner.');
    }
    if (taskStatus && u.statusLabel && taskStatus.textContent.indexOf(u.statusLabel) !== 0 && u.status !== 'CLOSED') {
      taskStatus.textContent = u.statusLabel;
    }
  }

  function poll() {
    fetch(updatesUrl + '?after=' + known, { credentials: 'same-origin', headers: { 'Accept': 'application/json' } })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (u) { if (u) { apply(u); } })
      .catch(function () { /* volgende poging over 5 seconden */ });
  }

  // "Medewerker typt…" in the resident's chat: at most one signal per 3 seconds while the agent types.
  var typingUrl = main ? main.getAttribute('data-typing-url') : null;
  var csrfMeta = document.querySelector('meta[name="_csrf"]');
  var csrfParamMeta = document.querySelector('meta[name="_csrf_parameter"]');
  var lastTyping = 0;
  if (reply && typingUrl && csrfMeta && csrfParamMeta) {
    reply.addEventListener('input', function () {
      var now = Date.now();
      if (now - lastTyping < 3000) { return; }
      lastTyping = now;
      var body = new URLSearchParams();
      body.append(csrfParamMeta.getAttribute('content'), csrfMeta.getAttribute('content'));
      fetch(typingUrl, { method: 'POST', credentials: 'same-origin', body: body }).catch(function () { /* only a hint */ });
    });
  }

  if (updatesUrl && transcript) {
    // Live: a message from the resident or a change to the task arrives at once; polling stays as the fallback.
    var streamUrl = main.getAttribute('data-stream-url');
    if (streamUrl && window.EventSource) {
      var live = new EventSource(streamUrl);
      live.addEventListener('message', poll);
      live.addEventListener('task', poll);
    }
    setInterval(poll, 5000);
  }
}());
