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
  // A clinic.json picked or dropped on the page opens in the editor: its bytes are passed on as they are (the editor
  // checks them and says what is wrong); nothing leaves this computer.
  function openFile(file) {
    if (!file) return;
    file.slice(0, 1048577).arrayBuffer().then(function (bytes) {
      editor.contentWindow.postMessage({ type: 'mn-setup-open', name: file.name, bytes: bytes }, window.location.origin);
      editor.focus();
    });
  }
  var picker = document.getElementById('open-file');
  picker.addEventListener('change', function () {
    openFile(picker.files && picker.files[0]);
    picker.value = '';  // the same file can be opened again
  });
  var dragEnd = 0;
  document.addEventListener('dragover', function (e) {
    e.preventDefault();
    e.dataTransfer.dropEffect = 'copy';
    document.body.classList.add('dragging');
    clearTimeout(dragEnd);
    dragEnd = setTimeout(function () { document.body.classList.remove('dragging'); }, 300);
  });
  document.addEventListener('drop', function (e) {
    e.preventDefault();
    document.body.classList.remove('dragging');
    openFile(e.dataTransfer && e.dataTransfer.files && e.dataTransfer.files[0]);
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
