// Draws the page's plots with ECharts from the JSON each .chart element carries in data-chart. The same
// figures are in a table beside each plot (for screen readers and keyboards); a click on a bar or a line goes to
// the accounts behind it.
(function () {
  'use strict';
  var LEVEL_COLOURS = {
    'Critical': '#a4161a', 'At Risk': '#b54708', 'Watch': '#7a5d00', 'Unknown': '#4a5360', 'Healthy': '#1e6b34'
  };

  function bars(data) {
    return {
      grid: { left: 48, right: 16, top: 32, bottom: 40 },
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'category', data: data.labels, name: 'score', nameLocation: 'middle', nameGap: 28 },
      yAxis: { type: 'value', name: data.axis, minInterval: 1 },
      series: [{ type: 'bar', data: data.values, itemStyle: { color: '#0b57a4' } }]
    };
  }

  function levels(data) {
    var names = Object.keys(data.series);
    return {
      grid: { left: 48, right: 16, top: 56, bottom: 32 },
      tooltip: { trigger: 'axis' },
      legend: { type: 'scroll', top: 0, data: names }, // one line, so it never runs into the axis name
      xAxis: { type: 'category', data: data.labels },
      yAxis: { type: 'value', name: 'accounts', minInterval: 1 },
      series: names.map(function (n) {
        return { name: n, type: 'line', stack: 'all', areaStyle: {}, symbol: 'circle', symbolSize: 6,
          data: data.series[n], itemStyle: { color: LEVEL_COLOURS[n] }, lineStyle: { color: LEVEL_COLOURS[n] } };
      })
    };
  }

  // Score history: the line over the level bands, each band named (not told by colour alone).
  function history(data) {
    var bands = data.bands.map(function (b) {
      return [{ yAxis: b.from, name: b.level, itemStyle: { color: LEVEL_COLOURS[b.level], opacity: 0.12 },
        label: { position: 'insideLeft', color: '#1b1f24' } }, { yAxis: b.to }];
    });
    return {
      grid: { left: 48, right: 16, top: 32, bottom: 40 },
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'time' },
      yAxis: { type: 'value', min: 0, max: 100, name: 'score' },
      series: [{ type: 'line', name: 'score', step: 'end', symbol: 'circle', symbolSize: 7,
        data: data.points, itemStyle: { color: '#14213d' }, markArea: { silent: true, data: bands } }]
    };
  }

  var KINDS = { bars: bars, levels: levels, history: history };

  function draw(el) {
    var data = JSON.parse(el.getAttribute('data-chart'));
    var chart = window.echarts.init(el);
    chart.setOption(KINDS[data.kind](data));
    chart.on('click', function (p) {
      var link = null;
      if (Array.isArray(data.links)) {
        link = data.links[p.dataIndex];
      } else if (data.links) {
        link = data.links[p.seriesName];
      }
      if (link) {
        window.location.href = link;
      }
    });
    window.addEventListener('resize', function () { chart.resize(); });
    el.setAttribute('data-drawn', 'true');
  }

  document.addEventListener('DOMContentLoaded', function () {
    if (!window.echarts) {
      return;
    }
    document.querySelectorAll('.chart[data-chart]').forEach(draw);
  });
})();
