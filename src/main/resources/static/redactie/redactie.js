// Loket redactie – het concept: leesbaarheid en sms bijwerken terwijl de redacteur typt, en de testvraag zonder
// de pagina te herladen. Zonder dit script werkt alles ook, met de knoppen Voorbeeld en Test de vraag.
(function () {
  'use strict';

  var form = document.getElementById('draft-form');
  if (!form || !window.fetch || !window.URLSearchParams) { return; }
  var url = form.getAttribute('data-preview-url');
  var timer = null;
  var sent = 0;

  function number(value, digits) {
    return Number(value).toLocaleString('nl-NL', { minimumFractionDigits: digits, maximumFractionDigits: digits });
  }

  function ask(action) {
    var body = new URLSearchParams(new FormData(form));
    body.set('actie', action);
    return fetch(url, {
      method: 'POST', credentials: 'same-origin', body: body,
      headers: { 'Accept': 'application/json' }
    }).then(function (response) {
      if (!response.ok) { throw new Error('HTTP ' + response.status); }
      return response.json();
    });
  }

  function readability(part, r) {
    var dd = document.getElementById(part + '-readability');
    if (!dd) { return; }
    dd.classList.toggle('lk-readability--ok', r.passes);
    dd.classList.toggle('lk-readability--fail', !r.passes);
    dd.querySelector('.lk-readability__score').textContent =
      'Score ' + number(r.score, 0) + ' (minstens ' + number(r.bar, 0) + ')';
    dd.querySelector('.lk-readability__verdict').textContent = r.passes ? 'goed leesbaar' : 'te moeilijk';
    dd.querySelector('.lk-readability__longest').textContent =
      'Langste zin: ' + r.longestWords + ' woorden (hoogstens ' + r.maxSentenceWords + ')';
    dd.querySelector('.lk-readability__sentence').textContent = r.longestSentence;
  }

  function show(preview) {
    readability('summary', preview.summary);
    readability('body', preview.body);
    document.getElementById('sms-text').textContent = preview.sms.text;
    document.getElementById('sms-meta').textContent = preview.sms.units + ' tekens, ' + preview.sms.segments +
      (preview.sms.segments === 1 ? ' sms' : ' sms-delen') + ' (' + preview.sms.encoding + ')';
    document.getElementById('voice-text').textContent = preview.voice;
  }

  function refresh() {
    var mine = ++sent;
    ask('voorbeeld').then(function (preview) {
      if (mine === sent) { show(preview); } // an older answer arriving late must not overwrite a newer one
    }).catch(function () { /* the Voorbeeld button still works */ });
  }

  form.addEventListener('input', function (event) {
    if (event.target && event.target.id === 'question') { return; }
    window.clearTimeout(timer);
    timer = window.setTimeout(refresh, 300);
  });

  function fact(list, term, value, id) {
    var dt = document.createElement('dt');
    dt.textContent = term;
    var dd = document.createElement('dd');
    dd.textContent = value;
    dd.id = id;
    list.appendChild(dt);
    list.appendChild(dd);
    return dd;
  }

  function showTest(answer) {
    var box = document.getElementById('test-result');
    box.textContent = '';
    if (answer.testError) {
      var p = document.createElement('p');
      p.className = 'lk-field-error';
      p.textContent = answer.testError;
      box.appendChild(p);
      return;
    }
    var t = answer.test;
    var dl = document.createElement('dl');
    dl.className = 'lk-facts';
    fact(dl, 'Uitkomst', t.outcomeLabel, 'test-outcome').setAttribute('data-outcome', t.outcome);
    fact(dl, 'Onderwerp', t.topic || 'geen', 'test-topic');
    fact(dl, 'Zekerheid', t.confidence === null || t.confidence === undefined ? 'niet gemeten' : number(t.confidence, 2),
      'test-confidence');
    box.appendChild(dl);
    var text = document.createElement('p');
    text.className = 'lk-pre lk-sms';
    text.id = 'test-text';
    text.textContent = t.text;
    box.appendChild(text);
  }

  function test(event) {
    event.preventDefault();
    var box = document.getElementById('test-result');
    box.textContent = 'Bezig met testen…';
    ask('test').then(function (answer) {
      show(answer);
      showTest(answer);
    }).catch(function () {
      box.textContent = 'Testen lukte niet. Probeer het opnieuw.';
    });
  }

  document.getElementById('test').addEventListener('click', test);
  document.getElementById('question').addEventListener('keydown', function (event) {
    if (event.key === 'Enter') { test(event); }
  });
}());
