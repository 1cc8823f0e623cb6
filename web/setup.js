// The clinic setup page: passes the configuration being edited from the editor to the preview (both are this site's
// own pages, in frames), and switches the preview's size and language. Nothing is sent anywhere else.
(function () {
  'use strict';
  var editor = document.getElementById('editor');
  var preview = document.getElementById('preview');
  var device = preview.parentElement;
  var latest = null;

  function send() {
    if (latest !== null && preview.contentWindow) {
      preview.contentWindow.postMessage({ type: 'mn-setup-config', json: latest }, window.location.origin);
    }
  }

  window.addEventListener('message', function (e) {
    if (e.origin !== window.location.origin || e.source !== editor.contentWindow) return;
    if (!e.data || e.data.type !== 'mn-setup-config' || typeof e.data.json !== 'string') return;
    latest = e.data.json;
    send();
  });
  // A reloaded preview (another language) gets the configuration again.
  preview.addEventListener('load', send);

  function press(attribute, value) {
    document.querySelectorAll('.controls button[' + attribute + ']').forEach(function (b) {
      b.setAttribute('aria-pressed', String(b.getAttribute(attribute) === value));
    });
  }
  document.querySelectorAll('.controls button[data-size]').forEach(function (b) {
    b.addEventListener('click', function () {
      device.className = 'device ' + b.getAttribute('data-size');
      press('data-size', b.getAttribute('data-size'));
    });
  });
  document.querySelectorAll('.controls button[data-lang]').forEach(function (b) {
    b.addEventListener('click', function () {
      var lang = b.getAttribute('data-lang');
      press('data-lang', lang);
      preview.src = './?preview=1&mode=patient&lang=' + lang;
    });
  });
})();
