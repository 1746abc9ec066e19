/* @license EUPL-1.2 — Loket chat page. No framework, no external code.
 * Safety: every text from the resident, the assistant or an agent is shown with textContent,
 * never as HTML; links come only from reply.sources[].url and only when they are http(s). */
(function () {
  'use strict';
  var KEY = 'loket.chat';
  var POLL_MS = 4000;
  /** With a live stream open the page still looks now and then, in case a notice was lost. */
  var LIVE_POLL_MS = 30000;
  /** "Medewerker typt…" goes off by itself after a few seconds; look again just after. */
  var TYPING_RECHECK_MS = 6500;
  var body = document.body;
  var TEXTS = JSON.parse(body.getAttribute('data-texts'));
  var embed = body.getAttribute('data-embed') === 'true';
  var $ = function (id) { return document.getElementById(id); };
  var log = $('log'), status = $('status'), input = $('chat-input'), form = $('chat-form');
  var state = load();
  var lang = state.lang || body.getAttribute('data-lang') || 'nl';
  var busy = false, pollTimer = null, seen = {};
  var live = false, listening = false, lastPoll = 0, typingTimer = null;

  function load() {
    try { return JSON.parse(sessionStorage.getItem(KEY)) || {}; } catch (e) { return {}; }
  }
  function save() {
    try { sessionStorage.setItem(KEY, JSON.stringify(state)); } catch (e) { /* private mode: chat still works */ }
  }
  function t(key) { return (TEXTS[lang] && TEXTS[lang][key]) || TEXTS.nl[key] || ''; }

  function applyTexts() {
    document.documentElement.lang = lang;
    Array.prototype.forEach.call(document.querySelectorAll('[data-t]'), function (el) {
      el.textContent = t(el.getAttribute('data-t'));
    });
    $('lang-switch').lang = t('switchLangCode');
    document.title = t('title');
    if (state.escalation) { showHandoff(state.escalation); }
  }

  function api(method, path, payload, idempotencyKey) {
    var headers = { 'Accept': 'application/json' };
    if (state.token) { headers.Authorization = 'Bearer ' + state.token; }
    if (idempotencyKey) { headers['Idempotency-Key'] = idempotencyKey; }
    if (payload !== undefined) { headers['Content-Type'] = 'application/json'; }
    return fetch(path, { method: method, headers: headers, credentials: 'omit',
      body: payload === undefined ? undefined : JSON.stringify(payload) })
      .then(function (r) {
        if (!r.ok) { var e = new Error('HTTP ' + r.status); e.status = r.status; throw e; }
        return r.json();
      });
  }

  function ensureSession() {
    if (state.sessionId && state.token) { return Promise.resolve(); }
    return api('POST', '/api/chat/sessions').then(function (s) {
      state.sessionId = s.sessionId; state.token = s.token; save();
    });
  }

  function safeUrl(url) {
    return typeof url === 'string' && /^https?:\/\/[^\s"'<>]+$/i.test(url) ? url : null;
  }

  function link(href, text) {
    var a = document.createElement('a');
    a.className = 'utrecht-link';
    a.href = href;
    a.textContent = text;
    if (embed) {
      a.target = '_blank'; a.rel = 'noopener noreferrer';
      var hint = document.createElement('span');
      hint.className = 'loket-visually-hidden';
      hint.textContent = ' ' + t('newWindow');
      a.appendChild(hint);
    }
    return a;
  }

  /** One message in the log: author in words, text as paragraphs, and for replies sources and related topics. */
  function addMessage(author, text, language, reply, choices) {
    var item = document.createElement('div');
    item.className = 'loket-msg loket-msg--' + author;
    if (language) { item.lang = language; }
    var who = document.createElement('p');
    who.className = 'loket-msg__author';
    who.lang = lang;
    who.textContent = t(author) + ':';
    item.appendChild(who);
    String(text || '').split(/\n+/).forEach(function (line) {
      if (!line.trim()) { return; }
      var p = document.createElement('p');
      p.textContent = line;
      item.appendChild(p);
    });
    if (reply) {
      var sources = (reply.sources || []).filter(function (s) { return safeUrl(s.url); });
      if (sources.length) {
        var label = document.createElement('p');
        label.textContent = t('sources');
        label.lang = lang;
        var ul = document.createElement('ul');
        sources.forEach(function (s) {
          var li = document.createElement('li');
          li.appendChild(link(safeUrl(s.url), s.title || s.url));
          ul.appendChild(li);
        });
        item.appendChild(label);
        item.appendChild(ul);
      }
      var related = reply.related || [];
      if (related.length) {
        var rl = document.createElement('p');
        rl.textContent = t('related');
        rl.lang = lang;
        var group = document.createElement('div');
        group.className = 'utrecht-button-group';
        related.forEach(function (r) {
          var b = document.createElement('button');
          b.type = 'button';
          b.className = 'utrecht-button utrecht-button--secondary-action loket-related';
          b.textContent = r.title;
          b.addEventListener('click', function () { send(r.title); });
          group.appendChild(b);
        });
        item.appendChild(rl);
        item.appendChild(group);
      }
    }
    if (choices && choices.length) {
      // Times to pick from (a call-back): a button per number sends that number, as typing it would.
      var picks = document.createElement('div');
      picks.className = 'utrecht-button-group';
      choices.forEach(function (label, i) {
        var b = document.createElement('button');
        b.type = 'button';
        b.className = 'utrecht-button utrecht-button--secondary-action loket-choice';
        b.textContent = (i + 1) + '. ' + label;
        b.addEventListener('click', function () {
          // Disabled while the pick is on its way: a second press or another time cannot send a second pick.
          if (busy || b.disabled) { return; }
          enableChoices(picks, false);
          // A disabled button loses the focus; the keyboard goes on from the input, not from the top of the page.
          input.focus();
          send(String(i + 1), function () {
            // Not sent (no network, or Loket said no): the times can be picked again, and the status says so aloud.
            enableChoices(picks, true);
            status.textContent = t('pickFailed');
            b.focus();
          });
        });
        picks.appendChild(b);
      });
      item.appendChild(picks);
    }
    log.appendChild(item);
    log.scrollTop = log.scrollHeight;
    return item;
  }

  function enableChoices(picks, on) {
    Array.prototype.forEach.call(picks.querySelectorAll('button'), function (b) { b.disabled = !on; });
  }

  function setBusy(on) {
    busy = on;
    $('send').setAttribute('aria-disabled', on ? 'true' : 'false');
    status.className = on ? 'loket-status loket-status--busy' : 'loket-status';
    status.textContent = on ? t('busy') : '';
  }

  function showHandoff(escalation) {
    if (!escalation || !escalation.reference) { return; }
    $('reference').textContent = escalation.reference;
    $('expected').textContent = escalation.expectedResponse
      ? t('expected').replace('{expected}', escalation.expectedResponse) : '';
    $('expected').hidden = !escalation.expectedResponse;
    $('handoff').hidden = false;
  }

  var unsent = null;

  function newKey() {
    var bytes = new Uint8Array(16);
    window.crypto.getRandomValues(bytes);
    return Array.prototype.map.call(bytes, function (b) { return ('0' + b.toString(16)).slice(-2); }).join('');
  }

  /** Sends the resident's text; failed, when given, deals with a message that did not go through instead. */
  function send(text, failed) {
    text = (text || '').trim();
    if (busy) { return; }
    if (!text) { status.textContent = t('empty'); input.focus(); return; }
    var shown = addMessage('resident', text, lang);
    input.value = '';
    setBusy(true);
    // Sending the same text again after a failure reuses its key: if Loket did store it, it is not stored twice.
    if (!unsent || unsent.text !== text) { unsent = { text: text, key: newKey() }; }
    var key = unsent.key;
    ensureSession()
      .then(function () { return api('POST', '/api/chat/sessions/' + encodeURIComponent(state.sessionId) + '/messages', { text: text, language: lang }, key); })
      .then(function (sent) {
        unsent = null;
        setBusy(false);
        var reply = sent.reply || {};
        seen[sent.messageId] = true;
        if (reply.language) { state.replyLang = reply.language; save(); }
        // A reply that offers call-back times carries them as choices, shown as buttons like an agent's proposal.
        addMessage('assistant', reply.text, reply.language || lang, reply, sent.choices);
        $('finish').hidden = false;
        if (reply.outcome === 'ESCALATED' && reply.escalation) {
          state.escalation = { reference: reply.escalation.reference,
            expectedResponse: reply.escalation.expectedResponse || (state.escalation || {}).expectedResponse };
          save();
          showHandoff(state.escalation);
          markAllSeen().then(startPolling);
        }
      })
      .catch(function (e) {
        setBusy(false);
        if (e.status === 404 || e.status === 401) { delete state.sessionId; delete state.token; save(); }
        if (failed) {
          if (shown.parentNode) { shown.parentNode.removeChild(shown); }
          failed();
          return;
        }
        // 503: Loket could not store the message; give the text back so the resident can send it again.
        if (e.status === 503) {
          if (shown.parentNode) { shown.parentNode.removeChild(shown); }
          input.value = text; status.textContent = t('unavailable'); return;
        }
        status.textContent = t('error');
      });
  }

  function listMessages() {
    return api('GET', '/api/chat/sessions/' + encodeURIComponent(state.sessionId) + '/messages');
  }

  /** "Medewerker typt…" while the agent holding the conversation types (a header of the message list). */
  function showTyping(on) {
    if (status.className.indexOf('loket-status--busy') >= 0) { return; }
    var text = t('agentTyping');
    if (on && status.textContent !== text) { status.textContent = text; }
    if (!on && status.textContent === text) { status.textContent = ''; }
  }

  function markAllSeen() {
    return listMessages().then(function (all) { all.forEach(function (m) { seen[m.id] = true; }); })
      .catch(function () { /* the next poll tries again */ });
  }

  /** After hand-off, agent replies arrive through the live stream, or by looking every few seconds without it. */
  function poll(force) {
    if (!state.sessionId || (!force && document.visibilityState !== 'visible')) { return; }
    if (!force && live && Date.now() - lastPoll < LIVE_POLL_MS) { return; }
    lastPoll = Date.now();
    var path = '/api/chat/sessions/' + encodeURIComponent(state.sessionId) + '/messages';
    fetch(path, { headers: { 'Accept': 'application/json', 'Authorization': 'Bearer ' + state.token }, credentials: 'omit' })
      .then(function (r) {
        if (!r.ok) { throw new Error('HTTP ' + r.status); }
        var typing = r.headers.get('Loket-Agent-Typing') === 'true';
        showTyping(typing);
        if (typingTimer) { clearTimeout(typingTimer); typingTimer = null; }
        if (typing) { typingTimer = setTimeout(function () { poll(true); }, TYPING_RECHECK_MS); }
        return r.json();
      })
      .then(function (all) {
        all.forEach(function (m) {
          if (seen[m.id]) { return; }
          seen[m.id] = true;
          if (m.author === 'agent') { addMessage('agent', m.text, state.replyLang, null, m.choices); showTyping(false); }
        });
      }).catch(function () { /* keep trying quietly */ });
  }
  function startPolling() {
    if (pollTimer) { return; }
    pollTimer = setInterval(poll, POLL_MS);
    document.addEventListener('visibilitychange', function () { if (document.visibilityState === 'visible') { poll(true); } });
    listen();
  }

  /**
   * The live stream (Server-Sent Events read with fetch, because EventSource cannot send the bearer token): an event
   * "changed" means an agent answered or is typing, and the page looks at once. When the stream fails or ends, the
   * page looks every few seconds as before and tries the stream again a little later.
   */
  function listen() {
    if (listening || !state.sessionId || !window.ReadableStream || !window.TextDecoder) { return; }
    listening = true;
    fetch('/api/chat/sessions/' + encodeURIComponent(state.sessionId) + '/stream',
      { headers: { 'Accept': 'text/event-stream', 'Authorization': 'Bearer ' + state.token }, credentials: 'omit' })
      .then(function (r) {
        if (!r.ok || !r.body) { throw new Error('HTTP ' + r.status); }
        var reader = r.body.getReader(), decoder = new TextDecoder(), buffer = '';
        function read() {
          return reader.read().then(function (chunk) {
            if (chunk.done) { return; }
            buffer += decoder.decode(chunk.value, { stream: true }).replace(/\r/g, '');
            var events = buffer.split('\n\n');
            buffer = events.pop();
            events.forEach(function (e) {
              if (/^event: ?ready$/m.test(e)) { live = true; body.setAttribute('data-live', 'true'); poll(true); }
              if (/^event: ?changed$/m.test(e)) { poll(true); }
            });
            return read();
          });
        }
        return read();
      })
      .catch(function () { /* looking every few seconds goes on */ })
      .then(function () {
        live = false; listening = false; body.setAttribute('data-live', 'false');
        setTimeout(listen, POLL_MS * 3);
      });
  }

  /** A reload (or the widget opened again) shows the conversation so far. */
  function restore() {
    if (!state.sessionId || !state.token) { return; }
    listMessages().then(function (all) {
      all.forEach(function (m) {
        seen[m.id] = true;
        addMessage(m.author, m.text, m.author === 'resident' ? null : state.replyLang, null, m.author === 'resident' ? null : m.choices);
      });
      if (all.length) { $('finish').hidden = false; }
      if (state.escalation) { showHandoff(state.escalation); startPolling(); }
    }).catch(function (e) {
      if (e.status === 404 || e.status === 401) { state = { lang: lang }; save(); }
    });
  }

  form.addEventListener('submit', function (e) { e.preventDefault(); send(input.value); });
  input.addEventListener('keydown', function (e) {
    if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) { e.preventDefault(); send(input.value); }
  });
  $('human').addEventListener('click', function () { send(t('humanText')); });
  $('lang-switch').addEventListener('click', function () {
    lang = lang === 'nl' ? 'en' : 'nl';
    state.lang = lang; save();
    applyTexts();
    $('lang-switch').focus();
  });
  $('finish').addEventListener('click', function () {
    $('feedback').hidden = false;
    $('feedback-title').focus();
  });
  $('feedback-form').addEventListener('submit', function (e) {
    e.preventDefault();
    var chosen = document.querySelector('input[name="score"]:checked');
    var error = $('feedback-error');
    if (!chosen) {
      error.hidden = false;
      document.querySelector('input[name="score"]').focus();
      return;
    }
    error.hidden = true;
    var payload = { score: parseInt(chosen.value, 10) };
    var remark = $('remark').value.trim();
    if (remark) { payload.remark = remark; }
    ensureSession()
      .then(function () { return api('POST', '/api/chat/sessions/' + encodeURIComponent(state.sessionId) + '/satisfaction', payload); })
      .then(function () { $('feedback-form').hidden = true; $('feedback-thanks').textContent = t('feedbackThanks'); })
      .catch(function () { $('feedback-thanks').textContent = t('error'); });
  });

  // In the widget, Escape closes the panel (the widget script on the host page listens for this).
  if (embed && window.parent !== window) {
    document.addEventListener('keydown', function (e) {
      if (e.key === 'Escape') { window.parent.postMessage({ loket: 'close' }, '*'); }
    });
  }

  if (lang !== body.getAttribute('data-lang')) { applyTexts(); }
  restore();
}());
