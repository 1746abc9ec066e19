/* @license EUPL-1.2 — Loket contact form: the server's checks, shown before sending.
 * Without JavaScript the server shows exactly the same messages (ContactFormPage). */
(function () {
  'use strict';
  var form = document.getElementById('contact-form');
  var summary = document.getElementById('error-summary');
  var list = document.getElementById('error-list');
  if (!form || !summary || !list) { return; }
  var msg = form.dataset;
  var EMAIL = /^[^@\s]{1,64}@[^@\s.]+(\.[^@\s.]+)+$/;
  var PHONE = /^\+?[0-9][0-9 ()\-.]{7,18}[0-9]$/;
  var ORDER = ['name', 'email', 'phone', 'subject', 'message'];

  function value(id) { return form.elements[id].value.trim(); }

  function check() {
    var errors = {};
    var max = parseInt(msg.maxMessage, 10) || 5000;
    if (value('name').length > 200) { errors.name = msg.msgName; }
    if (!value('email') && !value('phone')) { errors.email = msg.msgContact; }
    else if (value('email') && (value('email').length > 254 || !EMAIL.test(value('email')))) { errors.email = msg.msgEmail; }
    if (value('phone') && !PHONE.test(value('phone'))) { errors.phone = msg.msgPhone; }
    if (value('subject').length > 200) { errors.subject = msg.msgSubject; }
    if (!value('message')) { errors.message = msg.msgMessage; }
    else if (value('message').length > max) { errors.message = msg.msgMessageLength; }
    return errors;
  }

  function show(errors) {
    ORDER.forEach(function (id) {
      var field = form.elements[id];
      var error = document.getElementById(id + '-error');
      var wrapper = field.closest('.utrecht-form-field');
      if (errors[id]) {
        error.textContent = errors[id];
        error.hidden = false;
        field.setAttribute('aria-invalid', 'true');
        field.setAttribute('aria-describedby', id + '-error');
        wrapper.classList.add('utrecht-form-field--invalid');
      } else {
        error.textContent = '';
        error.hidden = true;
        field.removeAttribute('aria-invalid');
        field.removeAttribute('aria-describedby');
        wrapper.classList.remove('utrecht-form-field--invalid');
      }
    });
    while (list.firstChild) { list.removeChild(list.firstChild); }
    ORDER.forEach(function (id) {
      if (!errors[id]) { return; }
      var li = document.createElement('li');
      var a = document.createElement('a');
      a.className = 'utrecht-link';
      a.href = '#' + id;
      a.textContent = errors[id];
      a.addEventListener('click', function (e) { e.preventDefault(); form.elements[id].focus(); });
      li.appendChild(a);
      list.appendChild(li);
    });
  }

  form.addEventListener('submit', function (event) {
    var errors = check();
    show(errors);
    if (Object.keys(errors).length > 0) {
      event.preventDefault();
      summary.hidden = false;
      if (document.title.indexOf('Fout: ') !== 0) { document.title = 'Fout: controleer het formulier – ' + document.title; }
      summary.focus();
    }
    // otherwise the browser posts the form: the server checks again and shows the confirmation
  });

  // Links in a server-rendered summary move focus to the field too.
  Array.prototype.forEach.call(list.querySelectorAll('a'), function (a) {
    a.addEventListener('click', function (e) {
      var id = a.getAttribute('href').slice(1);
      if (form.elements[id]) { e.preventDefault(); form.elements[id].focus(); }
    });
  });
  if (!summary.hidden) { summary.focus(); }
}());
