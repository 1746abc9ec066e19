/*
 * Draws the dashboard's charts from the tables on the page, so every chart shows exactly the numbers of
 * its table (the table is what screen readers and keyboard users read; the canvas is aria-labelled).
 */
(function () {
  'use strict';
  if (typeof Chart === 'undefined') {
    return;
  }
  // Colours with at least 3:1 contrast against white, told apart by pattern of order as well as hue.
  var COLOURS = ['#0b4f8a', '#a34c00', '#2b6b2f', '#6b2c91'];
  var reduceMotion = window.matchMedia && window.matchMedia('(prefers-reduced-motion: reduce)').matches;

  function cellNumber(cell) {
    var n = parseFloat((cell.textContent || '').replace(',', '.'));
    return isNaN(n) ? 0 : n;
  }

  document.querySelectorAll('canvas[data-chart]').forEach(function (canvas) {
    var table = document.getElementById(canvas.getAttribute('data-table'));
    if (!table) {
      return;
    }
    var columns = canvas.getAttribute('data-columns').split(',').map(Number);
    var headers = table.querySelectorAll('thead th');
    var rows = Array.prototype.filter.call(table.querySelectorAll('tbody tr'), function (r) {
      return r.querySelector('th') !== null;
    });
    var labels = rows.map(function (r) { return r.querySelector('th').textContent.trim(); });
    var datasets = columns.map(function (col, n) {
      return {
        label: headers[col].textContent.trim(),
        data: rows.map(function (r) { return cellNumber(r.children[col]); }),
        backgroundColor: COLOURS[n % COLOURS.length]
      };
    });
    new Chart(canvas, {
      type: 'bar',
      data: { labels: labels, datasets: datasets },
      options: {
        indexAxis: canvas.getAttribute('data-horizontal') === 'true' ? 'y' : 'x',
        animation: reduceMotion ? false : { duration: 300 },
        maintainAspectRatio: false,
        scales: { x: { ticks: { color: '#1a1a1a', precision: 0 } }, y: { ticks: { color: '#1a1a1a', precision: 0 }, beginAtZero: true } },
        plugins: { legend: { labels: { color: '#1a1a1a' } } }
      }
    });
  });
})();
