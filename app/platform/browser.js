// JavaScript side of app/platform/browser.hpp (an Emscripten --js-library).
mergeInto(LibraryManager.library, {
  mn_js_install_listeners: function () {
    var wake = function () { Module['_mn_wake'](); };
    var opts = { capture: true, passive: true };
    ['pointerdown', 'pointermove', 'pointerup', 'pointercancel', 'touchstart', 'touchmove', 'touchend',
     'touchcancel', 'mousedown', 'mousemove', 'mouseup', 'wheel', 'keydown', 'keyup', 'focus', 'blur',
     'resize', 'orientationchange'].forEach(function (type) { window.addEventListener(type, wake, opts); });
    document.addEventListener('visibilitychange', wake);
    // Embedded in a clinic's page (an iframe): a wheel the app's content cannot follow (already at its top or bottom)
    // is kept from SDL, which would cancel it, so the browser chains it to the host page, as any scrolling box does.
    // Checked at the window in the capture phase, before SDL's listener on the canvas.
    if (window.parent !== window) {
      window.addEventListener('wheel', function (e) {
        if (!Module['_mn_scroll_edges'] || e.ctrlKey) return;  // ctrl + wheel: zoom, the browser's own
        var edges = Module['_mn_scroll_edges']();
        if ((e.deltaY > 0 && (edges & 2)) || (e.deltaY < 0 && (edges & 1))) e.stopPropagation();
      }, { capture: true, passive: true });
      // The same for a finger (mn_js_scroll_edges sets which drags the browser may take). SDL cancels every
      // touchstart it handles (preventDefault), which would stop the browser panning whatever touch-action says: while
      // the canvas lets some drags through, that call is made a no-op for this event. SDL still gets the touch (a tap
      // stays a tap); the touchend it cancels keeps the browser from adding mouse events.
      window.addEventListener('touchstart', function (e) {
        var allowed = Module['canvas'].style.touchAction;
        if (allowed && allowed !== 'none') e.preventDefault = function () {};
      }, { capture: true, passive: true });
    }
    // The browser took a finger (it began panning, see mn_js_scroll_edges, or the system interrupted the touch): SDL
    // would report a lift, which would be a tap on what was under the finger. The app ends the touch instead.
    window.addEventListener('touchcancel', function (e) {
      if (!Module['_mn_touch_cancel']) return;
      e.stopPropagation();
      Module['_mn_touch_cancel']();
    }, { capture: true, passive: true });
    if (window.ResizeObserver) new ResizeObserver(wake).observe(Module['canvas']);
    // Safari's address bar collapsing and its on-screen keyboard change the visual viewport, not always the window.
    if (window.visualViewport) window.visualViewport.addEventListener('resize', wake, { passive: true });
    // devicePixelRatio changes without a resize when a window moves to another screen.
    var watchRatio = function () {
      var mq = window.matchMedia('(resolution: ' + window.devicePixelRatio + 'dppx)');
      mq.addEventListener('change', function once() { mq.removeEventListener('change', once); watchRatio(); wake(); });
    };
    if (window.matchMedia) watchRatio();
    // Not every engine (nor DevTools emulation) reports that change: a cheap check twice a second covers it.
    var lastRatio = window.devicePixelRatio;
    setInterval(function () {
      if (window.devicePixelRatio !== lastRatio) { lastRatio = window.devicePixelRatio; wake(); }
    }, 500);
    // A release (click, tap, Enter or Space) runs the app's frames at once, inside the event: a button that copies to
    // the clipboard or opens the share sheet then does so during the person's gesture, which Safari (WebKit) requires
    // (it refuses a copy made in the next animation frame; Chromium and Firefox allow a few seconds). Listening on the
    // window in the bubbling phase runs after SDL's own listeners on the canvas and the document have queued the
    // event.
    var now = function () { Module['_mn_frame_in_gesture'](); };
    ['mouseup', 'touchend', 'keyup'].forEach(function (type) { window.addEventListener(type, now, { passive: true }); });
    // SDL swallows every Ctrl/Cmd key: let browser zoom through (WCAG 1.4.4).
    window.addEventListener('keydown', function (e) {
      if ((e.ctrlKey || e.metaKey) && ['+', '-', '=', '0'].indexOf(e.key) >= 0) e.stopImmediatePropagation();
    }, true);
  },
  // window.MicroneedlingNavigator: the engine's JSON calls for tests and for clinics' own pages (README).
  mn_js_install_api__deps: ['$mnNewString', 'free', '$mnToday', 'mn_language_ready'],
  mn_js_install_api: function () {
    // A NUL would end the C string early and the rest would be dropped without a word: refused instead.
    var argNames = { '_mn_api_assess': ['profile', 'lang'], '_mn_api_compare': ['profile', 'lang', 'concern'],
      '_mn_api_estimate': ['profile', 'treatment', 'start', 'lang', 'what_if'] };
    function call(name, args) {
      for (var i = 0; i < args.length; i++) {
        if (typeof args[i] === 'string' && args[i].indexOf('\u0000') >= 0) {
          var arg = (argNames[name] || [])[i] || String(i);
          return { 'errors': [{ 'pointer': '/' + arg, 'message': 'contains a NUL character (U+0000), which is not allowed' }] };
        }
      }
      var sp = stackSave();
      var ptrs = args.map(function (a) { return mnNewString(a === undefined || a === null ? '' : String(a)); });
      try { return JSON.parse(UTF8ToString(Module[name].apply(null, ptrs))); }
      catch (e) {  // a call that stopped half-way (see mn_js_run_guarded): the app goes on; the caller gets the error
        stackRestore(sp);
        throw e;
      }
      finally { ptrs.forEach(function (p) { if (p) _free(p); }); }
    }
    function text(v) { return typeof v === 'string' ? v : JSON.stringify(v); }
    window['MicroneedlingNavigator'] = {  // quoted names: --closure 1 keeps them
      'version': 1,
      'assess': function (profile, lang) { return call('_mn_api_assess', [text(profile), lang]); },
      'shownResults': function () { return call('_mn_api_shown_results', []); },
      'answersProfile': function () { return call('_mn_api_answers_profile', []); },
      // Compare, Estimate and My plan (docs/estimates.md, "JavaScript"): the same JSON as `navigator compare` and
      // `navigator estimate`; start defaults to today on this device; whatIf {severity, package, addons, maintenance_years}.
      'compare': function (profile, lang, concern) { return call('_mn_api_compare', [text(profile), lang, concern]); },
      'estimate': function (profile, treatmentId, start, lang, whatIf) {
        return call('_mn_api_estimate', [text(profile), treatmentId, start || mnToday(), lang,
          whatIf === undefined || whatIf === null ? '' : text(whatIf)]);
      },
      'planLink': function () { return call('_mn_api_plan_link', []); },
      'shownCompare': function () { return call('_mn_api_shown_compare', []); },
      'shownEstimate': function () { return call('_mn_api_shown_estimate', []); },
      'shownPlan': function () { return call('_mn_api_shown_plan', []); },
      // Content arrives after the first frame (English's at once, another language's when first wanted); the calls
      // above answer in a language once this resolves (before, they reply {"errors": ["… still loading …"]}).
      'loadLanguage': function (code) {
        return new Promise(function (resolve, reject) {
          var started = Date.now();
          (function poll() {
            var p = mnNewString(String(code)), ready = _mn_language_ready(p);
            _free(p);
            if (ready === 1) return resolve(String(code));
            if (ready < 0) return reject(new Error('"' + code + '" is not a language of this guide'));
            if (Date.now() - started > 30000) return reject(new Error('the ' + code + ' content could not be loaded'));
            setTimeout(poll, 50);
          })();
        });
      },
    };
    // A share link (#plan=p1.….…) opens its plan on My plan; a damaged one gets a message there. Only the plan is
    // in the link, never health answers. A bare fragment from `navigator plan encode` (#p1.….…) works too.
    // Any other fragment names a place (mn_js_show_place): back and forward go there. The link already opened is not
    // opened again when history returns to it (that would undo what the person changed since): it shows My plan.
    var openedLink = null;
    var onLocation = function () {
      var hash = window.location.hash || '';
      var code = hash.indexOf('#plan=') === 0 ? hash.slice('#plan='.length) : /^#p\d+\./.test(hash) ? hash.slice(1) : null;
      if (code !== null && code !== openedLink) {
        openedLink = code;
        call('_mn_api_open_plan_link', [code]);
      } else if (code !== null) {
        call('_mn_api_go_place', ['plan']);
      } else if (hash.length > 1) {
        call('_mn_api_go_place', [hash.slice(1)]);
      }
    };
    onLocation();
    window.addEventListener('hashchange', onLocation);
    window.addEventListener('popstate', onLocation);
  },
  // The place the person is at goes into the address's fragment (#learn, #candidacy/3, #candidacy/results …; never
  // an answer): a new history entry per change, so the browser's back and forward move between screens. The first
  // place of a page (or of the next person, after mn_js_forget_person) takes the current entry instead, so that back
  // leaves the app from where it was entered. A share link stays in the address while its plan is on screen.
  $mnPlaced: { value: false },
  mn_js_show_place__deps: ['$mnPlaced'],
  mn_js_show_place: function (placePtr, push) {
    var place = UTF8ToString(placePtr), hash = window.location.hash || '';
    if (hash === '#' + place) { mnPlaced.value = true; return; }
    if (place === 'plan' && (hash.indexOf('#plan=') === 0 || /^#p\d+\./.test(hash))) { mnPlaced.value = true; return; }
    var url = window.location.pathname + window.location.search + '#' + place;
    try {
      if (push && mnPlaced.value) history.pushState(null, '', url); else history.replaceState(null, '', url);
    } catch (e) { /* file:// or a sandbox without history */ }
    mnPlaced.value = true;
  },
  // ---- browser services of Compare, Estimate and My plan (ui/decision.hpp; declared in js_api.cpp)
  $mnToday: function () {
    var d = new Date(), two = function (n) { return (n < 10 ? '0' : '') + n; };
    return d.getFullYear() + '-' + two(d.getMonth() + 1) + '-' + two(d.getDate());
  },
  mn_js_today_new__deps: ['$mnNewString', '$mnToday'],
  mn_js_today_new: function () { return mnNewString(mnToday()); },
  mn_js_page_address_new__deps: ['$mnNewString'],
  // The share link's base: this page without its fragment, and without ?mode= and ?lang= (a plan scanned at a kiosk
  // must not open in kiosk mode, and the plan carries its own language). Other parameters (?config=) stay.
  mn_js_page_address_new: function () {
    var url = new URL(window.location.href);
    url.hash = '';
    url.searchParams.delete('mode');
    url.searchParams.delete('lang');
    return mnNewString(url.href);
  },
  mn_js_copy_text: function (ptr) {
    var value = UTF8ToString(ptr);
    var done = function (ok) { Module['_mn_api_copy_done'](ok ? 1 : 0); };
    window.mnCopiedText = true;  // mn_js_forget_person overwrites it for the next person
    try {
      if (!navigator.clipboard || !navigator.clipboard.writeText) return done(false);
      navigator.clipboard.writeText(value).then(function () { done(true); }, function () { done(false); });
    } catch (e) { done(false); }
  },
  mn_js_can_share: function () { return typeof navigator.share === 'function' ? 1 : 0; },
  // The system's share sheet for the plan link. Closed by the person (shared, or AbortError: cancelled): nothing more.
  // Refused (no user gesture, a policy, no target): the link is copied instead, with the copy's usual answer.
  mn_js_share_link: function (titlePtr, urlPtr) {
    var title = UTF8ToString(titlePtr), url = UTF8ToString(urlPtr);
    var copy = function () {
      var done = function (ok) { Module['_mn_api_copy_done'](ok ? 1 : 0); };
      try {
        if (!navigator.clipboard || !navigator.clipboard.writeText) return done(false);
        navigator.clipboard.writeText(url).then(function () { done(true); }, function () { done(false); });
      } catch (e) { done(false); }
    };
    try {
      navigator.share({ 'title': title, 'url': url }).then(function () { Module['_mn_api_share_done'](); }, function (e) {
        if (e && e.name === 'AbortError') Module['_mn_api_share_done'](); else copy();
      });
    } catch (e) { copy(); }
  },
  // A web address opens in a new tab without access back to this page; a phone number or an email address goes to
  // the device's dialer or mail app (the page stays).
  // The setup editor saves clinic.json as a download (nothing is sent anywhere).
  mn_js_download: function (name, text) {
    var blob = new Blob([UTF8ToString(text)], { type: 'application/json' });
    var a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = UTF8ToString(name);
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(function () { URL.revokeObjectURL(a.href); }, 10000);
  },
  // The configuration being edited, to the page around the editor (setup.html), which shows it in the preview.
  // Only to a parent on this same site. Unsaved work is kept in this browser (localStorage, on this computer only:
  // it is the clinic's settings, never a person's answers) until it is saved or discarded.
  mn_js_setup_changed: function (json, unsaved) {
    var text = UTF8ToString(json);
    try {
      if (unsaved) window.localStorage.setItem('mn-setup-draft', text);
      else window.localStorage.removeItem('mn-setup-draft');
    } catch (e) { /* storage may be off or full: the work is then kept only while the page is open */ }
    if (window.parent === window) return;
    window.parent.postMessage({ type: 'mn-setup-config', json: text, unsaved: !!unsaved }, window.location.origin);
  },
  mn_js_setup_kept_new__deps: ['$mnNewString'],
  mn_js_setup_kept_new: function () {
    try { return mnNewString(window.localStorage.getItem('mn-setup-draft')); } catch (e) { return 0; }
  },
  // The text agent. The app draws its text fields on the canvas, which no input method, on-screen keyboard or paste
  // can reach; while a field is being edited, a hidden textarea at its caret holds the focus instead:
  //  - text arrives as the textarea's input (typed, or from an on-screen keyboard) and is passed on at once;
  //  - its keys go on to SDL on the canvas (SDL listens there), so that arrows, Backspace, Delete, Home, End, Enter,
  //    Escape, Tab and Ctrl/Cmd+A, C, X, Z, Y edit the field; the textarea itself ignores those;
  //  - an input method's keys (accents, Chinese, Korean, Vietnamese…) stay with it: the composed text is passed on
  //    at compositionend;
  //  - an on-screen keyboard's Backspace (often no key event) deletes the textarea's one placeholder character,
  //    which becomes a Backspace for the app;
  //  - a paste (Ctrl/Cmd+V, or the touch menu) arrives as the textarea's paste event.
  // On a touch screen, focusing it inside the tap (mn_frame_in_gesture) opens the on-screen keyboard.
  $mnTextAgent: { el: null, active: false },
  mn_js_text_agent__deps: ['$mnTextAgent', '$mnNewString', 'free'],
  mn_js_text_agent: function (active, x, y, h) {
    var agent = mnTextAgent, placeholder = '\u200b';
    if (!agent.el) {
      var el = document.createElement('textarea');
      el.id = 'mn-text-agent';
      el.tabIndex = -1;
      el.setAttribute('aria-hidden', 'true');  // the mirror's own text box names the field for a screen reader
      ['autocomplete', 'autocorrect', 'autocapitalize'].forEach(function (a) { el.setAttribute(a, 'off'); });
      el.spellcheck = false;
      var s = el.style;  // CSSOM: allowed by the CSP
      s.position = 'fixed'; s.width = '2px'; s.opacity = '0'; s.border = '0'; s.padding = '0'; s.margin = '0';
      s.resize = 'none'; s.overflow = 'hidden'; s.fontSize = '16px'; s.pointerEvents = 'none'; s.zIndex = '-1';
      s.background = 'transparent'; s.color = 'transparent'; s.caretColor = 'transparent'; s.whiteSpace = 'pre';
      var send = function (text) {
        text = String(text || '').split(placeholder).join('');
        if (!text) return;
        var p = mnNewString(text);
        Module['_mn_text_agent_input'](p);
        _free(p);
      };
      var reset = function () { el.value = placeholder; el.setSelectionRange(1, 1); };
      var editing = /^(Arrow|Page)|^(Backspace|Delete|Home|End|Enter|Escape|Tab)$/;
      var pass = function (e) {
        if (e.isComposing || e.keyCode === 229) return;  // the input method's keys are not the app's
        var command = (e.ctrlKey || e.metaKey) && !e.altKey;
        if (command && (e.key === 'v' || e.key === 'V')) return;  // the browser pastes (the paste event below)
        if (editing.test(e.key) || command) e.preventDefault();  // the app edits; the textarea must not
        Module['canvas'].dispatchEvent(new KeyboardEvent(e.type, {
          key: e.key, code: e.code, location: e.location, repeat: e.repeat,
          ctrlKey: e.ctrlKey, shiftKey: e.shiftKey, altKey: e.altKey, metaKey: e.metaKey, bubbles: true, cancelable: true
        }));
      };
      el.addEventListener('keydown', pass);
      el.addEventListener('keyup', pass);
      el.addEventListener('compositionend', function (e) { send(e.data); reset(); });
      el.addEventListener('input', function (e) {
        if (e.isComposing || /Composition/.test(e.inputType || '')) return;  // compositionend passes it on
        if (el.value === '') Module['_mn_text_agent_key'](0);  // the placeholder went: a Backspace
        else if (e.inputType === 'insertLineBreak') Module['_mn_text_agent_key'](1);
        else send(el.value);
        reset();
      });
      el.addEventListener('paste', function (e) {
        e.preventDefault();
        send(e.clipboardData ? e.clipboardData.getData('text/plain') : '');
      });
      document.body.appendChild(el);
      agent.el = el;
      agent.reset = reset;
    }
    var t = agent.el;
    agent.active = !!active;
    if (active) {
      t.style.left = Math.max(0, x) + 'px';
      t.style.top = Math.max(0, y) + 'px';
      t.style.height = Math.max(16, h) + 'px';
      if (document.activeElement !== t) {
        agent.reset();
        t.focus({ preventScroll: true });
      }
    } else if (document.activeElement === t) {
      Module['canvas'].focus({ preventScroll: true });
    }
  },
  // Letters beyond the app's own fonts (a clinic's name in Vietnamese, Korean, Hebrew…): the slices of Debian's Noto
  // fonts that hold them (fonts/glyphs.json, written by scripts/fonts/slice.py), both faces, each fetched once, from
  // this site only. Until one arrives its letters show as '?'; one that cannot be fetched is said in the console.
  $mnGlyphs: { index: null, loading: {} },
  mn_js_want_glyphs__deps: ['$mnGlyphs', '$mnNewString', 'malloc', 'free'],
  mn_js_want_glyphs: function (json) {
    var wanted = JSON.parse(UTF8ToString(json)), g = mnGlyphs;
    if (!g.index) {
      g.index = fetch('fonts/glyphs.json', { credentials: 'same-origin' }).then(function (r) {
        if (!r.ok) throw new Error('HTTP ' + r.status);
        return r.json();
      }).catch(function (e) {
        console.warn('[navigator] fonts/glyphs.json unavailable (' + e + '): letters beyond Latin show as "?"');
        return { 'slices': [] };
      });
    }
    g.index.then(function (data) {
      data['slices'].forEach(function (slice) {
        var name = slice['name'], ranges = slice['ranges'];
        if (g.loading[name]) return;
        var holds = wanted.some(function (c) { return ranges.some(function (r) { return c >= r[0] && c <= r[1]; }); });
        if (!holds) return;
        g.loading[name] = true;
        ['Regular', 'Bold'].forEach(function (face) {
          var url = 'fonts/' + name + '-' + face + '.' + slice['ext'];
          fetch(url, { credentials: 'same-origin' }).then(function (r) {
            if (!r.ok) throw new Error('HTTP ' + r.status);
            return r.arrayBuffer();
          }).then(function (buffer) {
            var bytes = new Uint8Array(buffer), p = _malloc(bytes.length), covers = mnNewString(JSON.stringify(ranges));
            HEAPU8.set(bytes, p);
            Module['_mn_add_glyph_font'](face === 'Bold' ? 1 : 0, p, bytes.length, covers);
            _free(p);
            _free(covers);
          }).catch(function (e) { console.warn('[navigator] ' + url + ' unavailable: ' + e); });
        });
      });
    });
  },
  mn_js_write_clipboard: function (ptr) {
    var text = UTF8ToString(ptr);
    try {
      if (navigator.clipboard && navigator.clipboard.writeText) navigator.clipboard.writeText(text).catch(function () { /* not allowed */ });
    } catch (e) { /* not allowed */ }
  },
  mn_js_open_url: function (ptr) {
    var url = UTF8ToString(ptr);
    if (/^https?:\/\//i.test(url)) window.open(url, '_blank', 'noopener');
    else if (/^(tel:\+?[0-9]{3,20}|mailto:[^\s<>"]+@[^\s<>"]+)$/i.test(url)) window.open(url, '_self');
  },
  // Printing: the plan goes into a hidden container built with DOM calls (core's plan page, without its <style>),
  // styled through the CSSOM, which the page's CSP (style-src 'self') allows; while printing, only it is shown.
  mn_js_print_plan__deps: ['$mnPrintPlan'],
  mn_js_print_plan: function (html, extra) { mnPrintPlan(UTF8ToString(html), UTF8ToString(extra)); },
  $mnPrintPlan: function (html, extraText) {
    var box = document.getElementById('mn-print');
    if (!box) {
      box = document.createElement('div');
      box.id = 'mn-print';
      box.style.display = 'none';
      document.body.appendChild(box);
      var hidden = [];
      window.addEventListener('beforeprint', function () {
        if (!box.firstChild) return;
        hidden = [];
        Array.prototype.forEach.call(document.body.children, function (el) {
          if (el !== box) { hidden.push([el, el.style.display]); el.style.display = 'none'; }
        });
        box.style.display = 'block';
      });
      window.addEventListener('afterprint', function () {
        hidden.forEach(function (h) { h[0].style.display = h[1]; });
        hidden = [];
        box.style.display = 'none';
      });
    }
    while (box.firstChild) box.removeChild(box.firstChild);
    // Its one <style> element goes before parsing: even an inert parsed copy counts as inline style for the CSP.
    var doc = new DOMParser().parseFromString(html.replace(/<style[^>]*>[\s\S]*?<\/style>/gi, ''), 'text/html');
    var main = doc.querySelector('main') || doc.body;
    Array.prototype.forEach.call(main.querySelectorAll('style, script, link'), function (n) { n.parentNode.removeChild(n); });
    box.appendChild(document.importNode(main, true));
    var extra = {};
    try { extra = JSON.parse(extraText); } catch (e) { /* print the plan alone */ }
    (extra['sections'] || []).forEach(function (s) {  // JSON: quoted names (--closure 1)
      var section = document.createElement('section'), h = document.createElement('h2'), ul = document.createElement('ul');
      h.textContent = s['title'];
      (s['items'] || []).forEach(function (item) {
        var li = document.createElement('li');
        li.textContent = item;
        ul.appendChild(li);
      });
      section.appendChild(h);
      section.appendChild(ul);
      box.appendChild(section);
    });
    // Style names are quoted: --closure 1 would rename the keys of these objects (they are read with Object.keys).
    var css = function (selector, styles) {
      Array.prototype.forEach.call(box.querySelectorAll(selector), function (el) {
        Object.keys(styles).forEach(function (k) { el.style[k] = styles[k]; });
      });
    };
    Object.assign(box.style, { 'fontFamily': 'system-ui, sans-serif', 'color': '#1a1a1a', 'lineHeight': '1.45',
      'maxWidth': '42rem', 'margin': '0 auto', 'padding': '0 1rem', 'background': '#fff' });
    css('h1, h2', { 'color': '#1F5F6B' });
    css('h1', { 'marginBottom': '0' });
    css('.subtitle, .notes', { 'color': '#444' });
    css('h2', { 'fontSize': '1.1rem', 'borderBottom': '1px solid #ccc', 'paddingBottom': '.2rem', 'marginTop': '1.5rem', 'breakAfter': 'avoid' });
    css('table', { 'borderCollapse': 'collapse', 'width': '100%' });
    css('th', { 'textAlign': 'left', 'fontWeight': '600', 'padding': '.2rem 1rem .2rem 0', 'verticalAlign': 'top', 'width': '40%' });
    css('td', { 'padding': '.2rem 0' });
    css('tr, li', { 'breakInside': 'avoid' });
    css('li', { 'overflowWrap': 'anywhere', 'marginBottom': '.2rem' });
    css('.notes', { 'marginTop': '1.5rem', 'fontSize': '.9rem' });
    window.print();
  },
  // The accessibility mirror: the current screen as hidden HTML (headings, text, real buttons, radios and
  // checkboxes). Activating a control presses the same widget in the app. A live region announces new screens.
  mn_js_mirror_update__deps: ['$mnNewString', 'free'],
  mn_js_mirror_update: function (json) {
    var data = JSON.parse(UTF8ToString(json)), doc = document;
    var root = doc.getElementById('mn-mirror');
    if (!root) {
      root = doc.createElement('div');
      root.id = 'mn-mirror';
      var s = root.style;  // visually hidden, still read by screen readers (CSSOM: allowed by the CSP)
      s.position = 'absolute'; s.width = '1px'; s.height = '1px'; s.overflow = 'hidden';
      s.clipPath = 'inset(50%)'; s.whiteSpace = 'nowrap'; s.margin = '-1px'; s.padding = '0'; s.border = '0';
      root.addEventListener('click', function (e) {
        var el = e.target.closest('[data-mn-id]');
        if (el && el.tagName !== 'INPUT') Module['_mn_mirror_activate'](Number(el.getAttribute('data-mn-id')));
      });
      root.addEventListener('change', function (e) {
        var el = e.target;
        if (el.tagName !== 'INPUT' || !el.hasAttribute('data-mn-id')) return;
        var p = mnNewString(el.value);
        Module['_mn_mirror_set_text'](Number(el.getAttribute('data-mn-id')), p);
        _free(p);
      });
      var live = doc.createElement('div');
      live.id = 'mn-live';
      live.setAttribute('aria-live', 'polite');
      live.setAttribute('role', 'status');
      live.style.position = 'absolute'; live.style.width = '1px'; live.style.height = '1px';
      live.style.overflow = 'hidden'; live.style.clipPath = 'inset(50%)';
      doc.body.appendChild(live);
      doc.body.appendChild(root);
    }
    var focused = doc.activeElement && doc.activeElement.getAttribute && doc.activeElement.getAttribute('data-mn-id');
    var main = doc.createElement('main');
    main.setAttribute('aria-label', 'Microneedling Navigator');
    var firstHeading = '', tables = [];
    // A cell's lines ('\n') become separate lines for a screen reader too.
    var fillCell = function (cell, text) {
      String(text).split('\n').forEach(function (line, i) {
        if (i) cell.appendChild(doc.createElement('br'));
        cell.appendChild(doc.createTextNode(line));
      });
    };
    var table = function (n) {
      var t = doc.createElement('table'), caption = doc.createElement('caption');
      caption.textContent = n['text'];
      t.appendChild(caption);
      var head = doc.createElement('thead'), hr = doc.createElement('tr');
      (n['head'] || []).forEach(function (h) {
        var th = doc.createElement('th');
        th.setAttribute('scope', 'col');
        th.textContent = h;
        hr.appendChild(th);
      });
      head.appendChild(hr);
      t.appendChild(head);
      var body = doc.createElement('tbody');
      (n['rows'] || []).forEach(function (row) {
        var tr = doc.createElement('tr');
        row.forEach(function (c, i) {
          var cell = doc.createElement(i === 0 ? 'th' : 'td');
          if (i === 0) cell.setAttribute('scope', 'row');
          fillCell(cell, c);
          tr.appendChild(cell);
        });
        body.appendChild(tr);
      });
      t.appendChild(body);
      tables.push({ announce: String(n['announce'] || n['text']).trim(), key: JSON.stringify([n['text'], n['head'], n['rows']]) });
      return t;
    };
    // The JSON's names are quoted (n['role']): --closure 1 renames unquoted properties.
    data['nodes'].forEach(function (n) {
      var el, role = n['role'];
      if (role === 'table') {
        main.appendChild(table(n));
        return;
      }
      if (role === 'h1' || role === 'h2' || role === 'h3') {
        el = doc.createElement(role);
        if (!firstHeading && role === 'h1') firstHeading = n['text'];
      } else if (role === 'text') {
        el = doc.createElement('p');
      } else if (role === 'textbox') {  // a text field: edited here by a screen reader, committed on change
        el = doc.createElement('input');
        el.type = 'text';
        el.setAttribute('data-mn-id', String(n['id']));
        el.setAttribute('aria-label', n['text']);
        el.value = n['value'] || '';
        main.appendChild(el);
        return;
      } else if (role === 'img') {  // a chart or the QR code: named, not pressable
        el = doc.createElement('div');
        el.setAttribute('role', 'img');
        el.setAttribute('aria-label', n['text']);
        main.appendChild(el);
        return;
      } else {
        el = doc.createElement('button');
        el.type = 'button';
        el.setAttribute('data-mn-id', String(n['id']));
        if (role !== 'button') {
          el.setAttribute('role', role);
          el.setAttribute('aria-checked', n['checked'] ? 'true' : 'false');
        }
      }
      el.textContent = n['text'];
      main.appendChild(el);
    });
    root['replaceChildren'](main);  // quoted: not in --closure 1's browser externs (2022), which would rename it
    if (focused) {
      var again = root.querySelector('[data-mn-id="' + focused + '"]');
      if (again) again.focus({ preventScroll: true });
    }
    // The live region announces a new screen (its title) and changed results (a results table that is new or
    // whose content changed: the caption or the table's own summary), never the same thing twice in a row.
    var live = doc.getElementById('mn-live');
    var screenChanged = firstHeading && live.getAttribute('data-last') !== firstHeading;
    var tableKey = tables.map(function (t) { return t.key; }).join('\u001e');
    var tablesChanged = tableKey !== (live.mnTables || '');
    live.mnTables = tableKey;
    if (screenChanged || (tablesChanged && tables.some(function (t) { return t.announce; }))) {
      var said = [];
      if (screenChanged) {
        live.setAttribute('data-last', firstHeading);
        said.push(firstHeading);
      }
      if (tablesChanged) tables.forEach(function (t) { if (t.announce) said.push(t.announce); });
      live.textContent = said.join('. ');
    }
  },
  mn_js_coarse_pointer: function () {
    return window.matchMedia && window.matchMedia('(pointer: coarse)').matches ? 1 : 0;
  },

  mn_js_prefers_reduced_motion: function () {
    return window.matchMedia && window.matchMedia('(prefers-reduced-motion: reduce)').matches ? 1 : 0;
  },
  // Replaces Emscripten's own (library_html5.js), which assigns width and height every time. Each assignment to a
  // canvas with a WebGL context reallocates its drawing buffer, and SDL_CreateWindow shrinks the canvas to 1×1 and
  // back (a probe: does CSS size the canvas?), which made the app's start ~45 ms longer. Here a size is assigned only
  // when it differs, and the 1×1 probe is not applied: this page's canvas is always sized by CSS (web/style.css), and
  // SDL reads the CSS size, not the backing store, to decide.
  emscripten_set_canvas_element_size__deps: ['$findCanvasEventTarget'],
  emscripten_set_canvas_element_size__sig: 'iiii',
  emscripten_set_canvas_element_size: function (target, width, height) {
    var canvas = findCanvasEventTarget(target);
    if (!canvas) return -4; // EMSCRIPTEN_RESULT_UNKNOWN_TARGET
    if (width === 1 && height === 1) return 0;
    if (canvas.width !== width) canvas.width = width;
    if (canvas.height !== height) canvas.height = height;
    return 0;
  },
  mn_js_first_frame: function () {
    document.documentElement.classList.add('mn-ready');
    window.dispatchEvent(new Event('mn-ready'));
  },
  // The crash guard (main_web.cpp): runs a frame (0) or closes a half-built one (1). A frame that stops half-way (an
  // abort() through mn_js_abort, a trap, a throw) unwinds to here: the stack pointer is put back, the console says
  // "mn-crash: …", and 1 tells the app to recover. Emscripten's own abort() is never reached, so the runtime goes on.
  mn_js_run_guarded__deps: ['mn_frame_body', 'mn_frame_close'],
  mn_js_run_guarded: function (which) {
    var sp = stackSave();
    try {
      if (which) _mn_frame_close(); else _mn_frame_body();
      return 0;
    } catch (e) {
      stackRestore(sp);
      console.error('mn-crash: ' + (e && e.message ? e.message : String(e)));
      return 1;
    }
  },
  mn_js_abort: function () { throw new Error('abort() in the app'); },
  // WebGL context loss: give the browser a few seconds to restore it (on_gl_restored in main_web.cpp); if it does
  // not, a readable message with a reload button replaces the blank canvas.
  mn_js_gl_lost: function (message, reload) {
    var text = UTF8ToString(message), label = UTF8ToString(reload);
    document.documentElement.setAttribute('data-gl', 'lost');
    clearTimeout(window.mnGlTimer);
    window.mnGlTimer = setTimeout(function () {
      var box = document.getElementById('mn-gl-lost');
      if (box) return;
      box = document.createElement('div');
      box.id = 'mn-gl-lost';
      box.setAttribute('role', 'alert');
      var s = box.style;
      s.position = 'fixed'; s.left = '0'; s.right = '0'; s.top = '0'; s.bottom = '0'; s.display = 'flex';
      s.flexDirection = 'column'; s.alignItems = 'center'; s.justifyContent = 'center'; s.padding = '2rem';
      s.background = '#fff'; s.color = '#1a1a1a'; s.font = '1.1rem/1.5 system-ui, sans-serif'; s.textAlign = 'center';
      s.zIndex = '10';
      var p = document.createElement('p');
      p.textContent = text;
      p.style.maxWidth = '32rem';
      var button = document.createElement('button');
      button.type = 'button';
      button.textContent = label;
      button.style.font = 'inherit'; button.style.padding = '.6rem 1.2rem'; button.style.minHeight = '44px';
      button.addEventListener('click', function () { location.reload(); });
      box.appendChild(p);
      box.appendChild(button);
      document.body.appendChild(box);
      button.focus();
    }, Number(window['mnGlLostWaitMs']) || 4000);
  },
  mn_js_gl_restored: function () {
    clearTimeout(window.mnGlTimer);
    document.documentElement.setAttribute('data-gl', 'ok');
    var box = document.getElementById('mn-gl-lost');
    if (box) box.parentNode.removeChild(box);
  },
  mn_js_fatal: function (what, detail) {
    if (window['mnShowError']) window['mnShowError'](UTF8ToString(what), UTF8ToString(detail));  // set by web/loader.js
  },
  $mnNewString__deps: ['malloc'],
  $mnNewString: function (v) {
    if (v === null || v === undefined) return 0;
    var n = lengthBytesUTF8(v) + 1, p = _malloc(n);
    stringToUTF8(v, p, n);
    return p;
  },
  mn_js_language_preference_new__deps: ['$mnNewString'],
  mn_js_language_preference_new: function () {
    return mnNewString(window['mnLanguagePreference'] ? window['mnLanguagePreference']() : null);  // web/loader.js
  },
  mn_js_request_language: function (code) {
    if (window['mnRequestLanguage']) window['mnRequestLanguage'](UTF8ToString(code));  // set by web/loader.js
  },
  mn_js_remember_language: function (code) {
    try { window.localStorage.setItem('mn-lang', UTF8ToString(code)); } catch (e) { /* storage may be off */ }
  },
  // The next person must find nothing of this one: the printable copy of the plan, the plan text the app put on
  // the clipboard (overwritten where the browser lets the page write it), the kept URL and storage.
  mn_js_forget_person__deps: ['$mnPlaced'],
  mn_js_forget_person: function () {
    mnPlaced.value = false;
    var print = document.getElementById('mn-print');
    if (print) { while (print.firstChild) print.removeChild(print.firstChild); print.style.display = 'none'; }
    if (window.mnCopiedText) {
      window.mnCopiedText = false;
      try {
        if (navigator.clipboard && navigator.clipboard.writeText) navigator.clipboard.writeText('').catch(function () { /* not allowed */ });
      } catch (e) { /* not allowed */ }
    }
    try { history.replaceState(null, '', location.pathname + location.search.replace(/([?&])(lang)=[^&]*&?/, '$1').replace(/[?&]$/, '')); } catch (e) { /* file:// */ }
    try { window.sessionStorage.clear(); } catch (e) { /* storage may be off */ }
    try { window.localStorage.removeItem('mn-lang'); } catch (e) { /* storage may be off */ }
  },
  // Embedded in a clinic's page (an iframe): a touch drag the app's content cannot follow is left to the browser, which
  // scrolls the host page on, as it does past the end of any scrolling box. The canvas normally keeps every touch
  // (touch-action: none); at the content's top it lets the browser take a drag that scrolls up (the finger moving
  // down), at its bottom one that scrolls down, and when nothing scrolls any vertical drag. An engine without
  // one-direction values (touch-action: pan-up) keeps every touch unless nothing scrolls: a drag must always reach the
  // app's content. The browser reads the value when a touch begins, so it applies from the next drag.
  mn_js_scroll_edges: function (edges) {
    if (window.parent === window) return;
    var oneWay = window.CSS && CSS.supports && CSS.supports('touch-action', 'pan-up');
    var value = edges === 3 ? 'pan-y' : !oneWay ? 'none' : edges === 1 ? 'pan-up' : edges === 2 ? 'pan-down' : 'none';
    Module['canvas'].style.touchAction = value;
  },
  mn_js_set_mode: function (mode) {
    var m = UTF8ToString(mode), root = document.documentElement;
    root.setAttribute('data-mode', m);
    if (m !== 'kiosk' || window.mnKiosk) return;
    window.mnKiosk = true;
    // A kiosk is shared: no selecting text, no context menu, and a clock that lets the app start over when idle.
    root.style.userSelect = 'none';
    root.style.webkitUserSelect = 'none';
    window.addEventListener('contextmenu', function (e) { e.preventDefault(); }, true);
    setInterval(function () { Module['_mn_kiosk_tick'](); }, 1000);
    // Full screen on the first touch (a browser allows it only inside a gesture).
    window.addEventListener('pointerdown', function once() {
      window.removeEventListener('pointerdown', once, true);
      var el = document.documentElement;
      if (!document.fullscreenElement && el.requestFullscreen) el.requestFullscreen().catch(function () { /* optional */ });
    }, true);
  },
  mn_js_query_param_new__deps: ['$mnNewString'],
  mn_js_query_param_new: function (name) {
    return mnNewString(new URLSearchParams(window.location.search).get(UTF8ToString(name)));
  },
});
