/* @license EUPL-1.2 — Loket chat widget.
 * Use: <script src="https://loket.example/widget.js" data-loket-lang="nl" defer></script>
 * Adds a button that opens the chat (an iframe of /chat?embed=1 from the same Loket) in a panel.
 * The host site must be listed in loket.widget.allowed-origins, or the browser will not show the frame. */
(function () {
  'use strict';
  var script = document.currentScript;
  if (!script || document.getElementById('loket-widget-button')) { return; }
  var origin = new URL(script.src, document.baseURI).origin;
  var lang = script.getAttribute('data-loket-lang') === 'en' ? 'en' : 'nl';
  var TEXT = {
    nl: { open: 'Chat met de gemeente', close: 'Sluit de chat', frame: 'Chat met de gemeente' },
    en: { open: 'Chat with the municipality', close: 'Close the chat', frame: 'Chat with the municipality' }
  }[lang];
  var reduced = window.matchMedia && window.matchMedia('(prefers-reduced-motion: reduce)').matches;

  function style(el, css) { Object.keys(css).forEach(function (k) { el.style[k] = css[k]; }); }

  var button = document.createElement('button');
  button.type = 'button';
  button.id = 'loket-widget-button';
  button.lang = lang;
  button.textContent = TEXT.open;
  button.setAttribute('aria-expanded', 'false');
  button.setAttribute('aria-controls', 'loket-widget-panel');
  style(button, { position: 'fixed', right: '1rem', bottom: '1rem', zIndex: '2147483000', minHeight: '44px',
    padding: '0.6rem 1rem', font: 'bold 1.125rem/1.3 system-ui, sans-serif', color: '#fff', background: '#1d4e89',
    border: '2px solid #fff', borderRadius: '4px', boxShadow: '0 0 0 2px #1d4e89', cursor: 'pointer', maxWidth: 'calc(100vw - 2rem)' });

  var panel = document.createElement('div');
  panel.id = 'loket-widget-panel';
  panel.setAttribute('role', 'region');
  panel.setAttribute('aria-label', TEXT.frame);
  panel.lang = lang;
  panel.hidden = true;
  style(panel, { position: 'fixed', right: '1rem', bottom: '4.5rem', zIndex: '2147483000', width: 'min(26rem, calc(100vw - 2rem))',
    height: 'min(40rem, calc(100vh - 6rem))', background: '#fff', border: '2px solid #1d4e89', borderRadius: '4px',
    display: 'flex', flexDirection: 'column', boxShadow: '0 4px 16px rgba(0,0,0,.3)' });

  var close = document.createElement('button');
  close.type = 'button';
  close.textContent = TEXT.close;
  style(close, { alignSelf: 'flex-end', margin: '0.25rem', minHeight: '44px', padding: '0.4rem 0.8rem',
    font: 'bold 1rem/1.3 system-ui, sans-serif', color: '#1d4e89', background: '#fff', border: '2px solid #1d4e89',
    borderRadius: '4px', cursor: 'pointer' });

  var frame = null;
  function open() {
    if (!frame) {
      frame = document.createElement('iframe');
      frame.title = TEXT.frame;
      frame.src = origin + '/chat?embed=1&lang=' + lang;
      style(frame, { flex: '1 1 auto', width: '100%', border: '0' });
      panel.appendChild(frame);
    }
    panel.hidden = false;
    panel.style.display = 'flex';
    button.setAttribute('aria-expanded', 'true');
    frame.focus();
  }
  function shut() {
    panel.hidden = true;
    panel.style.display = 'none';
    button.setAttribute('aria-expanded', 'false');
    button.focus();
  }
  button.addEventListener('click', function () { if (panel.hidden) { open(); } else { shut(); } });
  close.addEventListener('click', shut);
  panel.addEventListener('keydown', function (e) { if (e.key === 'Escape') { shut(); } });
  // Escape pressed inside the chat frame: the chat page asks to close (only Loket's own frame is heard).
  window.addEventListener('message', function (e) {
    if (frame && e.source === frame.contentWindow && e.origin === origin && e.data && e.data.loket === 'close' && !panel.hidden) {
      shut();
    }
  });
  panel.style.display = 'none';
  if (reduced) { panel.style.transition = 'none'; }
  panel.appendChild(close);
  function mount() { document.body.appendChild(panel); document.body.appendChild(button); }
  if (document.body) { mount(); } else { document.addEventListener('DOMContentLoaded', mount); }
}());
