// Runs before the app's WebAssembly has arrived, while the page shows its
// static frame (index.html). Keeps what the person does meanwhile — a
// dropped or picked file, a click on "Try an example" — for the app to take
// over (src/frame.rs), and keeps a dropped file from opening in the tab.
// Typed or pasted text simply stays in the text box. Once the app has
// taken over (`taken`), it handles everything itself.
(function () {
  'use strict';
  var early = { example: false, file: null, taken: false };
  window.saidwhoEarly = early;
  function hasFiles(e) {
    var types = e.dataTransfer ? e.dataTransfer.types : [];
    return Array.prototype.indexOf.call(types, 'Files') >= 0;
  }
  function onEditor(e) {
    return e.target && e.target.id === 'article-text';
  }
  function onDrag(e) {
    if (!early.taken && (hasFiles(e) || !onEditor(e))) e.preventDefault();
  }
  window.addEventListener('dragenter', onDrag);
  window.addEventListener('dragover', onDrag);
  window.addEventListener('drop', function (e) {
    if (early.taken) return;
    if (hasFiles(e)) {
      e.preventDefault();
      early.file = e.dataTransfer.files[0] || null;
      early.example = false;
    } else if (!onEditor(e)) {
      e.preventDefault();
    }
  });
  document.addEventListener('click', function (e) {
    if (!early.taken && e.target.closest && e.target.closest('[data-example]')) {
      early.example = true;
      early.file = null;
    }
  });
  document.addEventListener('change', function (e) {
    var input = e.target;
    if (!early.taken && input.type === 'file' && input.files && input.files[0]) {
      early.file = input.files[0];
      early.example = false;
    }
  });
})();
