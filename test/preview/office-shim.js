/**
 * Stands in for office.js inside the task pane frame of the preview: the pane gets `Office` and
 * `Excel` from the preview page (its parent, same origin), where the simulated Excel runs over the
 * workbook. Errors from Excel.run are re-made in this frame, so the pane's `instanceof Error` holds
 * as it does with the real office.js.
 */
(function () {
  "use strict";
  var host = window.parent && window.parent !== window ? window.parent.__shinchoku : undefined;
  if (!host || !host.Office || !host.Excel) {
    document.title = "Shinchoku preview: open the preview page, not the pane alone";
    return;
  }
  function local(e) {
    if (!e || typeof e !== "object" || e instanceof Error) return e;
    var copy = new Error(String(e.message));
    copy.name = String(e.name || "Error");
    for (var k of Object.keys(e)) if (!(k in copy)) copy[k] = e[k];
    if (e.code !== undefined) copy.code = e.code;
    if (e.debugInfo !== undefined) copy.debugInfo = e.debugInfo;
    return copy;
  }
  var excel = Object.assign({}, host.Excel, {
    // Excel.run(batch) or Excel.run(options, batch) (RunOptions, e.g. delayForCellEdit).
    run: function (optionsOrBatch, batch) {
      return Promise.resolve(host.Excel.run(optionsOrBatch, batch)).catch(function (e) {
        throw local(e);
      });
    },
  });
  window.Office = host.Office;
  window.Excel = excel;
})();
